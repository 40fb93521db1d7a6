import { linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Coordination between mqchaos processes that share a state directory (two CLIs started
 * together, a `mqchaos server` and a run): an exclusive lock file, and the set of live
 * processes using a shared daemon (the dev server, a lab) so that the last one out stops it.
 */

const POLL_MS = 50;

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes `file` (created exclusively, holding this pid); a lock left by a dead process is taken over. */
function tryLock(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = readPid(file);
  // A holder that has not yet written its pid is alive by definition.
  if (holder === undefined || isProcessAlive(holder)) return false;
  // Renaming is atomic: of two processes taking over the same stale lock, one wins.
  const aside = `${file}.stale.${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return false;
  }
  const moved = readPid(aside);
  if (moved !== holder) {
    // Another process took the stale lock over between our read and our rename: give it back.
    try {
      linkSync(aside, file);
    } catch {
      // it already has a successor
    }
  }
  rmSync(aside, { force: true });
  return false;
}

/** Runs `fn` holding the exclusive lock `file`; waits (bounded) while a live process holds it. */
export async function withStateLock<T>(file: string, fn: () => Promise<T>, timeoutMs = 90_000): Promise<T> {
  mkdirSync(dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  while (!tryLock(file)) {
    if (Date.now() > deadline) {
      throw new Error(`${file} is held by process ${readPid(file) ?? '?'} for more than ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await fn();
  } finally {
    if (readPid(file) === process.pid) rmSync(file, { force: true });
  }
}

/** The live processes registered as using a shared daemon (`<dir>/<pid>` files); stale ones are removed. */
export function liveUsers(dir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const live: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) live.push(pid);
    else rmSync(join(dir, name), { force: true });
  }
  return live;
}

export function registerUser(dir: string): void {
  mkdirSync(dir, { recursive: true });
  closeSync(openSync(join(dir, String(process.pid)), 'w'));
}

/** Unregisters this process; answers whether no other live process still uses the daemon. */
export function releaseUser(dir: string): boolean {
  rmSync(join(dir, String(process.pid)), { force: true });
  return liveUsers(dir).length === 0;
}

/** Sends `signal` to a detached daemon's whole process group, then waits (bounded) until the leader is gone. */
export async function stopProcessGroup(pid: number, timeoutMs = 10_000): Promise<boolean> {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) {
      signalGroup('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 200));
      return !isProcessAlive(pid);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}
