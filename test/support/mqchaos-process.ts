import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../cli/state-paths.ts';
import { readTruthLog, type TruthEvent } from '../../lab/truth-log.ts';

/**
 * The real `mqchaos` command in a process of its own, as a terminal starts it: its own
 * process group (so a test can send the group the Ctrl-C a terminal would), its own state
 * directory and working directory, output collected.
 */
export interface MqchaosProcess {
  child: ChildProcess;
  pid: number;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  /** What a terminal's Ctrl-C does: SIGINT to the whole foreground process group. */
  ctrlC(): void;
}

export function startMqchaos(args: string[], options: { cwd: string; stateDir: string; env?: NodeJS.ProcessEnv }): MqchaosProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, MQCHAOS_STATE_DIR: options.stateDir, ...options.env };
  if (!options.env?.TEMPORAL_ADDRESS) delete env.TEMPORAL_ADDRESS;
  const child = spawn(process.execPath, [join(packageRoot, 'bin', 'mqchaos.js'), ...args], {
    cwd: options.cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    pid: child.pid!,
    stdout: () => out,
    stderr: () => err,
    exited,
    ctrlC: () => process.kill(-child.pid!, 'SIGINT'),
  };
}

/** Resolves with the first truth event after `fromMs` that `matches` (the lab's truth log, polled; bounded). */
export async function waitForTruth(
  truthLogFile: () => string | undefined,
  matches: (event: TruthEvent) => boolean,
  options: { fromMs: number; timeoutMs?: number; exited?: Promise<unknown> },
): Promise<TruthEvent> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let gone = false;
  void options.exited?.then(() => (gone = true));
  while (Date.now() < deadline) {
    const file = truthLogFile();
    if (file && existsSync(file)) {
      const found = readTruthLog(file).find((event) => event.t >= options.fromMs && matches(event));
      if (found) return found;
    }
    if (gone) throw new Error('the mqchaos process ended before the awaited truth event');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the awaited truth event did not come');
}

/** Processes still alive in process group `pgid` (Linux /proc). */
export function processesInGroup(pgid: number): number[] {
  const alive: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] !== 'Z' && Number(fields[2]) === pgid) alive.push(Number(name));
    } catch {
      // ended while we looked
    }
  }
  return alive;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
