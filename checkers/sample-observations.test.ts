import { describe, expect, it } from 'vitest';
import { observeSampleChanges } from './sample-observations.ts';
import { atIso, saneKillFailover, seen, steadyBefore, unreachable } from '../test/support/recording-fixtures.ts';

describe('observeSampleChanges', () => {
  it('observeSampleChanges - a steady estate has nothing to report', () => {
    expect(observeSampleChanges(steadyBefore(4))).toEqual([]);
  });

  it('observeSampleChanges - sane kill failover reports each status change and the new active instance', () => {
    const summaries = observeSampleChanges(saneKillFailover()).map((e) => `${e.at} ${e.summary}`);
    expect(summaries).toEqual([
      `${atIso(5)} mq1: Running → Ended unexpectedly`,
      `${atIso(6)} mq1: Ended unexpectedly → Running elsewhere`,
      `${atIso(6.5)} mq2: Running as standby → Running`,
      `${atIso(6.5)} mq2 reports Active`,
    ]);
  });

  it('observeSampleChanges - an unreachable host is reported as such and keeps its last mode', () => {
    const events = observeSampleChanges([
      seen(0, 'mq1', 'Running', 'mq1:Active'),
      unreachable(1, 'mq1', 'ssh: connect timed out'),
      seen(2, 'mq1', 'RUNNING', 'MQ1:ACTIVE'),
    ]);
    expect(events.map((e) => e.summary)).toEqual(['mq1: Running → (unreachable)', 'mq1: (unreachable) → RUNNING']);
    expect(events[0]!.detail).toEqual({ queueManager: 'QM1', error: 'ssh: connect timed out' });
    expect(events.every((e) => e.kind === 'observation' && e.host === 'mq1')).toBe(true);
  });

  it('observeSampleChanges - a change of case only is not a change of status', () => {
    expect(observeSampleChanges([seen(0, 'mq1', 'Running'), seen(1, 'mq1', 'RUNNING')])).toEqual([]);
  });
});
