import type { QueueManager } from '../queue-manager.ts';
import { makeCommandResult, type CommandHandler, type CommandResult } from './command-types.ts';
import { UNKNOWN_QM_EXIT_CODE, UNKNOWN_QM_TEXT, USAGE_EXIT_CODE, versionAtLeast, wrapMqMessage } from './mq-message-text.ts';
import { parseOptions } from './parse-options.ts';

/** strmqm return codes (IBM strmqm reference; 30 confirmed by mq-container). */
export const STRMQM_EXIT = {
  started: 0,
  running: 5,
  logNotAvailable: 23,
  standbyStarted: 30,
  tooManyStandbys: 31,
  runningElsewhere: 47,
  stopping: 49,
  unexpectedError: 71,
} as const;

const USAGE = 'Usage: strmqm [-x] [QMgrName]';
const INSTALLATION_NAME = 'Installation1';

/**
 * strmqm [-x] QM. Texts follow the MQ 9.3.1 multi-instance transcript; a starting active
 * returns only once log replay is over and it is running, a standby returns at once (30).
 */
export const runStrmqm: CommandHandler = async (args, { estate, host }) => {
  const parsed = parseOptions(args, { flags: 'x', valued: '' });
  if (!parsed.ok || parsed.options.operands.length !== 1) return makeCommandResult([], USAGE_EXIT_CODE, [USAGE]);
  const name = parsed.options.operands[0] as string;
  const qm = estate.queueManagers.get(name);
  if (!qm || !qm.isConfiguredOn(host.name)) return makeCommandResult([], UNKNOWN_QM_EXIT_CODE, [UNKNOWN_QM_TEXT]);

  const outcome = qm.start(host.name, { permitStandby: parsed.options.flags.includes('x') });
  switch (outcome.kind) {
    case 'started': {
      const state = await outcome.instance.waitForState(['active', 'ended']);
      if (state === 'active') return makeCommandResult(startedText(qm));
      // [U] No transcript of an instance dying during its own start-up.
      return failure(STRMQM_EXIT.unexpectedError, `IBM MQ queue manager '${name}' ended unexpectedly while starting.`);
    }
    case 'standby':
      return makeCommandResult([
        ...preambleText(qm),
        ...plainTextNotice(qm),
        ...wrapMqMessage(`A standby instance of queue manager '${name}' has been started. The active instance is running elsewhere.`),
      ], STRMQM_EXIT.standbyStarted);
    case 'running-here':
      return outcome.instance.state === 'standby'
        ? // [U]
          failure(STRMQM_EXIT.running, `A standby instance of queue manager '${name}' is already running on this machine.`)
        : failure(STRMQM_EXIT.running, `IBM MQ queue manager '${name}' running.`);
    case 'ending-here': // [U]
      return failure(STRMQM_EXIT.stopping, `IBM MQ queue manager '${name}' ending.`);
    case 'running-elsewhere': // [U]
      return failure(STRMQM_EXIT.runningElsewhere, `IBM MQ queue manager '${name}' is running on another machine.`);
    case 'standby-not-permitted': // [U] IBM only says the instance "is not permitted to run as a standby".
      return failure(STRMQM_EXIT.runningElsewhere,
        `IBM MQ queue manager '${name}' is running on another machine and is not permitted to run as a standby.`,
      );
    case 'too-many-standbys': // [U]
      return failure(STRMQM_EXIT.tooManyStandbys, `The maximum number of standby instances of queue manager '${name}' is already running.`);
    case 'storage-unreachable': // [U] The lab answers at once where a hard NFS mount would hang.
      return failure(STRMQM_EXIT.logNotAvailable, `IBM MQ queue manager '${name}' cannot access its log on shared storage.`);
  }
};

function preambleText(qm: QueueManager): string[] {
  return [
    `IBM MQ queue manager '${qm.name}' starting.`,
    `The queue manager is associated with installation '${INSTALLATION_NAME}'.`,
  ];
}

function startedText(qm: QueueManager): string[] {
  const { name, config } = qm;
  const lines = [
    ...preambleText(qm),
    `0 log records accessed on queue manager '${name}' during the log replay phase.`,
    `Log replay for queue manager '${name}' complete.`,
    `Transaction manager state recovered for queue manager '${name}'.`,
  ];
  lines.push(...plainTextNotice(qm), `IBM MQ queue manager '${name}' started using V${config.version}.`);
  return lines.flatMap((line) => wrapMqMessage(line));
}

/** Printed from 9.2.5 on, by actives and standbys alike. */
function plainTextNotice(qm: QueueManager): string[] {
  return versionAtLeast(qm.config.version, '9.2.5.0') ? ['Plain text communication is enabled.'] : [];
}

function failure(exitCode: number, message: string): CommandResult {
  return makeCommandResult(wrapMqMessage(message), exitCode);
}
