import { describe, expect, it } from 'vitest';
import { parseRunmqscOutput } from '../../activities/mq/parse-runmqsc.ts';
import { LabMqService } from '../mq/lab-mq-service.ts';
import { createTestEstate, runOn, startActiveAndStandby, type TestEstate } from '../test-estate.ts';

/** QM1 active on mq1 and standby on mq2, with its MQ store (no listeners: runmqsc needs none). */
async function labWithQueues(): Promise<TestEstate & { mq: LabMqService }> {
  const lab = createTestEstate({ standbyPollMs: 200, logReplayMs: 400 });
  const mq = new LabMqService(lab.estate);
  await startActiveAndStandby(lab);
  return { ...lab, mq };
}

const HEADER = ['5724-H72 (C) Copyright IBM Corp. 1994, 2025.', 'Starting MQSC for queue manager QM1.', '', ''];

describe('runmqsc - MQSC commands from standard input', () => {
  it('runmqsc - DEFINE QLOCAL then DISPLAY in IBM layout: echo lines, AMQ8006I, AMQ8409I in two columns, footer, exit 0', async () => {
    const lab = await labWithQueues();
    const stdin = "DEFINE QLOCAL(MQCHAOS.HEALTH) DEFPSIST(YES) DESCR('mqchaos health check')\nDISPLAY QLOCAL(MQCHAOS.HEALTH) DEFPSIST CURDEPTH IPPROCS OPPROCS DESCR\n";
    const result = await runOn(lab, 'mq1', 'runmqsc QM1', 0, stdin);
    expect(result.stdout.split('\n')).toEqual([
      ...HEADER,
      "     1 : DEFINE QLOCAL(MQCHAOS.HEALTH) DEFPSIST(YES) DESCR('mqchaos health check')",
      'AMQ8006I: IBM MQ queue created.',
      '     2 : DISPLAY QLOCAL(MQCHAOS.HEALTH) DEFPSIST CURDEPTH IPPROCS OPPROCS DESCR',
      'AMQ8409I: Display Queue details.',
      '   QUEUE(MQCHAOS.HEALTH)                   TYPE(QLOCAL)',
      '   CURDEPTH(0)                             DEFPSIST(YES)',
      '   DESCR(mqchaos health check)             IPPROCS(0)',
      '   OPPROCS(0)',
      '2 MQSC commands read.',
      'No commands have a syntax error.',
      'All valid MQSC commands were processed.',
      '',
    ]);
    expect(result.exitCode).toBe(0);
    expect(lab.events.filter((e) => e.event === 'queue-defined')).toEqual([
      expect.objectContaining({ qm: 'QM1', host: 'mq1', queue: 'MQCHAOS.HEALTH', defaultPersistent: true, replaced: false }),
    ]);
  });

  it('runmqsc - a missing object is AMQ8147E, one command not processed, exit 10', async () => {
    const lab = await labWithQueues();
    const result = await runOn(lab, 'mq1', 'runmqsc QM1', 0, 'DISPLAY QLOCAL(NO.SUCH.QUEUE) DEFPSIST\n');
    expect(result.stdout.split('\n').slice(4)).toEqual([
      '     1 : DISPLAY QLOCAL(NO.SUCH.QUEUE) DEFPSIST',
      'AMQ8147E: IBM MQ object NO.SUCH.QUEUE not found.',
      'One MQSC command read.',
      'No commands have a syntax error.',
      'One valid MQSC command could not be processed.',
      '',
    ]);
    expect(result.exitCode).toBe(10);
  });

  it('runmqsc - on the standby host the queue manager is not available: AMQ8146E, nothing read, exit 20', async () => {
    const lab = await labWithQueues();
    const result = await runOn(lab, 'mq2', 'runmqsc QM1', 0, 'DEFINE QLOCAL(Q1)\n');
    expect(result.stdout.split('\n')).toEqual([
      ...HEADER,
      'AMQ8146E: IBM MQ queue manager not available.',
      'No MQSC commands read.',
      'No commands have a syntax error.',
      'All valid MQSC commands were processed.',
      '',
    ]);
    expect(result.exitCode).toBe(20);
    expect((await runOn(lab, 'nfs1', 'runmqsc QM1')).stdout).toContain('AMQ8118E: IBM MQ queue manager does not exist.');
  });

  it('runmqsc - DEFINE of an existing queue needs REPLACE, which resets what is not given and keeps the messages', async () => {
    const lab = await labWithQueues();
    await runOn(lab, 'mq1', 'runmqsc QM1', 0, 'DEFINE QLOCAL(Q1) DEFPSIST(YES) MAXDEPTH(10)\n');
    const queue = lab.mq.storeOf('QM1')!.queues.get('Q1')!;
    queue.append(Buffer.alloc(256), Buffer.from('kept'), true, 0, 'available');
    const again = await runOn(lab, 'mq1', 'runmqsc QM1', 0, 'DEFINE QLOCAL(Q1) DEFPSIST(NO)\n');
    expect(again.stdout).toContain('AMQ8150E: IBM MQ object already exists.');
    expect(again.exitCode).toBe(10);
    const replaced = await runOn(lab, 'mq1', 'runmqsc QM1', 0, 'DEF QL(Q1) DEFPSIST(NO) REPLACE\nDIS QL(Q1) MAXDEPTH DEFPSIST CURDEPTH\n');
    expect(replaced.stdout).toContain('   CURDEPTH(1)                             DEFPSIST(NO)\n   MAXDEPTH(5000)\n');
    expect(replaced.exitCode).toBe(0);
  });

  it('runmqsc - DELETE QLOCAL refuses a queue with messages unless PURGE, then it is gone', async () => {
    const lab = await labWithQueues();
    await runOn(lab, 'mq1', 'runmqsc QM1', 0, 'DEFINE QLOCAL(Q1)\n');
    lab.mq.storeOf('QM1')!.queues.get('Q1')!.append(Buffer.alloc(256), Buffer.from('m'), false, 0, 'available');
    expect((await runOn(lab, 'mq1', 'runmqsc QM1', 0, 'DELETE QLOCAL(Q1)\n')).stdout).toContain('AMQ8143E: IBM MQ queue not empty.');
    const purged = await runOn(lab, 'mq1', 'runmqsc QM1', 0, 'DELETE QLOCAL(Q1) PURGE\nDISPLAY QLOCAL(Q1)\n');
    expect(purged.stdout).toContain('AMQ8007I: IBM MQ queue deleted.\n     2 : DISPLAY QLOCAL(Q1)\nAMQ8147E: IBM MQ object Q1 not found.\n');
    expect(lab.events.filter((e) => e.event === 'queue-deleted')).toEqual([expect.objectContaining({ queue: 'Q1', purged: 1 })]);
  });

  it('runmqsc - a command the lab cannot read is AMQ8405E with the segment, counted as a syntax error (exit 10)', async () => {
    const lab = await labWithQueues();
    const result = await runOn(lab, 'mq1', 'runmqsc QM1', 0, 'DEFINE QLOCAL(Q1) DEFPSIST(MAYBE)\n');
    expect(result.stdout.split('\n').slice(4)).toEqual([
      '     1 : DEFINE QLOCAL(Q1) DEFPSIST(MAYBE)',
      'AMQ8405E: Syntax error detected at or near end of command segment below:-',
      'DEFINE QLOCAL(Q1) DEFPSIST(MAYBE)',
      'One MQSC command read.',
      'One command has a syntax error.',
      'All valid MQSC commands were processed.',
      '',
    ]);
    expect(result.exitCode).toBe(10);
  });

  it('runmqsc - -e leaves out the echo; END stops reading and is not counted', async () => {
    const lab = await labWithQueues();
    const result = await runOn(lab, 'mq1', 'runmqsc -e QM1', 0, 'DEFINE QLOCAL(Q1)\nEND\nDEFINE QLOCAL(Q2)\n');
    expect(result.stdout.split('\n').slice(4)).toEqual(['AMQ8006I: IBM MQ queue created.', 'One MQSC command read.', 'No commands have a syntax error.', 'All valid MQSC commands were processed.', '']);
    expect(lab.mq.storeOf('QM1')!.queues.has('Q2')).toBe(false);
  });

  it('runmqsc - a queue defined on the active instance is on the shared storage: the new active has it after a failover', async () => {
    const lab = await labWithQueues();
    await runOn(lab, 'mq1', 'runmqsc QM1', 0, 'DEFINE QLOCAL(MQCHAOS.HEALTH) DEFPSIST(YES)\n');
    const mq1 = lab.estate.host('mq1');
    const controller = mq1.processes.list().find((p) => p.command.startsWith('/opt/mqm/bin/amqzxma0 -m QM1'))!;
    mq1.signal(controller.pid, 'KILL', 'mqm');
    lab.clock.advanceBy(200 + 400);
    const result = await runOn(lab, 'mq2', 'runmqsc QM1', 0, 'DISPLAY QLOCAL(MQCHAOS.HEALTH) DEFPSIST\n');
    expect(result.stdout).toContain('   QUEUE(MQCHAOS.HEALTH)                   TYPE(QLOCAL)\n   DEFPSIST(YES)\n');
    expect(result.exitCode).toBe(0);
  });

  it("runmqsc - the lab's output reads back through the harness's runmqsc parser", async () => {
    const lab = await labWithQueues();
    const result = await runOn(lab, 'mq1', 'runmqsc QM1', 0, "DEFINE QLOCAL(Q1) DESCR('a b')\nDISPLAY QLOCAL(Q1) ALL\nDISPLAY QLOCAL(NONE)\n");
    const output = parseRunmqscOutput(result.stdout);
    expect(output.queueManager).toBe('QM1');
    expect(output.responses.map((r) => r.messages.map((m) => m.id))).toEqual([['AMQ8006I'], ['AMQ8409I'], ['AMQ8147E']]);
    expect(output.responses[1]!.objects[0]!.attributes).toMatchObject({ QUEUE: 'Q1', TYPE: 'QLOCAL', DESCR: 'a b', DEFPSIST: 'NO', MAXDEPTH: '5000', USAGE: 'NORMAL' });
    expect(output.footer).toEqual({ commandsRead: 3, syntaxErrors: 0, notProcessed: 1 });
  });
});
