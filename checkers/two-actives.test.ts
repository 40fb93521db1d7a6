import { describe, expect, it } from 'vitest';
import { atIso, recordingOf, saneKillFailover, scenarioSpecOf, seen, steadyBefore, unreachable } from '../test/support/recording-fixtures.ts';
import { judgeScenario } from './judge-scenario.ts';
import { findTwoActives } from './two-actives.ts';

/** Split brain: from 6 s both mq1 and mq2 report Running, polled in the same rounds. */
function splitBrain() {
  const samples = [...steadyBefore(4).filter((s) => s.host === 'mq1' || s.t < Date.parse(atIso(4.5)))];
  for (let s = 5; s <= 8; s += 1) {
    samples.push(seen(s, 'mq1', 'Running', 'mq1:Active'));
    samples.push(seen(s + 0.05, 'mq2', s < 6 ? 'Running as standby' : 'Running', s < 6 ? 'mq2:Standby' : 'mq2:Active'));
  }
  return samples;
}

describe('findTwoActives - two instances Running at once', () => {
  it('findTwoActives - no history, no finding', () => {
    expect(findTwoActives([], 1000)).toEqual([]);
  });

  it('findTwoActives - a normal failover (the new active starts after the old one ended) is no finding', () => {
    expect(findTwoActives(saneKillFailover(), 1000)).toEqual([]);
  });

  it('findTwoActives - both hosts Running in the same rounds make one finding with its span and sample count', () => {
    const [finding, ...rest] = findTwoActives(splitBrain(), 1000);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'two-actives', at: atIso(6), until: atIso(8.05), hosts: ['mq1', 'mq2'], samples: 6 });
    expect(finding!.summary).toBe(`mq1 and mq2 both reported Running from ${atIso(6)} to ${atIso(8.05)} (6 samples): two active instances`);
  });

  it('findTwoActives - a Running sample between two Running samples of the other host counts, across rounds', () => {
    const samples = [seen(0, 'mq1', 'Running'), seen(0.6, 'mq2', 'Running'), seen(1, 'mq1', 'Running')];
    expect(findTwoActives(samples, 1000).map((f) => f.hosts)).toEqual([['mq1', 'mq2']]);
  });

  it('findTwoActives - an unreachable sample proves nothing', () => {
    const samples = [seen(0, 'mq1', 'Running'), unreachable(0.6, 'mq2'), seen(1, 'mq1', 'Running')];
    expect(findTwoActives(samples, 1000)).toEqual([]);
  });
});

describe('judgeScenario - findings', () => {
  const failoverWithin10s = { properties: { failover: { properties: { instanceFailoverSeconds: { maximum: 10 } } } } };

  it('judgeScenario - two actives fail an expectation that holds on timings, in words', () => {
    const result = judgeScenario(recordingOf(splitBrain()), scenarioSpecOf(failoverWithin10s));
    expect(result.findings).toHaveLength(1);
    expect(result.verdict).toBe('fail');
    expect(result.expectation.failures).toEqual([
      `findings has two-actives: ${result.findings![0]!.summary}; the expectation does not allow it (constrain findings to allow it)`,
    ]);
  });

  it('judgeScenario - an expectation that constrains findings decides about them itself', () => {
    const expectsSplitBrain = { properties: { findings: { minItems: 1 } } };
    expect(judgeScenario(recordingOf(splitBrain()), scenarioSpecOf(expectsSplitBrain)).verdict).toBe('pass');
    expect(judgeScenario(recordingOf(saneKillFailover()), scenarioSpecOf(expectsSplitBrain)).verdict).toBe('fail');
  });

  it('judgeScenario - a clean failover has no findings and passes', () => {
    const result = judgeScenario(recordingOf(saneKillFailover()), scenarioSpecOf(failoverWithin10s));
    expect(result.findings).toEqual([]);
    expect(result.verdict).toBe('pass');
  });
});
