import { assertValidName } from '../../suites/mq-names.ts';
import type { HostSpec } from '../../suites/suite-model.ts';
import { OperationalError } from '../ssh/operational-error.ts';
import type { SshPool } from '../ssh/ssh-pool.ts';
import { parseRunmqscOutput, type RunmqscOutput } from './parse-runmqsc.ts';

/** runmqsc return codes (IBM): every command processed, some failed, nothing run. */
export const RUNMQSC_EXIT = { processed: 0, errors: 10, notRun: 20 } as const;

const OUTPUT_TAIL_CHARS = 1_000;

/** runmqsc did not run the commands (queue manager not available, no such queue manager) or answered with something unreadable. */
export class MqscCommandError extends OperationalError {
  readonly code = 'MQSC_FAILED';
  readonly permanent = false;
  constructor(
    readonly host: string,
    readonly queueManager: string,
    readonly commands: readonly string[],
    readonly exitCode: number | null,
    readonly outputTail: string,
    why: string,
  ) {
    super(`runmqsc ${queueManager} on ${host} (${commands.join('; ')}): ${why}`);
  }
}

export interface MqscRun {
  exitCode: number;
  output: RunmqscOutput;
}

/**
 * Runs MQSC commands through `runmqsc QMGR` over SSH, the commands on its standard input, and
 * reads the answer. Exit 20 (not run) is an operational error carrying runmqsc's messages;
 * exit 0 and 10 are returned for the caller to read command by command.
 */
export async function runMqsc(ssh: SshPool, host: HostSpec, queueManager: string, commands: readonly string[], options: { timeoutMs: number; signal?: AbortSignal }): Promise<MqscRun> {
  assertValidName('queueManager', queueManager);
  const result = await ssh.run(host, ['runmqsc', queueManager], { ...options, stdin: `${commands.join('\n')}\n` });
  const output = parseRunmqscOutput(result.stdout);
  const tail = (result.stdout + result.stderr).slice(-OUTPUT_TAIL_CHARS);
  const fail = (why: string): never => {
    throw new MqscCommandError(host.name, queueManager, commands, result.exitCode, tail, why);
  };
  if (result.exitCode !== RUNMQSC_EXIT.processed && result.exitCode !== RUNMQSC_EXIT.errors) {
    const said = [...output.messages, ...output.responses.flatMap((r) => r.messages)].map((m) => `${m.id}: ${m.text}`);
    fail(`exit ${result.exitCode ?? result.exitSignal}${said.length > 0 ? `, ${said.join(' ')}` : `: ${(result.stderr.trim() || result.stdout.trim()).split('\n').pop() ?? ''}`}`);
  }
  if (output.responses.length !== commands.length) fail(`expected ${commands.length} command responses, read ${output.responses.length}`);
  return { exitCode: result.exitCode!, output };
}
