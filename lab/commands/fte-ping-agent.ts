import { makeCommandResult, type CommandHandler } from './command-types.ts';
import { parseOptions } from './parse-options.ts';

const DEFAULT_WAIT_SECONDS = 5;

/**
 * MQ Managed File Transfer's `ftePingAgent [-p CONFIG] [-m QMGR] [-w SECONDS] AGENT`: puts a
 * ping on the agent's command queue and waits (default 5 s, -1 for ever) for the reply,
 * which a connected agent sends at once and a reconnecting one as soon as it is back.
 * Exit 0 with BFGCL0213I, or 2 with BFGCL0214I on time-out. [U] When no instance of the
 * queue manager is active the command itself cannot connect: the lab prints BFGCL0035E, exit 1.
 */
export const runFtePingAgent: CommandHandler = async (args, { estate, host }) => {
  const parsed = parseOptions(args, { flags: '', valued: 'pmw' });
  if (!parsed.ok || parsed.options.operands.length !== 1) {
    return makeCommandResult([], 1, ['BFGCL0002E: Usage: ftePingAgent [-p configurationOptions] [-m qMgrName] [-w timeout] agentName']);
  }
  const { values, operands } = parsed.options;
  const agentName = operands[0]!;
  const waitText = values.get('w')?.at(-1) ?? String(DEFAULT_WAIT_SECONDS);
  const waitSeconds = Number(waitText);
  if (!/^-?\d+(\.\d+)?$/.test(waitText) || (waitSeconds < 0 && waitSeconds !== -1)) {
    return makeCommandResult([], 1, [`BFGCL0004E: The -w timeout value '${waitText}' is not valid.`]);
  }
  const agent = estate.agents.get(agentName);
  const qmName = values.get('m')?.at(-1) ?? agent?.queueManagerName ?? '';
  const qm = estate.queueManagers.get(qmName);
  if (host.role === 'nfs-server') return makeCommandResult([], 127, ['sh: 1: ftePingAgent: not found']);
  if (!qm?.activeInstance()) {
    return makeCommandResult([], 1, [`BFGCL0035E: The command queue manager '${qmName}' is not available. The IBM MQ reason code was 2059.`]);
  }
  const lines = [`BFGCL0212I: Issuing ping request to agent ${agentName}`];
  const sentMs = estate.clock.now();
  const answers = agent !== undefined && agent.queueManagerName === qmName;
  const answeredMs = answers ? await agent.whenConnected(waitSeconds === -1 ? -1 : waitSeconds * 1000) : await timeOut(estate, waitSeconds);
  if (answeredMs === null) return makeCommandResult([...lines, `BFGCL0214I: agent ${agentName} didn't respond to ping after ${waitText} seconds.`], 2);
  const seconds = ((answeredMs - sentMs) / 1000).toFixed(3);
  return makeCommandResult([...lines, `BFGCL0213I: agent ${agentName} responded to ping in ${seconds} seconds.`]);
};

/** An agent that does not exist (or listens on another queue manager) never answers. */
function timeOut(estate: { clock: { setTimeout(fn: () => void, ms: number): unknown } }, waitSeconds: number): Promise<null> {
  return new Promise((resolve) => {
    if (waitSeconds >= 0) estate.clock.setTimeout(() => resolve(null), waitSeconds * 1000);
  });
}
