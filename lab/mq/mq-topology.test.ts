import { describe, expect, it } from 'vitest';
import { parseQueueManagerMq } from './mq-topology.ts';

function parse(spec: Record<string, unknown>): { config: ReturnType<typeof parseQueueManagerMq>; problems: string[] } {
  const problems: string[] = [];
  const config = parseQueueManagerMq(spec, 'queueManagers.QM1', ['mq1', 'mq2'], (field, message) => problems.push(`${field}: ${message}`));
  return { config, problems };
}

describe('parseQueueManagerMq', () => {
  it('parseQueueManagerMq - defaults: DEV.APP.SVRCONN, listeners started by the queue manager on free ports, the developer queues', () => {
    const { config, problems } = parse({});
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ channel: 'DEV.APP.SVRCONN', listenerControl: 'QMGR', listenerPorts: { mq1: 0, mq2: 0 } });
    expect(config.queues.map((q) => q.name)).toEqual(['DEV.QUEUE.1', 'DEV.QUEUE.2', 'DEV.QUEUE.3', 'SYSTEM.DEFAULT.LOCAL.QUEUE']);
    expect(config.queues[0]).toMatchObject({ defaultPersistent: false, maxDepth: 5000, maxMessageBytes: 4194304 });
  });

  it('parseQueueManagerMq - queues with DEFPSIST, MAXDEPTH and fixed listener ports', () => {
    const { config, problems } = parse({ listenerPorts: { mq2: 1415 }, queues: { 'MQCHAOS.TEST': { defpsist: 'YES', maxdepth: 500000 }, 'DEV.QUEUE.1': { defprty: 4 } } });
    expect(problems).toEqual([]);
    expect(config.listenerPorts).toEqual({ mq1: 0, mq2: 1415 });
    expect(config.queues.find((q) => q.name === 'MQCHAOS.TEST')).toMatchObject({ defaultPersistent: true, maxDepth: 500000 });
    expect(config.queues.find((q) => q.name === 'DEV.QUEUE.1')).toMatchObject({ defaultPriority: 4 });
  });

  it('parseQueueManagerMq - every problem: long channel, unknown control, a port on a host without an instance, bad attributes', () => {
    const { problems } = parse({
      channel: 'A.CHANNEL.NAME.TOO.LONG',
      listenerControl: 'STARTONLY',
      listenerPorts: { mq3: 1414, mq1: 70000 },
      queues: { 'BAD QUEUE': {}, 'Q.2': { defpsist: 'MAYBE', maxdepth: -1, colour: 'red' } },
    });
    expect(problems).toEqual([
      'queueManagers.QM1.channel: MQ channel names are 1-20 of A-Z a-z 0-9 . / _ %',
      'queueManagers.QM1.listenerControl: must be QMGR or MANUAL',
      'queueManagers.QM1.listenerPorts.mq3: mq3 runs no instance of this queue manager',
      'queueManagers.QM1.listenerPorts.mq1: must be a port number (0 = any free port)',
      'queueManagers.QM1.queues.BAD QUEUE: MQ queue names are 1-48 of A-Z a-z 0-9 . / _ %',
      'queueManagers.QM1.queues.Q.2.colour: unknown queue attribute (allowed: defpsist, defprty, maxdepth, maxmsgl, descr)',
      'queueManagers.QM1.queues.Q.2.defpsist: must be YES or NO',
      'queueManagers.QM1.queues.Q.2.maxdepth: must be a whole number from 0 to 999999999',
    ]);
  });
});
