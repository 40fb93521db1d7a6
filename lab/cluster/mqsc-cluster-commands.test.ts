import { afterEach, describe, expect, it } from 'vitest';
import { startClusterTestEstate, type ClusterTestEstate } from '../../test/support/cluster-test-estate.ts';
import { runCommand } from '../commands/run-command.ts';
import { filterEvents } from '../truth-log.ts';

let lab: ClusterTestEstate | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
});

/** `runmqsc QM` on the member's host with `mqsc` on standard input; the body between the header and the footer. */
async function runmqsc(l: ClusterTestEstate, qm: string, mqsc: string): Promise<{ exitCode: number; stdout: string; body: string[] }> {
  const host = l.cluster.members.get(qm)!.host;
  const result = await runCommand(l.estate, { host, user: 'mqm', commandLine: `runmqsc ${qm}`, parentPid: l.estate.host(host).sshdPid, readStdin: () => Promise.resolve(mqsc) });
  const lines = result.stdout.split('\n');
  return { exitCode: result.exitCode, stdout: result.stdout, body: lines.slice(4, -4) };
}

describe('runmqsc - cluster commands in IBM layout', () => {
  it('DISPLAY CLUSQMGR(*) QMTYPE STATUS on a full repository lists every member as the documented sample does', async () => {
    lab = await startClusterTestEstate();
    const { exitCode, body } = await runmqsc(lab, 'QM1', 'DISPLAY CLUSQMGR(*) CLUSTER(DEMO) QMTYPE STATUS\n');
    expect(exitCode).toBe(0);
    expect(body.slice(0, 5)).toEqual([
      '     1 : DISPLAY CLUSQMGR(*) CLUSTER(DEMO) QMTYPE STATUS',
      'AMQ8441I: Display Cluster Queue Manager details.',
      '   CLUSQMGR(QM1)                           CHANNEL(DEMO.QM1)',
      '   CLUSTER(DEMO)                           QMTYPE(REPOS)',
      '   STATUS(RUNNING)',
    ]);
    expect(body.filter((l) => l.startsWith('AMQ8441I'))).toHaveLength(4);
    expect(body).toContain('   CLUSTER(DEMO)                           QMTYPE(NORMAL)');
    expect(body).toContain('   STATUS(INACTIVE)');
  });

  it('DISPLAY CHSTATUS answers AMQ8420I (exit 10) while no channel has a status, then RUNNING with MSGS and XQMSGSA', async () => {
    lab = await startClusterTestEstate();
    const none = await runmqsc(lab, 'QM1', 'DIS CHSTATUS(*)\n');
    expect(none.exitCode).toBe(10);
    expect(none.body).toEqual(['     1 : DIS CHSTATUS(*)', 'AMQ8420I: Channel Status not found.']);
    const target = lab.open('QM1', 'APP.Q', { bind: 'on-open' });
    lab.put('QM1', target);
    lab.put('QM1', target);
    lab.advance(50);
    const running = await runmqsc(lab, 'QM1', 'DIS CHSTATUS(DEMO.QM3) MSGS XQMSGSA\n');
    expect(running.exitCode).toBe(0);
    expect(running.body.slice(1)).toEqual([
      'AMQ8417I: Display Channel Status details.',
      '   CHANNEL(DEMO.QM3)                       CHLTYPE(CLUSSDR)',
      '   CONNAME(10.0.1.3(1414))                 CURRENT',
      '   MSGS(2)                                 RQMNAME(QM3)',
      '   STATUS(RUNNING)                         SUBSTATE(MQGET)',
      '   XMITQ(SYSTEM.CLUSTER.TRANSMIT.QUEUE)    XQMSGSA(0)',
    ]);
    const inbound = await runmqsc(lab, 'QM3', 'DIS CHSTATUS(*)\n');
    expect(inbound.body).toContain('   CHANNEL(DEMO.QM3)                       CHLTYPE(CLUSRCVR)');
  });

  it('shows a stopped member through the senders: RETRYING with the buildup in XQMSGSA, and WHERE(XQMSGSA GT 1) picks that channel', async () => {
    lab = await startClusterTestEstate({ channels: { shortTimerMs: 10_000 } });
    const target = lab.open('QM1', 'APP.Q', { bind: 'on-open' });
    lab.put('QM1', target);
    lab.advance(50);
    await runmqsc(lab, 'QM3', '');
    lab.estate.queueManagers.get('QM3')!.end('h3', { mode: 'immediate', switchover: false, standbyOnly: false, reconnectClients: false });
    lab.advance(50);
    for (let i = 0; i < 3; i++) lab.put('QM1', target);
    lab.put('QM1', lab.open('QM1', 'APP.Q', { objectQmgr: 'QM4' }));
    lab.advance(50);
    const status = await runmqsc(lab, 'QM1', 'DIS CHSTATUS(*) WHERE(XQMSGSA GT 1)\nDIS QSTATUS(SYSTEM.CLUSTER.TRANSMIT.QUEUE) CURDEPTH IPPROCS OPPROCS\n');
    expect(status.exitCode).toBe(0);
    expect(status.stdout).toContain('   RQMNAME( )                              STATUS(RETRYING)\n   SUBSTATE( )                             XMITQ(SYSTEM.CLUSTER.TRANSMIT.QUEUE)\n   XQMSGSA(3)\n');
    expect(status.stdout).not.toContain('CHANNEL(DEMO.QM4)');
    expect(status.stdout).toContain('AMQ8450I: Display queue status details.\n   QUEUE(SYSTEM.CLUSTER.TRANSMIT.QUEUE)    TYPE(QUEUE)\n   CURDEPTH(3)                             IPPROCS(0)\n   OPPROCS(0)\n');
  });

  it('SUSPEND and RESUME QMGR CLUSTER: the other members see SUSPEND(YES), then NO', async () => {
    lab = await startClusterTestEstate();
    const suspend = await runmqsc(lab, 'QM3', 'SUSPEND QMGR CLUSTER(DEMO)\n');
    expect(suspend.body).toEqual(['     1 : SUSPEND QMGR CLUSTER(DEMO)', 'AMQ8559I: Suspend Queue Manager Cluster accepted.']);
    expect((await runmqsc(lab, 'QM1', 'DIS CLUSQMGR(QM3) SUSPEND\n')).stdout).toContain('SUSPEND(YES)');
    await runmqsc(lab, 'QM3', 'RESUME QMGR CLUSTER(DEMO)\n');
    expect((await runmqsc(lab, 'QM1', 'DIS CLUSQMGR(QM3) SUSPEND\n')).stdout).toContain('SUSPEND(NO)');
    expect(filterEvents(lab.events, 'cluster-suspended').map((e) => [e.qm, e.suspended])).toEqual([['QM3', true], ['QM3', false]]);
    const wrong = await runmqsc(lab, 'QM3', 'SUSPEND QMGR CLUSTER(OTHER)\n');
    expect(wrong.exitCode).toBe(10);
  });

  it('STOP CHANNEL leaves the channel STOPPED until START CHANNEL; stopping one with no status is refused', async () => {
    lab = await startClusterTestEstate();
    expect((await runmqsc(lab, 'QM1', 'STOP CHANNEL(DEMO.QM3)\n')).body[1]).toBe("AMQ9533E: Channel 'DEMO.QM3' is not currently active.");
    lab.put('QM1', lab.open('QM1', 'APP.Q', { bind: 'on-open' }));
    lab.advance(50);
    const stop = await runmqsc(lab, 'QM1', 'STOP CHANNEL(DEMO.QM3)\n');
    expect(stop.body[1]).toBe('AMQ8019I: Stop IBM MQ channel accepted.');
    lab.advance(50);
    expect(lab.cluster.members.get('QM1')!.channels.get('QM3')!.status).toBe('STOPPED');
    expect((await runmqsc(lab, 'QM1', 'START CHANNEL(DEMO.QM3)\n')).body[1]).toBe('AMQ8018I: Start IBM MQ channel accepted.');
    lab.advance(50);
    expect(lab.cluster.members.get('QM1')!.channels.get('QM3')!.status).toBe('RUNNING');
    expect((await runmqsc(lab, 'QM1', 'START CHANNEL(NO.SUCH)\n')).body[1]).toBe('AMQ8147E: IBM MQ object NO.SUCH not found.');
  });

  it('ALTER QLOCAL changes CLWLPRTY and PUT of an instance; DISPLAY QLOCAL and QCLUSTER show them', async () => {
    lab = await startClusterTestEstate();
    const alter = await runmqsc(lab, 'QM3', 'ALTER QLOCAL(APP.Q) CLWLPRTY(5) PUT(DISABLED)\nDIS QLOCAL(APP.Q) CLUSTER CLWLPRTY PUT DEFBIND\n');
    expect(alter.exitCode).toBe(0);
    expect(alter.body.slice(1, 2)).toEqual(['AMQ8008I: IBM MQ queue changed.']);
    expect(alter.stdout).toContain('   QUEUE(APP.Q)                            TYPE(QLOCAL)\n   CLUSTER(DEMO)                           CLWLPRTY(5)\n   DEFBIND(OPEN)                           PUT(DISABLED)\n');
    expect(filterEvents(lab.events, 'queue-altered')).toMatchObject([{ qm: 'QM3', queue: 'APP.Q', attributes: { CLWLPRTY: '5', PUT: 'DISABLED' } }]);
    const qcluster = await runmqsc(lab, 'QM1', 'DIS QCLUSTER(APP.Q) CLWLPRTY PUT\n');
    expect(qcluster.stdout).toContain('   QUEUE(APP.Q)                            TYPE(QCLUSTER)\n   CLUSQMGR(QM3)                           CLWLPRTY(5)\n   PUT(DISABLED)\n');
    expect(lab.open('QM1', 'APP.Q', { bind: 'on-open' }).fixedQm).toBe('QM4');
  });

  it('DISPLAY QMGR and DISPLAY CHANNEL show the cluster attributes', async () => {
    lab = await startClusterTestEstate();
    const out = await runmqsc(lab, 'QM1', 'DIS QMGR CLWLUSEQ DEFCLXQ REPOS\nDIS CHANNEL(DEMO.*) SHORTRTY SHORTTMR\n');
    expect(out.stdout).toContain('AMQ8408I: Display Queue Manager details.\n   QMNAME(QM1)                             CLWLUSEQ(LOCAL)\n   DEFCLXQ(SCTQ)                           REPOS(DEMO)\n');
    expect(out.stdout).toContain('AMQ8414I: Display Channel details.\n   CHANNEL(DEMO.QM1)                       CHLTYPE(CLUSRCVR)\n   SHORTRTY(3)                             SHORTTMR(1)\n');
    expect(out.stdout).toContain('   CHANNEL(DEMO.QM2)                       CHLTYPE(CLUSSDR)');
  });
});
