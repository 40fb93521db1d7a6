import { describe, expect, it } from 'vitest';
import { readClusterHygiene } from './cluster-hygiene.ts';
import { runningListeners } from './listener-status.ts';
import { parseAmqmfsck } from './parse-amqmfsck.ts';
import { parseDspmqinfCommand } from './parse-dspmqinf.ts';
import { parseDspmqver } from './parse-dspmqver.ts';
import { parseRunmqscOutput } from './parse-runmqsc.ts';

describe('MQ parsers - the facts conformance checks read', () => {
  it('parseDspmqinfCommand - the addmqinf command of dspmqinf -o command (mq-reference.md §7)', () => {
    expect(parseDspmqinfCommand('addmqinf -s QueueManager -v Name=QM1 -v Directory=QM1 -v Prefix=/var/mqm -v DataPath=/MQHA/qmgrs/QM1\n')).toEqual({
      name: 'QM1', directory: 'QM1', prefix: '/var/mqm', dataPath: '/MQHA/qmgrs/QM1',
    });
    expect(parseDspmqinfCommand('addmqinf -s QueueManager -v Name=foo -v Directory=foo -v Prefix=/var/mqm')!.dataPath).toBeNull();
    expect(parseDspmqinfCommand('AMQ7048E: The queue manager name is either not valid or not known.')).toBeNull();
  });

  it('parseDspmqver - Field: value lines', () => {
    const fields = parseDspmqver('Name:        IBM MQ\nVersion:     9.3.1.0\nLevel:       p931-L221014\nO/S Details: Ubuntu 22.04.3 LTS\nInstDesc:\n');
    expect(fields).toMatchObject({ Name: 'IBM MQ', Version: '9.3.1.0', 'O/S Details': 'Ubuntu 22.04.3 LTS', InstDesc: '' });
  });

  it('parseAmqmfsck - success line, lock waiting, and the failure in the program own words', () => {
    expect(parseAmqmfsck('basic', 0, 'The tests on the directory completed successfully.\n', '')).toEqual({ passed: true, waitedForLock: false, lockAcquired: false, problem: null });
    const waited = parseAmqmfsck('wait', 0, 'Waiting for the file lock.\nFile lock acquired.\nPress Enter or terminate this process to release the lock.\nFile lock released.\n', '');
    expect([waited.passed, waited.waitedForLock]).toEqual([true, true]);
    const failed = parseAmqmfsck('basic', 1, '', "AMQ6245E: Error executing system call 'fcntl(F_SETLK)' on file '/x/amqmfsck.lkw' errno 37.\n");
    expect(failed).toMatchObject({ passed: false, problem: "AMQ6245E: Error executing system call 'fcntl(F_SETLK)' on file '/x/amqmfsck.lkw' errno 37." });
    expect(parseAmqmfsck('concurrent', 0, 'Start a second copy of this program with the same parameters on another server.\n', '').passed).toBe(false);
  });

  it('runningListeners - DISPLAY LSSTATUS objects, none when AMQ8147E', () => {
    const output = parseRunmqscOutput([
      '     1 : DISPLAY LSSTATUS(*) PORT',
      'AMQ8631I: Display listener status details.',
      '   LISTENER(LISTENER.TCP)                  STATUS(RUNNING)',
      '   PORT(1414)',
      '     2 : DISPLAY LSSTATUS(*) PORT',
      'AMQ8147E: IBM MQ object * not found.',
    ].join('\n'));
    expect(runningListeners(output.responses[0]!)).toEqual([{ name: 'LISTENER.TCP', port: 1414 }]);
    expect(runningListeners(output.responses[1]!)).toEqual([]);
  });

  it('readClusterHygiene - DEFBIND(OPEN) cluster queues, STOPPED and exhausted senders, SCTQ depth, reachable full repositories (mq-reference.md §2.3, §2.4)', () => {
    const output = parseRunmqscOutput([
      '     1 : DISPLAY QLOCAL(*) CLUSTER DEFBIND',
      'AMQ8409I: Display Queue details.',
      '   QUEUE(APP.ORDERS)                       TYPE(QLOCAL)',
      '   CLUSTER(GLOBAL_HA_CLUSTER)              DEFBIND(OPEN)',
      'AMQ8409I: Display Queue details.',
      '   QUEUE(APP.PRICES)                       TYPE(QLOCAL)',
      '   CLUSTER(GLOBAL_HA_CLUSTER)              DEFBIND(NOTFIXED)',
      'AMQ8409I: Display Queue details.',
      '   QUEUE(DEV.QUEUE.1)                      TYPE(QLOCAL)',
      '   CLUSTER( )                              DEFBIND(OPEN)',
      '     2 : DISPLAY CHSTATUS(*) STATUS SHORTRTS LONGRTS',
      'AMQ8417I: Display Channel Status details.',
      '   CHANNEL(GLOBAL_HA_CHL_QM2)              CHLTYPE(CLUSSDR)',
      '   CONNAME(10.0.0.12(1414))                CURRENT',
      '   LONGRTS(0)                              SHORTRTS(0)',
      '   STATUS(RETRYING)',
      'AMQ8417I: Display Channel Status details.',
      '   CHANNEL(GLOBAL_HA_CHL_QM3)              CHLTYPE(CLUSSDR)',
      '   CONNAME(10.0.0.13(1414))                CURRENT',
      '   LONGRTS(999999999)                      SHORTRTS(10)',
      '   STATUS(STOPPED)',
      'AMQ8417I: Display Channel Status details.',
      '   CHANNEL(QM6CHL)                         CHLTYPE(SVRCONN)',
      '   CONNAME(172.30.93.252)                  CURRENT',
      '   STATUS(STOPPED)',
      '     3 : DISPLAY QLOCAL(SYSTEM.CLUSTER.TRANSMIT.QUEUE) CURDEPTH',
      'AMQ8409I: Display Queue details.',
      '   QUEUE(SYSTEM.CLUSTER.TRANSMIT.QUEUE)    TYPE(QLOCAL)',
      '   CURDEPTH(12)',
      '     4 : DISPLAY CLUSQMGR(*) CLUSTER(GLOBAL_HA_CLUSTER) QMTYPE STATUS DEFTYPE',
      'AMQ8441I: Display Cluster Queue Manager details.',
      '   CLUSQMGR(QM1)                           CHANNEL(GLOBAL_HA_CHL_QM1)',
      '   CLUSTER(GLOBAL_HA_CLUSTER)              DEFTYPE(CLUSRCVR)',
      '   QMTYPE(REPOS)                           STATUS(RUNNING)',
      'AMQ8441I: Display Cluster Queue Manager details.',
      '   CLUSQMGR(QM2)                           CHANNEL(GLOBAL_HA_CHL_QM2)',
      '   CLUSTER(GLOBAL_HA_CLUSTER)              DEFTYPE(CLUSSDRB)',
      '   QMTYPE(REPOS)                           STATUS(RETRYING)',
      'AMQ8441I: Display Cluster Queue Manager details.',
      '   CLUSQMGR(QM3)                           CHANNEL(GLOBAL_HA_CHL_QM3)',
      '   CLUSTER(GLOBAL_HA_CLUSTER)              DEFTYPE(CLUSSDRA)',
      '   QMTYPE(NORMAL)                          STATUS(STOPPED)',
    ].join('\n'));
    expect(readClusterHygiene(output.responses, 'GLOBAL_HA_CLUSTER')).toEqual({
      bindOnOpenQueues: ['APP.ORDERS'],
      stoppedChannels: ['GLOBAL_HA_CHL_QM3'],
      retriesExhaustedChannels: ['GLOBAL_HA_CHL_QM2'],
      transmitQueueDepth: 12,
      fullRepositoriesReachable: 1,
      fullRepositories: [{ name: 'QM1', status: 'RUNNING' }, { name: 'QM2', status: 'RETRYING' }],
    });
  });
});
