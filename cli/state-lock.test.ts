import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { liveUsers, registerUser, releaseUser, withStateLock } from './state-lock.ts';

const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-state-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A process that takes the lock, writes begin, yields a few times, writes end. */
function contender(lockFile: string, journal: string, name: string): Promise<number | null> {
  const script = `
    import { appendFileSync } from 'node:fs';
    import { withStateLock } from ${JSON.stringify(new URL('./state-lock.ts', import.meta.url).pathname)};
    await withStateLock(${JSON.stringify(lockFile)}, async () => {
      appendFileSync(${JSON.stringify(journal)}, 'begin ${name}\\n');
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 10));
      appendFileSync(${JSON.stringify(journal)}, 'end ${name}\\n');
    });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
  return new Promise((resolve) => child.once('exit', resolve));
}

describe('state lock', () => {
  it('withStateLock - processes started together take the lock one at a time', async () => {
    const lockFile = join(scratch, 'together', 'start.lock');
    const journal = join(scratch, 'together.journal');
    writeFileSync(journal, '');
    const codes = await Promise.all(['a', 'b', 'c', 'd'].map((name) => contender(lockFile, journal, name)));
    expect(codes).toEqual([0, 0, 0, 0]);
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(8);
    for (let i = 0; i < lines.length; i += 2) expect(lines[i + 1]).toBe(lines[i]!.replace('begin', 'end'));
  });

  it('withStateLock - a lock left by a process that died is taken over; one held by a live process is waited for', async () => {
    const lockFile = join(scratch, 'stale', 'start.lock');
    await withStateLock(lockFile, async () => undefined);
    writeFileSync(lockFile, '2147483646'); // no such process
    expect(await withStateLock(lockFile, async () => 'taken')).toBe('taken');
    writeFileSync(lockFile, String(process.ppid));
    await expect(withStateLock(lockFile, async () => 'never', 300)).rejects.toThrow(`held by process ${process.ppid}`);
    rmSync(lockFile);
  });

  it('users - the last live user out is told so; users that died do not count', () => {
    const dir = join(scratch, 'users');
    registerUser(dir);
    writeFileSync(join(dir, String(process.ppid)), '');
    writeFileSync(join(dir, '2147483646'), '');
    expect(liveUsers(dir).sort()).toEqual([process.pid, process.ppid].sort());
    expect(releaseUser(dir)).toBe(false);
    rmSync(join(dir, String(process.ppid)));
    registerUser(dir);
    expect(releaseUser(dir)).toBe(true);
  });
});
