import type { FactValue, NodeFacts } from '../../checkers/conformance-facts.ts';
import type { ConformanceSpec } from '../../suites/conformance-model.ts';
import type { EstateSpec, HostSpec } from '../../suites/suite-model.ts';
import type { CommandResult } from '../ssh/ssh-session.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';

/** What a conformance check reads the estate with. Checks only read: no command they run changes anything. */
export interface CheckContext {
  ssh: SshPool;
  estate: EstateSpec;
  config: ConformanceSpec;
  /** The queue manager the check is about (null for estate-wide checks). */
  queueManager: string;
}

export const CHECK_COMMAND_TIMEOUT_MS = 20_000;

export function instanceHosts(context: CheckContext): HostSpec[] {
  return context.estate.queueManagers[context.queueManager]!.instances.map((name) => context.estate.hosts[name]!);
}

/** MQ's directory name for a queue manager (`.` becomes `!`). */
export function queueManagerDirectory(queueManager: string): string {
  return queueManager.replaceAll('.', '!').replaceAll('/', '&');
}

export function fillPath(template: string, queueManager: string): string {
  return template.replaceAll('{dir}', queueManagerDirectory(queueManager)).replaceAll('{qm}', queueManager);
}

export type FactsAndWords = { facts: Record<string, FactValue>; words: Record<string, string>; role?: string };

/** Reads one node's facts; anything that stops the reading makes that node's facts unknown, with the reason. */
export async function readNode(node: string, read: () => Promise<FactsAndWords>): Promise<NodeFacts> {
  try {
    const { facts, words, role } = await read();
    return { node, facts, words, ...(role ? { role } : {}) };
  } catch (error) {
    return { node, facts: null, words: {}, error: (error as Error).message };
  }
}

/** Runs a read-only command; a refused or unknown command (127, 126) is a reason the facts cannot be read. */
export async function runReading(context: CheckContext, host: HostSpec, argv: string[]): Promise<CommandResult> {
  const result = await context.ssh.run(host, argv, { timeoutMs: CHECK_COMMAND_TIMEOUT_MS });
  if (result.exitCode === 127 || result.exitCode === 126 || result.exitCode === null) {
    throw new Error(`${argv[0]} on ${host.name}: ${(result.stderr || result.stdout).trim().split('\n').pop() ?? `exit ${result.exitCode ?? result.exitSignal}`}`);
  }
  return result;
}

export function lastLine(result: CommandResult): string {
  return (result.stderr.trim() || result.stdout.trim()).split('\n').pop() ?? `exit ${result.exitCode}`;
}
