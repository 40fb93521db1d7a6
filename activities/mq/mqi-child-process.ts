import { fork, type ChildProcess } from 'node:child_process';

const STDERR_TAIL_CHARS = 2_000;

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
    const libraryPath = [libraryDir, process.env.LD_LIBRARY_PATH].filter((part) => part).join(':');
    this.child = fork(mainFile, [], {
      // tsx by its resolved location: `--import tsx` would be looked up from the working directory.
      execArgv: ['--import', import.meta.resolve('tsx')],
      env: { ...process.env, ...(libraryPath ? { LD_LIBRARY_PATH: libraryPath } : {}) },
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
