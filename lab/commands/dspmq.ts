import type { QmStatus, QueueManager } from '../queue-manager.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';
import { formatDspmqLines, type DspmqFields } from './dspmq-format.ts';
import { UNKNOWN_QM_EXIT_CODE, UNKNOWN_QM_TEXT, USAGE_EXIT_CODE } from './mq-message-text.ts';
import { parseOptions } from './parse-options.ts';

/** [U] Wording of dspmq's usage message. */
const USAGE = 'Usage: dspmq [-m QMgrName] [-o status | -o standby] [-s] [-x] [-n] [-a]';

/**
 * dspmq: status of the queue managers defined on this host, as this host sees them.
 * A replaying instance (the new active after a failover) shows `Starting` on its own host
 * and no INSTANCE line until it is active; other hosts see `Running elsewhere` because the
 * master lock is held. `-a` lists only queue managers with an instance on this host.
 * [U] MQ 9.4+ documents exit code 5 for a successful `dspmq -a`; the lab models 9.3 and returns 0.
 */
export const runDspmq: CommandHandler = (args, { estate, host }) => {
  const parsed = parseOptions(args, { flags: 'sxna', valued: 'mo' });
  if (!parsed.ok || parsed.options.operands.length > 0) return makeCommandResult([], USAGE_EXIT_CODE, [USAGE]);
  const { flags, values } = parsed.options;
  const outputs = values.get('o') ?? [];
  if (outputs.some((o) => o !== 'status' && o !== 'standby')) return makeCommandResult([], USAGE_EXIT_CODE, [USAGE]);
  const fields: DspmqFields = {
    standby: outputs.includes('standby'),
    status: flags.includes('s') || outputs.includes('status') || !outputs.includes('standby'),
    instances: flags.includes('x'),
    untranslated: flags.includes('n'),
  };

  let queueManagers: QueueManager[] = estate.queueManagersOn(host.name);
  const named = values.get('m')?.at(-1);
  if (named !== undefined) {
    queueManagers = queueManagers.filter((qm) => qm.name === named);
    if (queueManagers.length === 0) return makeCommandResult([], UNKNOWN_QM_EXIT_CODE, [UNKNOWN_QM_TEXT]);
  }
  const views = queueManagers.map((qm) => qm.viewFrom(host.name));
  const shown = flags.includes('a') ? views.filter((view) => hasLocalInstance(view.status)) : views;
  return makeCommandResult(shown.flatMap((view) => formatDspmqLines(view, fields)));
};

function hasLocalInstance(status: QmStatus): boolean {
  return !status.startsWith('ended-') && status !== 'running-elsewhere';
}
