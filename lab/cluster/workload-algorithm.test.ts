import { describe, expect, it } from 'vitest';
import { chooseDestination, DEFAULT_WORKLOAD_TAIL, type WorkloadCandidate, type WorkloadRequest } from './workload-algorithm.ts';

function candidate(qm: string, fields: Partial<WorkloadCandidate> = {}): WorkloadCandidate {
  return {
    qm,
    local: false,
    channelStatus: 'RUNNING',
    channelRank: 0,
    queueRank: 0,
    putEnabled: true,
    suspended: false,
    netprty: 0,
    queuePriority: 0,
    channelPriority: 0,
    weight: 50,
    chosenCount: 0,
    lastChosen: 0,
    ...fields,
  };
}

function choose(candidates: WorkloadCandidate[], fields: Partial<WorkloadRequest> = {}): string {
  const choice = chooseDestination({ candidates, useLocal: 'LOCAL', fromApplication: true, mruc: 999_999_999, tail: DEFAULT_WORKLOAD_TAIL, ...fields });
  if (!choice.ok) return `failed:${choice.reason}`;
  return `${choice.chosen.qm} by ${choice.decidedBy}`;
}

describe('chooseDestination - the documented steps', () => {
  it('keeps only the highest channel CLWLRANK, even when its channel is retrying (rank before status)', () => {
    expect(choose([candidate('QM3', { channelRank: 5, channelStatus: 'RETRYING' }), candidate('QM4')])).toBe('QM3 by only-instance');
  });
  it('keeps only the highest queue CLWLRANK', () => {
    expect(choose([candidate('QM3'), candidate('QM4', { queueRank: 2 })])).toBe('QM4 by only-instance');
  });
  it('eliminates put-disabled instances while one is enabled, and fails when all are disabled', () => {
    expect(choose([candidate('QM3', { putEnabled: false }), candidate('QM4')])).toBe('QM4 by only-instance');
    expect(choose([candidate('QM3', { putEnabled: false }), candidate('QM4', { putEnabled: false })])).toBe('failed:put-inhibited');
  });
  it('chooses the local instance under CLWLUSEQ(LOCAL) for an application put, not for a re-allocation or under ANY', () => {
    const both = [candidate('QM3', { local: true, chosenCount: 5, lastChosen: 9 }), candidate('QM4')];
    expect(choose(both)).toBe('QM3 by clwluseq-local');
    expect(choose(both, { fromApplication: false })).toBe('QM4 by weighted-lru');
    expect(choose(both, { useLocal: 'ANY' })).toBe('QM4 by weighted-lru');
  });
  it('fails with no instance at all', () => {
    expect(choose([])).toBe('failed:no-instance');
  });
});

describe('chooseDestination - the tail', () => {
  it('leaves out suspended queue managers unless every one is suspended', () => {
    expect(choose([candidate('QM3', { suspended: true }), candidate('QM4', { chosenCount: 9, lastChosen: 9 })])).toBe('QM4 by suspended');
    expect(choose([candidate('QM3', { suspended: true }), candidate('QM4', { suspended: true, lastChosen: 9 })])).toBe('QM3 by weighted-lru');
  });
  it('prefers RUNNING or INACTIVE channels, then starting ones, then RETRYING, then STOPPED', () => {
    expect(choose([candidate('QM3', { channelStatus: 'RETRYING' }), candidate('QM4', { channelStatus: 'BINDING' })])).toBe('QM4 by channel-status');
    expect(choose([candidate('QM3', { channelStatus: 'STOPPED' }), candidate('QM4', { channelStatus: 'RETRYING' })])).toBe('QM4 by channel-status');
    expect(choose([candidate('QM3', { channelStatus: null }), candidate('QM4', { channelStatus: 'STARTING' })])).toBe('QM3 by channel-status');
  });
  it('takes NETPRTY, then the instance CLWLPRTY, then the channel CLWLPRTY', () => {
    expect(choose([candidate('QM3', { netprty: 1 }), candidate('QM4', { queuePriority: 9 })])).toBe('QM3 by netprty');
    expect(choose([candidate('QM3', { channelPriority: 9 }), candidate('QM4', { queuePriority: 1 })])).toBe('QM4 by queue-clwlprty');
    expect(choose([candidate('QM3', { channelPriority: 2 }), candidate('QM4')])).toBe('QM3 by channel-clwlprty');
  });
  it('checks channel status before CLWLPRTY in the default order, and after it when the tail is configured so', () => {
    const candidates = [candidate('QM3', { channelStatus: 'RETRYING', queuePriority: 9 }), candidate('QM4')];
    expect(choose(candidates)).toBe('QM4 by channel-status');
    expect(choose(candidates, { tail: ['queue-clwlprty', 'channel-status', 'weighted-lru'] })).toBe('QM3 by queue-clwlprty');
  });
  it('round-robins equal weights by least recently chosen', () => {
    expect(choose([candidate('QM3', { chosenCount: 1, lastChosen: 7 }), candidate('QM4', { chosenCount: 5, lastChosen: 3 })])).toBe('QM4 by weighted-lru');
  });
  it('balances different CLWLWGHT by times chosen relative to the weight', () => {
    expect(choose([candidate('QM3', { weight: 75, chosenCount: 2, lastChosen: 9 }), candidate('QM4', { weight: 25, chosenCount: 1, lastChosen: 1 })])).toBe('QM3 by weighted-lru');
  });
  it('limits the choice to the CLWLMRUC most recently used', () => {
    const candidates = [candidate('QM3', { chosenCount: 9, lastChosen: 9 }), candidate('QM4', { chosenCount: 0, lastChosen: 0 })];
    expect(choose(candidates, { mruc: 1 })).toBe('QM3 by mruc');
    expect(choose(candidates, { mruc: 2 })).toBe('QM4 by weighted-lru');
  });
});
