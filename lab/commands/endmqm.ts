import type { EndMode } from '../qm-instance.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';
import { UNKNOWN_QM_EXIT_CODE, UNKNOWN_QM_TEXT, USAGE_EXIT_CODE, wrapMqMessage } from './mq-message-text.ts';
import { parseOptions } from './parse-options.ts';

/** [U] endmqm's code when the queue manager cannot be ended from this host ("queue manager not available"). */
export const ENDMQM_NOT_AVAILABLE_EXIT_CODE = 40;

const USAGE = 'Usage: endmqm [-c | -w | -i | -p] [-s | -x] [-r] QMgrName';
const MODE_OF_FLAG: Record<string, EndMode> = { c: 'controlled', w: 'wait', i: 'immediate', p: 'preemptive' };

/**
 * endmqm [-c|-w|-i|-p] [-s|-x] [-r] QM. `-c` (the default) returns once the quiesce is
 * accepted; `-w`, `-i` and `-p` return when the instance has ended. `-s` needs a running
 * standby elsewhere; `-x` ends only a standby on this host.
 */
export const runEndmqm: CommandHandler = async (args, { estate, host }) => {
  const parsed = parseOptions(args, { flags: 'cwipsxr', valued: '' });
  if (!parsed.ok || parsed.options.operands.length !== 1) return makeCommandResult([], USAGE_EXIT_CODE, [USAGE]);
  const { flags } = parsed.options;
  const modes = [...new Set(flags.filter((f) => f in MODE_OF_FLAG))];
  const switchover = flags.includes('s');
  const standbyOnly = flags.includes('x');
  if (modes.length > 1 || (switchover && standbyOnly)) return makeCommandResult([], USAGE_EXIT_CODE, [USAGE]);
  const mode = MODE_OF_FLAG[modes[0] ?? 'c'] as EndMode;

  const name = parsed.options.operands[0] as string;
  const qm = estate.queueManagers.get(name);
  if (!qm || !qm.isConfiguredOn(host.name)) return makeCommandResult([], UNKNOWN_QM_EXIT_CODE, [UNKNOWN_QM_TEXT]);

  const notAvailable = (message: string) => makeCommandResult(wrapMqMessage(message), ENDMQM_NOT_AVAILABLE_EXIT_CODE);
  const outcome = qm.end(host.name, { mode, switchover, standbyOnly, reconnectClients: flags.includes('r') });
  switch (outcome.kind) {
    case 'not-running': // [U]
      return notAvailable(`IBM MQ queue manager '${name}' not running.`);
    case 'running-elsewhere': // [U]
      return notAvailable(`IBM MQ queue manager '${name}' is running on another machine.`);
    case 'standby-needs-x': // [U] IBM documents only that endmqm on a standby without -x "reports an error".
      return notAvailable(`IBM MQ queue manager '${name}' is running as a standby instance on this machine. Use endmqm -x to end it.`);
    case 'no-standby-here': // [U]
      return notAvailable(`There is no standby instance of queue manager '${name}' running on this machine.`);
    case 'no-standby-for-switchover': // [U]
      return notAvailable(`IBM MQ queue manager '${name}' cannot switch over: no standby instance is running.`);
    case 'ending':
      break;
  }

  const ended = `IBM MQ queue manager '${name}' ended${switchover ? ', permitting switchover to a standby instance' : ''}.`;
  if (mode === 'controlled' && !standbyOnly) {
    return makeCommandResult(
      wrapMqMessage('Quiesce request accepted. The queue manager will stop when all outstanding work is complete.'),
    );
  }
  // [U] endmqm -w wording; -i (and, [U], -p and -x) print ending/ended as in the transcripts.
  const first = mode === 'wait' ? `Waiting for queue manager '${name}' to end.` : `IBM MQ queue manager '${name}' ending.`;
  await outcome.instance.waitForState(['ended']);
  return makeCommandResult([...wrapMqMessage(first), ...wrapMqMessage(ended)]);
};
