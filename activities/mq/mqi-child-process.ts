import { fork, type ChildProcess } from 'node:child_process';

const STDERR_TAIL_CHARS = 2_000;

/** What an MQI child needs from the worker's environment: the system basics, the MQ client's own variables, the ibmmq package's. */
const PASSED_THROUGH = new Set([
  'PATH', 'HOME', 'USER', 'LOGNAME', 'TMPDIR', 'TMP', 'TEMP', 'LANG', 'LANGUAGE', 'TZ', 'SYSTEMROOT', 'NODE_EXTRA_CA_CERTS',
  'MQSERVER', 'MQCHLLIB', 'MQCHLTAB', 'MQCLNTCF', 'MQCCDTURL', 'MQSSLKEYR', 'MQCERTLABL', 'MQSSLCRYP', 'MQSSLRESET', 'MQAPPLNAME',
  'MQ_FILE_PATH', 'MQ_DATA_PATH', 'MQ_INSTALLATION_PATH',
]);
const PASSED_PREFIXES = ['LC_', 'MQIJS_', 'AMQ_'];
const SECRET_LOOKING = /PASS|SECRET|TOKEN|CREDENTIAL|PRIVATE|(^|_)KEY($|_)|AUTH/i;

/**
 * The environment of an MQI child: only what it needs (above) and the client library path.
 * SSH credentials the worker reads from its environment (`credential: { env: VAR }`), the
 * SSH agent socket and anything else that looks like a secret stay with the worker.
 */
export function mqiChildEnvironment(env: NodeJS.ProcessEnv, libraryDir: string | null): NodeJS.ProcessEnv {
  const child: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || SECRET_LOOKING.test(name) || name.startsWith('SSH_')) continue;
    if (PASSED_THROUGH.has(name.toUpperCase()) || PASSED_PREFIXES.some((prefix) => name.startsWith(prefix))) child[name] = value;
  }
  const libraryPath = [libraryDir, env.LD_LIBRARY_PATH].filter((part) => part).join(':');
  if (libraryPath) child.LD_LIBRARY_PATH = libraryPath;
  return child;
}

/**
 * A Node process of its own for MQI work, forked with an IPC channel and LD_LIBRARY_PATH
 * naming the MQ client library folder (the estate's mqClient.libraryDir; null: the system
 * default) ahead of the worker's own path. The `ibmmq` package loads libmqm_r.so when it is
 * imported, and the dynamic loader reads LD_LIBRARY_PATH only when a process starts: the
 * worker itself cannot load a library the estate names. Used by the traffic clients and the
 * MQI health probes; keeps the tail of the child's standard error for error messages.
 */
export class MqiChildProcess<ToChild, FromChild> {
  readonly child: ChildProcess;
  #stderrTail = '';

  /** `mainFile`: the child's entry point, a TypeScript module run through tsx. */
  constructor(mainFile: string, libraryDir: string | null) {
    this.child = fork(mainFile, [], {
      // tsx by its resolved location: `--import tsx` would be looked up from the working directory.
      execArgv: ['--import', import.meta.resolve('tsx')],
      env: mqiChildEnvironment(process.env, libraryDir),
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.#stderrTail = (this.#stderrTail + chunk.toString()).slice(-STDERR_TAIL_CHARS);
    });
  }

  get stderrTail(): string {
    return this.#stderrTail;
  }

  /** False once it ended or was sent SIGKILL. */
  get running(): boolean {
    return !this.child.killed && this.child.exitCode === null && this.child.signalCode === null;
  }

  onMessage(listener: (message: FromChild) => void): void {
    this.child.on('message', listener as (message: unknown) => void);
  }

  /** Called once the process has ended and its standard streams are closed. */
  onClose(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void {
    this.child.once('close', listener);
  }

  /** Sends when the IPC channel is still open; a message to an ended child is dropped. */
  send(message: ToChild): void {
    if (this.child.connected) this.child.send(message as object);
  }

  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }
}
