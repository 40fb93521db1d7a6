import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findEventAfter, findInstanceState, instanceRolesAt, readTruthLog, type TruthEvent } from './truth-log.ts';

const failover: TruthEvent[] = [
  { t: 0, event: 'lab-started', topology: 'demo', hosts: ['mq1', 'mq2', 'nfs1'], queueManagers: ['QM1'] },
  { t: 1, event: 'instance-state', qm: 'QM1', host: 'mq1', from: null, to: 'starting' },
  { t: 1, event: 'lock-acquired', qm: 'QM1', host: 'mq1' },
  { t: 1, event: 'instance-state', qm: 'QM1', host: 'mq1', from: 'starting', to: 'replaying' },
  { t: 100, event: 'instance-state', qm: 'QM1', host: 'mq1', from: 'replaying', to: 'active' },
  { t: 101, event: 'instance-state', qm: 'QM1', host: 'mq2', from: null, to: 'starting' },
  { t: 101, event: 'instance-state', qm: 'QM1', host: 'mq2', from: 'starting', to: 'standby' },
  { t: 500, event: 'process-killed', host: 'mq1', pid: 600, signal: 'KILL', command: '/opt/mqm/bin/amqzxma0 -m QM1 -x -u mqm' },
  { t: 500, event: 'lock-released', qm: 'QM1', host: 'mq1', reason: 'process-ended' },
  { t: 500, event: 'instance-state', qm: 'QM1', host: 'mq1', from: 'active', to: 'ended' },
  { t: 601, event: 'lock-acquired', qm: 'QM1', host: 'mq2' },
  { t: 601, event: 'instance-state', qm: 'QM1', host: 'mq2', from: 'standby', to: 'replaying' },
  { t: 701, event: 'instance-state', qm: 'QM1', host: 'mq2', from: 'replaying', to: 'active' },
];

describe('truth log - roles and lookups', () => {
  it.each([
    [50, { active: [], standby: [] }],
    [101, { active: ['mq1'], standby: ['mq2'] }],
    [499, { active: ['mq1'], standby: ['mq2'] }],
    [500, { active: [], standby: ['mq2'] }],
    [650, { active: [], standby: [] }],
    [undefined, { active: ['mq2'], standby: [] }],
  ])('truth log - roles of QM1 at %s', (atMs, roles) => {
    expect(instanceRolesAt(failover, 'QM1', atMs)).toEqual(roles);
  });

  it('truth log - roles of a queue manager the log never mentions are empty', () => {
    expect(instanceRolesAt(failover, 'QM2')).toEqual({ active: [], standby: [] });
  });

  it('truth log - the first active after the kill is mq2 at 701', () => {
    expect(findInstanceState(failover, { qm: 'QM1', to: 'active', afterMs: 500 })).toMatchObject({ host: 'mq2', t: 701 });
    expect(findInstanceState(failover, { qm: 'QM1', to: 'active' })).toMatchObject({ host: 'mq1', t: 100 });
    expect(findEventAfter(failover, 'lock-acquired', 2, (e) => e.host === 'mq2')?.t).toBe(601);
    expect(findEventAfter(failover, 'lock-released', 501)).toBeUndefined();
  });
});

describe('truth log - reading the file', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('truth log - a last line still being written is left out', () => {
    dir = mkdtempSync(join(tmpdir(), 'mqchaos-truth-'));
    const file = join(dir, 'truth.jsonl');
    writeFileSync(file, `${JSON.stringify(failover[0])}\n${JSON.stringify(failover[1])}\n{"t":2,"ev`);
    expect(readTruthLog(file)).toEqual([failover[0], failover[1]]);
  });

  it('truth log - a broken line in the middle names the file and line', () => {
    dir = mkdtempSync(join(tmpdir(), 'mqchaos-truth-'));
    const file = join(dir, 'truth.jsonl');
    writeFileSync(file, `${JSON.stringify(failover[0])}\nnot json\n${JSON.stringify(failover[1])}\n`);
    expect(() => readTruthLog(file)).toThrow(`${file}:2: not a JSON truth event`);
  });
});
