import { afterEach, describe, expect, it } from 'vitest';
import { clusterFacts } from '../activities/conformance/cluster-check.ts';
import { clusterHygieneCommands, readClusterHygiene } from '../activities/mq/cluster-hygiene.ts';
import { parseRunmqscOutput } from '../activities/mq/parse-runmqsc.ts';
import type { ConformanceLine } from '../checkers/conformance-facts.ts';
import { judgeCheck } from '../checkers/conformance-judgement.ts';
import { runCommand } from '../lab/commands/run-command.ts';
import { defaultConformanceExpectation } from '../suites/conformance-expectations.ts';
import { startClusterTestEstate, type ClusterTestEstate } from './support/cluster-test-estate.ts';

let lab: ClusterTestEstate | undefined;
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
});

const cluster = { name: 'DEMO', queueManagers: ['QM1'], transmitQueueBaseline: 0, forbidBindOnOpen: false };

/** The cluster-hygiene check's MQSC on QM1 through the lab's runmqsc, read and judged as the activity does (SSH aside). */
async function judgeQm1(l: ClusterTestEstate): Promise<ConformanceLine> {
  const commands = clusterHygieneCommands('DEMO');
  const running = runCommand(l.estate, { host: 'h1', user: 'mqm', commandLine: 'runmqsc QM1', parentPid: l.estate.host('h1').sshdPid, readStdin: () => Promise.resolve(`${commands.join('\n')}\n`) });
  const result = await running;
  expect([0, 10]).toContain(result.exitCode); // 10 when a display found nothing (AMQ8420I: no channel status)
  const hygiene = readClusterHygiene(parseRunmqscOutput(result.stdout).responses, 'DEMO');
  return judgeCheck({ check: 'cluster', title: 't', queueManager: null, nodes: [{ node: 'QM1@h1', ...clusterFacts(hygiene, cluster, 'QM1') }] }, defaultConformanceExpectation('cluster'))[0]!;
}

describe('cluster hygiene on the lab cluster model - retries and the transmission queue', () => {
  it('cluster - bind-on-open messages for a stopped member keep SYSTEM.CLUSTER.TRANSMIT.QUEUE above its baseline; the sender RETRYING past its short retries, then STOPPED, fails in words', async () => {
    lab = await startClusterTestEstate({ instances: ['QM3'], channels: { shortRetry: 3, shortTimerMs: 100, longRetry: 2, longTimerMs: 500 } });
    expect((await judgeQm1(lab)).verdict).toBe('pass');
    const target = lab.open('QM1', 'APP.Q', { bind: 'on-open' });
    const member = lab.cluster.members.get('QM3')!;
    lab.estate.queueManagers.get('QM3')!.end(member.host, { mode: 'immediate', switchover: false, standbyOnly: false, reconnectClients: false });
    lab.advance(30);
    for (let i = 0; i < 3; i++) lab.put('QM1', target);
    // STARTING and BINDING take 15 ms, then 3 short retries of 100 ms and 2 long ones of 500 ms: in the long ones SHORTRTS is 0.
    lab.advance(15 + 300 + 500 + 250, 1);
    const retrying = await judgeQm1(lab);
    expect(retrying.failures).toEqual([
      'QM1@h1: cluster-sender channels on QM1 with their short retries used up (retrying every LONGTMR): DEMO.QM3',
      'QM1@h1: SYSTEM.CLUSTER.TRANSMIT.QUEUE on QM1 holds 3 messages; the baseline is 0',
    ]);
    lab.advance(500, 1);
    const stopped = await judgeQm1(lab);
    expect(stopped.failures).toEqual([
      'QM1@h1: cluster-sender channels STOPPED on QM1: DEMO.QM3',
      'QM1@h1: SYSTEM.CLUSTER.TRANSMIT.QUEUE on QM1 holds 3 messages; the baseline is 0',
    ]);
  });
});
