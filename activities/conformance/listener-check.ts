import type { CheckFacts } from '../../checkers/conformance-facts.ts';
import { parseListeningPorts } from '../host/parse-ss.ts';
import { runMqsc } from '../mq/run-mqsc.ts';
import { runningListeners } from '../mq/listener-status.ts';
import { findActiveHost } from './active-host.ts';
import { CHECK_COMMAND_TIMEOUT_MS, lastLine, readNode, runReading, type CheckContext, type FactsAndWords } from './check-context.ts';

/**
 * On the active instance's host: DISPLAY LSSTATUS(*) shows exactly one running listener port
 * for the queue manager, `ss -ltn` shows it listening, and it is the port the estate declares.
 */
export async function checkListener(context: CheckContext): Promise<CheckFacts> {
  const qm = context.queueManager;
  let activeName = 'active';
  const node = await readNode('(active)', async (): Promise<FactsAndWords> => {
    const active = await findActiveHost(context);
    activeName = active.name;
    const mqsc = await runMqsc(context.ssh, active, qm, ['DISPLAY LSSTATUS(*) PORT'], { timeoutMs: CHECK_COMMAND_TIMEOUT_MS });
    const listeners = runningListeners(mqsc.output.responses[0]!);
    const ss = await runReading(context, active, ['ss', '-ltn']);
    if (ss.exitCode !== 0) throw new Error(`ss -ltn: ${lastLine(ss)}`);
    const open = parseListeningPorts(ss.stdout);
    const ports = [...new Set(listeners.map((l) => l.port))];
    const declared = context.estate.queueManagers[qm]!.listeners?.[active.name];
    const shown = listeners.map((l) => `${l.name} ${l.port}`).join(', ');
    const facts: FactsAndWords['facts'] = { runningListenerPorts: ports, portListening: ports.length > 0 && ports.every((p) => open.includes(p)) };
    if (declared !== undefined) facts.declaredPortRunning = ports.includes(declared);
    return {
      role: 'active',
      facts,
      words: {
        runningListenerPorts: ports.length === 0 ? `no listener of ${qm} is running on the active instance's host` : `${qm} runs ${ports.length} listener ports (${shown}); one port per queue manager per host is expected`,
        portListening: ports.length === 0 ? `nothing of ${qm} listens (ss -ltn)` : `listener port ${ports.filter((p) => !open.includes(p)).join(', ')} of ${qm} is not listening (ss -ltn)`,
        declaredPortRunning: `${qm}'s listener port ${declared} (as the estate declares) is not running (running: ${shown || 'none'})`,
      },
    };
  });
  node.node = activeName;
  return { check: 'listener', title: 'one listener port per queue manager per host, running on the active', queueManager: qm, nodes: [node] };
}
