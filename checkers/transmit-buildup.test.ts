import { describe, expect, it } from 'vitest';
import type { ClusterChannelSample, ClusterMemberSample } from './cluster-samples.ts';
import { measureChannelTimelines } from './channel-timelines.ts';
import { measureTransmitBuildup } from './transmit-buildup.ts';

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
const at = (seconds: number): number => T0 + seconds * 1000;

function sample(seconds: number, depth: number, channels: Partial<ClusterChannelSample>[] = [], queueManager = 'QM1'): ClusterMemberSample {
  return {
    t: at(seconds),
    queueManager,
    host: 'cq1',
    ok: true,
    transmitDepth: depth,
    channels: channels.map((c) => ({ channel: 'DEMO.QM3', type: 'CLUSSDR', status: 'RUNNING', messagesAvailable: 0, messages: 0, ...c })),
  };
}

describe('measureTransmitBuildup', () => {
  it('measureTransmitBuildup - a member stopped at 10 s and back at 20 s: baseline, peak, depth at recovery, drain and nothing stuck, per sender and per channel', () => {
    const samples = [
      sample(9, 0, [{ messagesAvailable: 0 }]),
      sample(11, 4, [{ status: 'RETRYING', messagesAvailable: 4 }]),
      sample(15, 9, [{ status: 'RETRYING', messagesAvailable: 9 }]),
      sample(20, 9, [{ status: 'RETRYING', messagesAvailable: 9 }]),
      sample(21, 3, [{ messagesAvailable: 3 }]),
      sample(22, 0, [{ messagesAvailable: 0 }]),
    ];
    const buildup = measureTransmitBuildup(samples, { faultAtMs: at(10), recoveredAtMs: at(20) });
    expect(buildup.QM1).toEqual({
      baseline: 0,
      peakDepth: 9,
      depthAtRecovery: 9,
      drainSeconds: 2,
      stuckMessages: 0,
      channels: { 'DEMO.QM3': { baseline: 0, peakDepth: 9, depthAtRecovery: 9, drainSeconds: 2, stuckMessages: 0 } },
    });
  });

  it('measureTransmitBuildup - messages still waiting at the end are stuck and there is no drain time', () => {
    const samples = [sample(9, 1), sample(12, 6), sample(30, 4)];
    expect(measureTransmitBuildup(samples, { faultAtMs: at(10), recoveredAtMs: at(20) }).QM1).toMatchObject({ baseline: 1, peakDepth: 6, depthAtRecovery: 4, drainSeconds: null, stuckMessages: 3 });
  });

  it('measureTransmitBuildup - no sample before the fault or none after recovery leaves those figures unknown (null), never 0', () => {
    const samples: ClusterMemberSample[] = [{ t: at(9), queueManager: 'QM1', host: 'cq1', ok: false, error: 'AMQ8146E' }, sample(12, 6)];
    expect(measureTransmitBuildup(samples, { faultAtMs: at(10), recoveredAtMs: null }).QM1).toMatchObject({ baseline: null, peakDepth: 6, depthAtRecovery: null, drainSeconds: null, stuckMessages: null });
    expect(measureTransmitBuildup([], { faultAtMs: at(10), recoveredAtMs: at(20) })).toEqual({});
  });
});

describe('measureChannelTimelines', () => {
  it('measureChannelTimelines - RUNNING, RETRYING for 6 s, RUNNING again; MSGS across a restart', () => {
    const samples = [
      sample(0, 0, [{ status: 'RUNNING', messages: 10 }]),
      sample(2, 0, [{ status: 'RETRYING', messages: null }]),
      sample(8, 0, [{ status: 'RUNNING', messages: 5 }]),
      sample(9, 0, [{ status: 'RUNNING', messages: 7 }]),
    ];
    expect(measureChannelTimelines(samples).QM1!['DEMO.QM3']).toEqual({
      statusTimeline: [
        { at: new Date(at(0)).toISOString(), status: 'RUNNING' },
        { at: new Date(at(2)).toISOString(), status: 'RETRYING' },
        { at: new Date(at(8)).toISOString(), status: 'RUNNING' },
      ],
      timeInRetryingSeconds: 6,
      endedStopped: false,
      reachedLongRetry: false,
      messagesMoved: 7,
    });
  });

  it('measureChannelTimelines - a channel left STOPPED ends stopped; one that lost its record reads INACTIVE', () => {
    const stopped = measureChannelTimelines([sample(0, 0, [{ status: 'RETRYING', shortRetriesLeft: 2 }]), sample(3, 0, [{ status: 'RETRYING', shortRetriesLeft: 0 }]), sample(5, 0, [{ status: 'STOPPED' }])]).QM1!['DEMO.QM3']!;
    expect(stopped).toMatchObject({ endedStopped: true, timeInRetryingSeconds: 5, reachedLongRetry: true });
    const inactive = measureChannelTimelines([sample(0, 0, [{ status: 'RUNNING' }]), sample(5, 0, [])]).QM1!['DEMO.QM3']!;
    expect(inactive.statusTimeline.map((s) => s.status)).toEqual(['RUNNING', 'INACTIVE']);
    expect(inactive.endedStopped).toBe(false);
  });
});
