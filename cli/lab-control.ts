import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { labStateDir, packageRoot } from './state-paths.ts';
import { isProcessAlive, registerUser, releaseUser, withStateLock } from './state-lock.ts';

/**
 * Starting and stopping the embedded lab. The lab runs as its own daemon process; this
 * module only spawns it and reads the files it writes (it never imports lab code, as the
 * harness never does).
 */

/** lab.json as the daemon writes it once the lab is ready (the contract with lab/daemon.ts). */
export interface RunningLabInfo {
  pid: number;
  topology: string;
  startedAt: string;
  estateFile: string;
  truthLog: string;
  hosts: Record<string, { sshPort: number }>;
}

/** A lab whose daemon is alive. */
export interface RunningLab {
  pid: number;
  stateDir: string;
  estateFile: string;
  truthLogFile: string;
  info: RunningLabInfo;
}

export interface LabHandle extends RunningLab {
  /** True when an already running lab was returned instead of starting a daemon. */
  reused: boolean;
  stop(): Promise<void>;
}

export interface StartLabOptions {
  topologyFile: string;
  /** Default: the topology's folder under the state directory, `labStateDir(name)`. */
  stateDir?: string;
  /** Let the daemon outlive this process (`mqchaos lab up`). Otherwise it is stopped when this process exits. */
  detached?: boolean;
  readyTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export type LabControlErrorCode = 'LAB_TOPOLOGY_UNREADABLE' | 'LAB_START_FAILED' | 'LAB_START_TIMEOUT' | 'LAB_STOP_TIMEOUT';

export class LabControlError extends Error {
  constructor(
    readonly code: LabControlErrorCode,
    message: string,
    readonly daemonLogTail?: string,
  ) {
    super(daemonLogTail ? `${message}\n--- daemon.log (tail) ---\n${daemonLogTail}` : message);
    this.name = 'LabControlError';
  }
}

const DAEMON_SCRIPT = join(packageRoot, 'lab', 'daemon.ts');
const DEFAULT_READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const FILE_POLL_MS = 100;

/** The `name:` of a topology file, which keys its state directory. */
export function topologyNameOf(topologyFile: string): string {
  const file = resolve(topologyFile);
  let document: unknown;
  try {
    document = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LabControlError('LAB_TOPOLOGY_UNREADABLE', `${file}: ${(error as Error).message}`);
  }
  const name = (document as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new LabControlError('LAB_TOPOLOGY_UNREADABLE', `${file}: name: must be lower-case letters, digits and -`);
  }
  return name;
}

/** The lab running in `stateDir`, or undefined (no lab.json, or its daemon is gone). */
export function labStatus(stateDir: string): RunningLab | undefined {
  const dir = resolve(stateDir);
  const info = readLabInfo(dir);
  if (!info || !isLabDaemon(info.pid)) return undefined;
  return { pid: info.pid, stateDir: dir, estateFile: info.estateFile, truthLogFile: info.truthLog, info };
}

/**
 * Starts the lab of a topology, or joins the one already running in its state directory
 * (under a lock on it, so two CLIs started together never start two). The daemon runs in a
 * session of its own, so a terminal's Ctrl-C reaches the CLI alone. Each process using the
 * lab registers itself; `stop()` unregisters, and the last one out stops a lab that is not
 * kept (`detached`: `mqchaos lab up`, `--keep-lab`).
 */
export async function startLab(options: StartLabOptions): Promise<LabHandle> {
  const topologyFile = resolve(options.topologyFile);
  const stateDir = resolve(options.stateDir ?? labStateDir(topologyNameOf(topologyFile), options.env));
  mkdirSync(stateDir, { recursive: true });
  return withStateLock(join(stateDir, 'start.lock'), async () => {
    if (options.detached) writeFileSync(keptPath(stateDir), '');
    const running = labStatus(stateDir);
    if (running) {
      registerUser(usersPath(stateDir));
      return handleFor(stateDir, running.info, true);
    }
    rmSync(labJsonPath(stateDir), { force: true });
    if (!options.detached) rmSync(keptPath(stateDir), { force: true });

    const logFile = join(stateDir, 'daemon.log');
    const logFd = openSync(logFile, 'w');
    const child = spawn(process.execPath, ['--import', 'tsx', DAEMON_SCRIPT, '--topology', topologyFile, '--state-dir', stateDir], {
      cwd: packageRoot,
      env: options.env ?? process.env,
      stdio: ['ignore', logFd, logFd],
      detached: true,
    });
    closeSync(logFd);
    child.unref();
    try {
      const info = await waitForReady(stateDir, child, options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS, logFile);
      registerUser(usersPath(stateDir));
      return handleFor(stateDir, info, false);
    } catch (error) {
      if (child.exitCode === null) child.kill('SIGKILL');
      throw error;
    }
  });
}

/**
 * Stops the lab in `stateDir`; resolves once its daemon is gone, with false when no lab was
 * running (a stale lab.json left by a killed daemon is removed).
 */
export async function stopLab(stateDir: string): Promise<boolean> {
  const running = labStatus(stateDir);
  if (!running) {
    rmSync(labJsonPath(resolve(stateDir)), { force: true });
    return false;
  }
  const { pid } = running;
  rmSync(keptPath(resolve(stateDir)), { force: true });
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) {
      throw new LabControlError('LAB_STOP_TIMEOUT', `lab daemon ${pid} did not stop within ${STOP_TIMEOUT_MS} ms`);
    }
    // Not our child: its exit cannot be awaited, only observed.
    await delay(50);
  }
  return true;
}

/** Labs this process uses and has not left: a process that ends without stop() (an uncaught error) still leaves them, minus the wait. */
const unreleased = new Map<string, number>();
process.on('exit', () => {
  for (const [stateDir, pid] of unreleased) {
    if (!releaseUser(usersPath(stateDir)) || existsSync(keptPath(stateDir))) continue;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

function handleFor(stateDir: string, info: RunningLabInfo, reused: boolean): LabHandle {
  let released = false;
  unreleased.set(stateDir, info.pid);
  return {
    pid: info.pid,
    stateDir,
    estateFile: info.estateFile,
    truthLogFile: info.truthLog,
    info,
    reused,
    stop: async () => {
      if (released) return;
      released = true;
      unreleased.delete(stateDir);
      await withStateLock(join(stateDir, 'start.lock'), async () => {
        if (releaseUser(usersPath(stateDir)) && !existsSync(keptPath(stateDir))) await stopLab(stateDir);
      });
    },
  };
}

/** Resolves with lab.json once this daemon has written it; fails fast if the daemon exits first. */
function waitForReady(stateDir: string, child: ChildProcess, timeoutMs: number, logFile: string): Promise<RunningLabInfo> {
  return new Promise((resolveReady, rejectReady) => {
    let settled = false;
    const watcher = watch(stateDir, () => check());
    const poll = setInterval(() => check(), FILE_POLL_MS);
    const timer = setTimeout(
      () => finish(new LabControlError('LAB_START_TIMEOUT', `lab did not become ready within ${timeoutMs} ms`, readTail(logFile))),
      timeoutMs,
    );
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      finish(new LabControlError('LAB_START_FAILED', `lab daemon exited (${signal ?? `code ${code}`}) before it was ready`, readTail(logFile)));
    child.once('exit', onExit);

    function check(): void {
      const info = readLabInfo(stateDir);
      if (info && info.pid === child.pid) finish(info);
    }
    function finish(outcome: RunningLabInfo | Error): void {
      if (settled) return;
      settled = true;
      watcher.close();
      clearInterval(poll);
      clearTimeout(timer);
      child.off('exit', onExit);
      if (outcome instanceof Error) rejectReady(outcome);
      else resolveReady(outcome);
    }
    check();
  });
}

function keptPath(stateDir: string): string {
  return join(stateDir, 'kept');
}

function usersPath(stateDir: string): string {
  return join(stateDir, 'users');
}

function labJsonPath(stateDir: string): string {
  return join(stateDir, 'lab.json');
}

function readLabInfo(stateDir: string): RunningLabInfo | undefined {
  const file = labJsonPath(stateDir);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunningLabInfo;
  } catch {
    return undefined;
  }
}

/** Alive, and (where /proc tells) really a lab daemon rather than a process that reused the pid. */
function isLabDaemon(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('daemon.ts');
  } catch {
    return true;
  }
}

function readTail(file: string, maxChars = 2000): string {
  try {
    return readFileSync(file, 'utf8').slice(-maxChars).trimEnd();
  } catch {
    return '';
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}
