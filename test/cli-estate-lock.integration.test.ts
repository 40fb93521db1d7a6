import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../cli/state-paths.ts';
import { filterEvents, readTruthLog } from '../lab/truth-log.ts';
import { startMqchaos, waitForTruth } from './support/mqchaos-process.ts';

const scratches: string[] = [];
afterAll(() => scratches.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Two users of one machine: one state directory (dev server, lab), one working directory (reports). */
function twoTerminals() {
  const scratch = mkdtempSync(join(tmpdir(), 'mqchaos-lock-'));
  scratches.push(scratch);
  const stateDir = join(scratch, 'state');
  // The lab's truth log stays in its state folder after the lab has stopped.
  const truthFile = join(stateDir, 'lab', 'demo', 'truth.jsonl');
  const truthLog = () => truthFile;
  // The first run keeps its fault window open long after the kill (settle 20 s), so the second
  // CLI's start-up (several seconds on a loaded machine) cannot outlast it.
  const lingeringSuite = join(scratch, 'mi-kill-active-lingering.yaml');
  writeFileSync(
    lingeringSuite,
    readFileSync(join(packageRoot, 'suites/lab/mi-kill-active.yaml'), 'utf8').replace('settleSeconds: 1 }', 'settleSeconds: 20 }'),
  );
  const run = (...extra: string[]) => runSuite(join(packageRoot, 'suites/lab/mi-kill-active.yaml'), ...extra);
  const runLingering = () => runSuite(lingeringSuite);
  const runSuite = (suiteFile: string, ...extra: string[]) =>
    startMqchaos(['run', suiteFile, ...extra], {
      cwd: scratch,
      stateDir,
      env: { MQCHAOS_DEV_SERVER_DEFAULT_PORTS: 'no', MQCHAOS_WORKER_LOG: join(scratch, 'worker.log') },
    });
  return { run, runLingering, truthLog };
}

describe('one run per estate, two mqchaos run at once', () => {
  it('estate lock - a second run while the first is mid-fault is refused with exit 2 naming the holder; the first is untouched and passes', async () => {
    const { run, runLingering, truthLog } = twoTerminals();
    const fromMs = Date.now();
    const first = runLingering();
    await waitForTruth(truthLog, (e) => e.event === 'process-killed', { fromMs, exited: first.exited });
    const second = run();
    const secondCode = await second.exited;
    const firstCode = await first.exited;

    expect(secondCode, second.stderr()).toBe(2);
    const firstRun = /Run (\S+) on Temporal/.exec(first.stdout())![1]!;
    expect(second.stderr()).toContain(`The estate is in use by run mqchaos-${firstRun}`);
    expect(second.stderr()).toContain(`temporal workflow cancel --workflow-id mqchaos-${firstRun}`);
    expect(second.stderr()).toContain('nothing was touched');
    expect(firstCode, first.stdout() + first.stderr()).toBe(0);
    // One fault in all, and the refused run issued no command that changes anything.
    const truth = readTruthLog(truthLog()!);
    expect(filterEvents(truth, 'process-killed')).toHaveLength(1);
    const changes = filterEvents(truth, 'command').filter((e) => /^(kill|strmqm|endmqm|iptables)/.test(e.command));
    expect(changes.map((e) => e.command.split(' ')[0])).toEqual(['kill', 'strmqm']);
  });

  it('estate lock - two runs started together with --wait share one dev server and lab and run one after the other; both pass', async () => {
    const { run, truthLog } = twoTerminals();
    const a = run('--wait');
    const b = run('--wait');
    const [codeA, codeB] = await Promise.all([a.exited, b.exited]);
    expect(codeA, a.stdout() + a.stderr()).toBe(0);
    expect(codeB, b.stdout() + b.stderr()).toBe(0);
    // Faults in sequence: the second kill comes after the first killed instance was started again.
    const truth = readTruthLog(truthLog()!);
    const kills = filterEvents(truth, 'process-killed').filter((e) => e.signal === 'KILL');
    expect(kills).toHaveLength(2);
    const firstRestart = filterEvents(truth, 'command').find((e) => e.t > kills[0]!.t && e.host === kills[0]!.host && e.command.startsWith('strmqm'))!;
    expect(firstRestart.t).toBeLessThan(kills[1]!.t);
    expect(filterEvents(truth, 'lab-started')).toHaveLength(1);
    expect(filterEvents(truth, 'lab-stopped')).toHaveLength(1);
  });
});
