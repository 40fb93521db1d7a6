import { describe, expect, it } from 'vitest';
import { createTestEstate, runOn, startActiveAndStandby, type TestEstate } from './test-estate.ts';
import { filterEvents, findEventAfter, findInstanceState } from './truth-log.ts';

const AGENT_LOG = '/var/mqm/mqft/logs/QM1/agents/AGENT1/logs/output0.log';

async function labWithAgent(): Promise<TestEstate> {
  const lab = createTestEstate({ standbyPollMs: 500, logReplayMs: 1200, shutdownMs: 300, agentRetryIntervalMs: 1000 });
  await startActiveAndStandby(lab);
  return lab;
}

function killActive(lab: TestEstate): void {
  const mq1 = lab.estate.host('mq1');
  const controller = mq1.processes.list().find((p) => p.command.startsWith('/opt/mqm/bin/amqzxma0 -m QM1'))!;
  mq1.signal(controller.pid, 'KILL', 'mqm');
}

describe('fte agent - losing and regaining its queue manager', () => {
  it('fte agent - a broken connection is logged as 2009, retries log 2059 until the first retry after the takeover', async () => {
    const lab = await labWithAgent();
    lab.clock.advanceBy(100);
    const killMs = lab.clock.now();
    killActive(lab);
    lab.clock.advanceBy(6000);

    expect(findEventAfter(lab.events, 'agent-disconnected', killMs)).toMatchObject({ t: killMs, agent: 'AGENT1', reasonCode: 2009 });
    const activeMs = findInstanceState(lab.events, { qm: 'QM1', host: 'mq2', to: 'active', afterMs: killMs })!.t;
    const reconnected = findEventAfter(lab.events, 'agent-reconnected', killMs)!;
    expect(reconnected).toMatchObject({ agent: 'AGENT1', host: 'app1', instanceHost: 'mq2' });
    expect(reconnected.t).toBe(killMs + Math.ceil((activeMs - killMs) / 1000) * 1000);

    const log = (await runOn(lab, 'app1', `tail -n 20 ${AGENT_LOG}`)).stdout;
    expect(log).toContain('W   BFGAG0183I: The agent received MQI reason code 2009. Agent recovery will be initiated.');
    expect(log).toContain('The MQ reason code returned is : 2059. The agent will try to connect again after 1 seconds.');
    expect(log).toMatch(/^\[\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d:\d{3} UTC\] 00000023 AgentRuntime {2}I {3}BFGAG0058I: /);
  });

  it('fte agent - a switchover (endmqm -is) is logged as 2162', async () => {
    const lab = await labWithAgent();
    const endMs = lab.clock.now();
    await runOn(lab, 'mq1', 'endmqm -is QM1', 300);
    expect(findEventAfter(lab.events, 'agent-disconnected', endMs)).toMatchObject({ t: endMs + 300, reasonCode: 2162 });
  });

  it('ftePingAgent - answers at once while connected, waits for a reconnection, times out with exit 2', async () => {
    const lab = await labWithAgent();
    expect(await runOn(lab, 'app1', 'ftePingAgent -m QM1 AGENT1')).toEqual({
      stdout: 'BFGCL0212I: Issuing ping request to agent AGENT1\nBFGCL0213I: agent AGENT1 responded to ping in 0.000 seconds.\n',
      stderr: '',
      exitCode: 0,
    });
    lab.clock.advanceBy(100);
    const killMs = lab.clock.now();
    killActive(lab);
    expect(await runOn(lab, 'app1', 'ftePingAgent -m QM1 -w 1 AGENT1')).toEqual({
      stdout: '',
      stderr: "BFGCL0035E: The command queue manager 'QM1' is not available. The IBM MQ reason code was 2059.\n",
      exitCode: 1,
    });
    // The standby takes over within one poll (500 ms) plus the replay (1200 ms); the agent retries every second.
    lab.clock.advanceTo(killMs + 1700);
    expect(findInstanceState(lab.events, { qm: 'QM1', host: 'mq2', to: 'active', afterMs: killMs })).toBeDefined();
    const answer = await runOn(lab, 'app1', 'ftePingAgent -m QM1 -w 5 AGENT1', 3000);
    const reconnected = findEventAfter(lab.events, 'agent-reconnected', killMs)!;
    expect(reconnected.t).toBe(killMs + 2000);
    expect(answer.exitCode).toBe(0);
    expect(answer.stdout.split('\n')[1]).toBe('BFGCL0213I: agent AGENT1 responded to ping in 0.300 seconds.');
    expect(await runOn(lab, 'app1', 'ftePingAgent -m QM1 -w 2 AGENT9', 2000)).toEqual({
      stdout: 'BFGCL0212I: Issuing ping request to agent AGENT9\nBFGCL0214I: agent AGENT9 didn\'t respond to ping after 2 seconds.\n',
      stderr: '',
      exitCode: 2,
    });
    expect(filterEvents(lab.events, 'agent-reconnected')).toHaveLength(2);
  });
});
