import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { atIso, atMs, event, recordingOf, scenarioSpecOf, steadyBefore } from '../test/support/recording-fixtures.ts';
import type { ClusterMemberSample } from './cluster-samples.ts';
import { judgeScenario } from './judge-scenario.ts';

const resultSchema = JSON.parse(readFileSync(new URL('../suites/schemas/result.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

function sender(seconds: number, depth: number, status: string): ClusterMemberSample {
  return { t: atMs(seconds), queueManager: 'QM1', host: 'cq1', ok: true, transmitDepth: depth, channels: [{ channel: 'DEMO.QM3', type: 'CLUSSDR', status, messagesAvailable: depth, messages: 0 }] };
}

/** QM3 stopped at 4.2 s under bind-on-open traffic, restarted and verified at 9 s: 5 messages built up on QM1, drained at 10 s. */
function stopMemberRecording() {
  return recordingOf(steadyBefore(3), {
    scenario: 'stop-member',
    queueManager: 'QM3',
    fault: { kind: 'stop-member', injectedAt: atMs(4.2), target: { host: 'cq3' } },
    events: [event(4.2, 'fault-injected', 'endmqm -i QM3 on cq3'), { at: atIso(9), kind: 'fault-restored', summary: 'restored endmqm -i QM3 on cq3: strmqm QM3' }],
    cluster: [sender(4, 0, 'RUNNING'), sender(5, 2, 'RETRYING'), sender(7, 5, 'RETRYING'), sender(9, 5, 'RUNNING'), sender(10, 0, 'RUNNING')],
  });
}

describe('judgeScenario - a cluster scenario', () => {
  it('judgeScenario - transmit and channels from the cluster samples, in a document the result schema accepts', () => {
    const result = judgeScenario(stopMemberRecording(), scenarioSpecOf({ properties: { transmit: { properties: { QM1: { properties: { stuckMessages: { const: 0 } } } } } } }));
    expect(result.transmit?.QM1).toMatchObject({ baseline: 0, peakDepth: 5, depthAtRecovery: 5, drainSeconds: 1, stuckMessages: 0 });
    expect(result.channels?.QM1?.['DEMO.QM3']).toMatchObject({ timeInRetryingSeconds: 4, endedStopped: false });
    expect(result.verdict).toBe('pass');
    const validate = new Ajv({ strict: false, allErrors: true }).compile(resultSchema);
    expect(validate(JSON.parse(JSON.stringify(result))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('judgeScenario - a buildup limit the run exceeds fails in words', () => {
    const result = judgeScenario(stopMemberRecording(), scenarioSpecOf({ properties: { transmit: { properties: { QM1: { properties: { peakDepth: { maximum: 3 } } } } } } }), ['transmit.QM1.peakDepth']);
    expect(result.verdict).toBe('fail');
    expect(result.expectation.failures).toEqual(['transmit.QM1.peakDepth was 5, must be at most 3']);
  });

  it('judgeScenario - a channel left STOPPED fails an expectation that it ends running', () => {
    const recording = stopMemberRecording();
    recording.cluster!.push(sender(12, 0, 'STOPPED'));
    const result = judgeScenario(recording, scenarioSpecOf({ properties: { channels: { properties: { QM1: { properties: { 'DEMO.QM3': { properties: { endedStopped: { const: false } } } } } } } } }), ['channels.QM1.DEMO.QM3.endedStopped']);
    expect(result.verdict).toBe('fail');
    expect(result.expectation.failures[0]).toContain('endedStopped');
  });
});

describe('measureRouting', () => {
  it('measureRouting - each producer\'s messages counted per queue manager its consumers got them from', async () => {
    const { measureRouting } = await import('./message-routing.ts');
    const routing = measureRouting({
      clients: [
        { header: { k: 'producer', id: 'p1', queue: 'Q', persistence: 'persistent', syncpoint: 0, sliceMs: 50, t: 0 }, lines: [] },
        { header: { k: 'producer', id: 'p2', queue: 'Q', persistence: 'persistent', syncpoint: 0, sliceMs: 50, t: 0 }, lines: [] },
        { header: { k: 'consumer', id: 'c1', queue: 'Q', qm: 'QM3', syncpoint: 0, t: 0 }, lines: [{ k: 'g', r: { p1: '1-10', p2: '1,3' }, n: 12, a: 1, t: 0, u: 1 }] },
        { header: { k: 'consumer', id: 'c2', queue: 'Q', qm: 'QM4', syncpoint: 0, t: 0 }, lines: [{ k: 'g', r: { p2: '2,4-6' }, n: 4, a: 1, t: 0, u: 1 }] },
      ],
    });
    expect(routing).toEqual({ p1: { deliveredTo: { QM3: 10 } }, p2: { deliveredTo: { QM3: 2, QM4: 4 } } });
  });
});
