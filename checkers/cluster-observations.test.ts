import { describe, expect, it } from 'vitest';
import { observationsOfMemberSamples } from './cluster-observations.ts';

describe('observationsOfMemberSamples', () => {
  it('observationsOfMemberSamples - a member sample gives its transmit depth per destination and each cluster-sender channel\'s status', () => {
    const observations = observationsOfMemberSamples([
      {
        t: 1000,
        queueManager: 'QM1',
        host: 'mq1',
        ok: true,
        transmitDepth: 42,
        channels: [
          { channel: 'CLUS.TO.QM3', type: 'CLUSSDR', status: 'RETRYING', messagesAvailable: 40, messages: 7 },
          { channel: 'CLUS.TO.QM2', type: 'CLUSSDR', status: 'RUNNING', messagesAvailable: 2, messages: null },
          { channel: 'CLUS.TO.QM1', type: 'CLUSRCVR', status: 'RUNNING', messagesAvailable: null, messages: 3 },
        ],
      },
      { t: 2000, queueManager: 'QM3', host: 'mq3', ok: false, error: 'AMQ8146E' },
    ]);
    expect(observations).toEqual([
      { k: 'xmitq', t: 1000, sender: 'QM1', ok: true, depth: 42, byChannel: { 'CLUS.TO.QM3': 40, 'CLUS.TO.QM2': 2 } },
      { k: 'chstatus', t: 1000, sender: 'QM1', channel: 'CLUS.TO.QM3', ok: true, status: 'RETRYING', msgs: 7 },
      { k: 'chstatus', t: 1000, sender: 'QM1', channel: 'CLUS.TO.QM2', ok: true, status: 'RUNNING' },
      { k: 'xmitq', t: 2000, sender: 'QM3', ok: false, error: 'AMQ8146E' },
    ]);
  });
});
