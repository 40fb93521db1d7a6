import type { LabEstate } from '../lab-estate.ts';
import type { LabHost } from '../lab-host.ts';
import { findCluster } from '../cluster/lab-cluster.ts';
import { clusterQueueDisplay, clusterQueueLookup } from '../cluster/cluster-queue-attributes.ts';
import { runMqscClusterCommand } from '../cluster/mqsc-cluster-commands.ts';
import { findMqService } from '../mq/lab-mq-service.ts';
import { runMqscQueueStatusCommand } from '../mq/mqsc-queue-status.ts';
import { parseMqscCommand, splitMqscInput, isKeyword } from '../mq/mqsc-command.ts';
import { runMqscListenerCommand } from '../mq/mqsc-listener-commands.ts';
import { runMqscQueueCommand, syntaxError, type MqscReply } from '../mq/mqsc-queue-commands.ts';
import type { QueueManagerStore } from '../mq/queue-manager-store.ts';
import { makeCommandResult, type CommandHandler } from './command-types.ts';
import { USAGE_EXIT_CODE } from './mq-message-text.ts';
import { formatAttributeLines, formatEcho, formatRunmqscFooter, formatRunmqscHeader } from './mqsc-layout.ts';
import { parseOptions } from './parse-options.ts';

/** runmqsc return codes: all processed, processed with errors, not run (IBM runmqsc reference, quoted in mq-reference.md §2.1). */
export const RUNMQSC_EXIT = { processed: 0, errors: 10, notRun: 20 } as const;

const USAGE = 'Usage: runmqsc [-e] [QMgrName]';
const NOT_AVAILABLE = 'AMQ8146E: IBM MQ queue manager not available.';
const DOES_NOT_EXIST = 'AMQ8118E: IBM MQ queue manager does not exist.';

/**
 * `runmqsc [-e] QMGR` reading MQSC commands from standard input until end of file or END,
 * as an administrator pipes a script into it. It serves the queue manager's instance on this
 * host only while that instance is active; otherwise AMQ8146E and exit 20 without reading.
 * DEFINE and DELETE write the object catalogue on the shared storage, so they wait while the
 * host's NFS path is cut (hard mount), as `ls` there does. `-e` leaves out the echo lines.
 * [U] The lab knows the local-queue commands of mqsc-queue-commands.ts, QSTATUS and ALTER QLOCAL
 * (mqsc-queue-status.ts) and the cluster commands (cluster/mqsc-cluster-commands.ts); others are syntax errors.
 */
export const runRunmqsc: CommandHandler = async (args, { estate, host, readStdin }) => {
  const parsed = parseOptions(args, { flags: 'e', valued: '' });
  if (!parsed.ok || parsed.options.operands.length !== 1) return makeCommandResult([], USAGE_EXIT_CODE, [USAGE]);
  const qmName = parsed.options.operands[0]!;
  const echo = !parsed.options.flags.includes('e');
  const header = formatRunmqscHeader(qmName);
  const qm = estate.queueManagers.get(qmName);
  if (!qm?.isConfiguredOn(host.name)) return notRun([...header, DOES_NOT_EXIST]);
  const store = findMqService(estate)?.storeOf(qmName);
  if (!store || !isActiveOn(estate, qmName, host)) return notRun([...header, NOT_AVAILABLE]);

  const out = [...header];
  let read = 0;
  let syntaxErrors = 0;
  let notProcessed = 0;
  const input = splitMqscInput(await readStdin());
  for (const [index, text] of input.entries()) {
    if (echo) out.push(formatEcho(index + 1, text));
    const parse = parseMqscCommand(text);
    if (parse.ok && parse.command.verb === 'END' && parse.command.objectType === undefined) break;
    read += 1;
    const reply = parse.ok
      ? (runMqscListenerCommand(estate, host, qmName, parse.command) ?? (await applyOnShare(estate, host, qmName, store, parse.command)))
      : syntaxError(parse.segment);
    if (reply === null) {
      out.push(NOT_AVAILABLE);
      notProcessed += 1;
      break;
    }
    for (const item of reply.items) out.push(...item.message.split('\n'), ...formatAttributeLines(item.attributes ?? []));
    if (reply.outcome === 'syntax-error') syntaxErrors += 1;
    if (reply.outcome === 'failed') notProcessed += 1;
    if (reply.change?.kind === 'defined') {
      const { queue, defaultPersistent, replaced } = reply.change;
      estate.emit({ event: 'queue-defined', qm: qmName, host: host.name, queue, defaultPersistent, replaced });
    } else if (reply.change?.kind === 'deleted') {
      estate.emit({ event: 'queue-deleted', qm: qmName, host: host.name, queue: reply.change.queue, purged: reply.change.purged });
    } else if (reply.change?.kind === 'altered') {
      estate.emit({ event: 'queue-altered', qm: qmName, queue: reply.change.queue, attributes: reply.change.attributes });
    }
  }
  out.push(...formatRunmqscFooter(read, syntaxErrors, notProcessed));
  return makeCommandResult(out, syntaxErrors + notProcessed === 0 ? RUNMQSC_EXIT.processed : RUNMQSC_EXIT.errors);
};

function notRun(lines: string[]): ReturnType<typeof makeCommandResult> {
  return makeCommandResult([...lines, ...formatRunmqscFooter(0, 0, 0)], RUNMQSC_EXIT.notRun);
}

function isActiveOn(estate: LabEstate, qmName: string, host: LabHost): boolean {
  return estate.queueManagers.get(qmName)?.instanceOn(host.name)?.state === 'active';
}

/** Runs one command; a definition change first waits for the share. Null when the instance ended meanwhile. */
async function applyOnShare(estate: LabEstate, host: LabHost, qmName: string, store: QueueManagerStore, command: Parameters<typeof runMqscQueueCommand>[1]): Promise<MqscReply | null> {
  const writes = isKeyword(command.verb, 'DEFINE', 'DEF') || command.verb === 'DELETE';
  if (writes && host.nfs && !host.nfs.canReachServer()) {
    await host.nfs.whenReachable();
    if (!isActiveOn(estate, qmName, host)) return null;
  }
  const cluster = findCluster(estate);
  return (
    runMqscClusterCommand({ estate, qm: qmName, store, cluster }, command) ??
    runMqscQueueStatusCommand(store, command, clusterQueueLookup(cluster, qmName)) ??
    runMqscQueueCommand(store, command, clusterQueueDisplay(cluster, qmName))
  );
}
