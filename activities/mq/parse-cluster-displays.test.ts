import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MqscDisplayError } from './mqsc-display-error.ts';
import { readChannelStatuses, statusOfChannel } from './parse-chstatus.ts';
import { readClusterQueueManagers } from './parse-clusqmgr.ts';
import { readQueueStatuses } from './parse-qstatus.ts';
import { parseRunmqscOutput, type MqscResponse } from './parse-runmqsc.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** The first response, or the replies before any echo line (fixtures of display bodies only). */
function firstResponse(name: string): MqscResponse {
  const output = parseRunmqscOutput(fixture(name));
  return output.responses[0] ?? { number: 0, command: '(no echo)', messages: output.messages, objects: output.objects };
}

describe('readClusterQueueManagers - DISPLAY CLUSQMGR', () => {
  it('readClusterQueueManagers - the documented 9.4 sample: a full repository with a RUNNING channel', () => {
    expect(readClusterQueueManagers(firstResponse('runmqsc-display-clusqmgr.txt'))).toEqual([
      { queueManager: 'QM1', channel: 'GLOBAL_HA_CHL_QM1', cluster: 'GLOBAL_HA_CLUSTER', repository: true, status: 'RUNNING', suspended: null, definitionType: '' },
    ]);
  });
  it('readClusterQueueManagers - an error reply throws with its message', () => {
    expect(() => readClusterQueueManagers(firstResponse('runmqsc-object-not-found.txt'))).toThrow(MqscDisplayError);
    expect(() => readClusterQueueManagers(firstResponse('runmqsc-object-not-found.txt'))).toThrow('AMQ8147E: IBM MQ object FAKE.QUEUE not found.');
  });
});

describe('readChannelStatuses - DISPLAY CHSTATUS', () => {
  it('readChannelStatuses - the documented samples: RUNNING with substate MQGET, RETRYING with blank RQMNAME and SUBSTATE', () => {
    const records = readChannelStatuses(firstResponse('runmqsc-display-chstatus.txt'));
    expect(records).toEqual([
      { channel: 'QM1.TO.QM2', type: 'SDR', status: 'RUNNING', substate: 'MQGET', connectionName: '10.241.0.4(1414)', remoteQueueManager: 'QM2', transmitQueue: 'QM2', messagesAvailable: null, messages: null, shortRetriesLeft: null, longRetriesLeft: null, current: true },
      {
        channel: 'HERE.TO.THERE.TWO',
        type: 'SDR',
        status: 'RETRYING',
        substate: '',
        connectionName: '55.888.222.333(1414),22,333.444.555(1414)',
        remoteQueueManager: '',
        transmitQueue: 'HERE.TO.THERE.TWO.XMIT',
        messagesAvailable: null,
        messages: null,
        shortRetriesLeft: null,
        longRetriesLeft: null,
        current: true,
      },
    ]);
  });
  it('readChannelStatuses - "Channel Status not found" is no record, and the channel reads as INACTIVE', () => {
    const records = readChannelStatuses(firstResponse('runmqsc-chstatus-not-found.txt'));
    expect(records).toEqual([]);
    expect(statusOfChannel(records, 'QM1.TO.QM2')).toBe('INACTIVE');
  });
  it('readChannelStatuses - XQMSGSA and MSGS read as counts when displayed', () => {
    const text = ['     1 : DIS CHSTATUS(DEMO.QM3) MSGS XQMSGSA', 'AMQ8417I: Display Channel Status details.', '   CHANNEL(DEMO.QM3)                       CHLTYPE(CLUSSDR)', '   MSGS(12)                                STATUS(RETRYING)', '   XQMSGSA(7)'].join('\n');
    const [record] = readChannelStatuses(parseRunmqscOutput(text).responses[0]!);
    expect(record).toMatchObject({ channel: 'DEMO.QM3', type: 'CLUSSDR', status: 'RETRYING', messages: 12, messagesAvailable: 7 });
  });
  it('readChannelStatuses - a STATUS MQ does not have is an error, not a guess', () => {
    const text = ['     1 : DIS CHSTATUS(X)', 'AMQ8417I: Display Channel Status details.', '   CHANNEL(X)                              STATUS(WEIRD)'].join('\n');
    expect(() => readChannelStatuses(parseRunmqscOutput(text).responses[0]!)).toThrow('unknown STATUS(WEIRD) for X');
  });
});

describe('readQueueStatuses - DISPLAY QSTATUS', () => {
  it('readQueueStatuses - the documented dev-container sample: depth 1, no handles, nothing uncommitted', () => {
    expect(readQueueStatuses(firstResponse('runmqsc-display-qstatus.txt'))).toEqual([{ queue: 'DEV.QUEUE.1', depth: 1, openInput: 0, openOutput: 0, uncommitted: false }]);
  });
  it('readQueueStatuses - DISPLAY QLOCAL CURDEPTH reads the same way, with the counts it did not show as null', () => {
    expect(readQueueStatuses(firstResponse('runmqsc-dis-ql-curdepth.txt'))).toEqual([{ queue: 'QUEUE1', depth: 1, openInput: null, openOutput: null, uncommitted: null }]);
  });
});
