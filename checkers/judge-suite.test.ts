import { describe, expect, it } from 'vitest';
import { judgeSuite } from './judge-suite.ts';
import { atIso, recordingOf, saneKillFailover, scenarioSpecOf, steadyBefore } from '../test/support/recording-fixtures.ts';

const fast = scenarioSpecOf({ properties: { failover: { properties: { instanceFailoverSeconds: { maximum: 30 } } } } });
const slow = { ...scenarioSpecOf({ properties: { failover: { properties: { instanceFailoverSeconds: { maximum: 1 } } } } }), name: 'kill-active-strict' };
const suite = { name: 'multi-instance', scenarios: [fast, slow] };
const paths = () => ['failover.instanceFailoverSeconds'];

describe('judgeSuite', () => {
  it('judgeSuite - scenarios are judged in suite order and the worst verdict wins', () => {
    const recordings = [
      recordingOf(saneKillFailover(), { scenario: 'kill-active-strict' }),
      recordingOf(saneKillFailover()),
    ];
    const result = judgeSuite({ suite, recordings, run: { runId: 'run-1' }, constrainedPaths: paths });
    expect(result.scenarios.map((s) => [s.scenario, s.verdict])).toEqual([
      ['kill-active', 'pass'],
      ['kill-active-strict', 'fail'],
    ]);
    expect(result.verdict).toBe('fail');
    expect(result.estateDirty).toBe(false);
  });

  it('judgeSuite - a scenario without a recording did not run and has no verdict', () => {
    const result = judgeSuite({ suite, recordings: [recordingOf(saneKillFailover())], run: { runId: 'run-1' }, constrainedPaths: paths });
    expect(result.scenarios[1]).toMatchObject({ scenario: 'kill-active-strict', harnessStatus: 'not-run', verdict: 'unknown', runId: 'run-1' });
    expect(result.verdict).toBe('unknown');
  });

  it('judgeSuite - a failed recovery marks the estate dirty', () => {
    const recordings = [recordingOf(saneKillFailover(), { recovery: { ok: false, actions: [], error: 'ssh refused' } })];
    const result = judgeSuite({ suite: { name: 'multi-instance', scenarios: [fast] }, recordings, run: { runId: 'r' }, constrainedPaths: paths });
    expect(result.estateDirty).toBe(true);
  });

  it('judgeSuite - the run span comes from the recordings unless given', () => {
    const recordings = [recordingOf(steadyBefore(3))];
    const one = { name: 'multi-instance', scenarios: [fast] };
    const derived = judgeSuite({ suite: one, recordings, run: { runId: 'r' }, constrainedPaths: paths });
    expect([derived.startedAt, derived.endedAt]).toEqual([atIso(0), atIso(4.2)]);
    const given = judgeSuite({ suite: one, recordings, run: { runId: 'r', startedAt: atIso(-10), endedAt: atIso(60) }, constrainedPaths: paths });
    expect([given.startedAt, given.endedAt]).toEqual([atIso(-10), atIso(60)]);
  });

  it('judgeSuite - a suite with no scenarios has no verdict', () => {
    const result = judgeSuite({ suite: { name: 'empty', scenarios: [] }, recordings: [], run: { runId: 'r' }, constrainedPaths: paths });
    expect(result.verdict).toBe('unknown');
    expect(result.startedAt).toBe(new Date(0).toISOString());
  });

  it('judgeSuite - a recording of a scenario the suite does not define is refused', () => {
    const stray = recordingOf([], { scenario: 'stray' });
    expect(() => judgeSuite({ suite, recordings: [stray], run: { runId: 'r' }, constrainedPaths: paths })).toThrow(
      'recordings for scenarios not in suite multi-instance: stray',
    );
  });
});
