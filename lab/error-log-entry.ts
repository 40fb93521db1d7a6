import { wrapMqMessage } from './commands/mq-message-text.ts';

/**
 * One entry of a queue manager's error log (`<qmgrs>/<QM>/errors/AMQERR01.LOG`) in IBM's
 * layout (MQ 9.2.5+ transcripts): a date line with Process/User/Program, indented Host,
 * VRMF and Time(...) lines and the inserts, a blank line, the message, EXPLANATION and
 * ACTION wrapped at 79 columns, and a `----- file.c : line ---` separator.
 */
export interface ErrorLogEntry {
  atMs: number;
  /** Process and thread, `2051233.5`. */
  pid: number;
  thread: number;
  program: string;
  host: string;
  installation: string;
  vrmf: string;
  qm: string;
  inserts: string[];
  messageId: string;
  message: string;
  explanation: string;
  action: string;
  sourceFile: string;
  sourceLine: number;
}

const INDENT = ' '.repeat(20);
const SEPARATOR_WIDTH = 79;

export function formatErrorLogEntry(entry: ErrorLogEntry): string {
  const head = [
    `${formatLocalTimestamp(entry.atMs)} - Process(${entry.pid}.${entry.thread}) User(mqm) Program(${entry.program})`,
    `${INDENT}Host(${entry.host}) Installation(${entry.installation})`,
    `${INDENT}VRMF(${entry.vrmf}) QMgr(${entry.qm})`,
    `${INDENT}Time(${new Date(entry.atMs).toISOString()})`,
    ...entry.inserts.map((insert, index) => `${INDENT}CommentInsert${index + 1}(${insert})`),
    '',
  ];
  const separator = `----- ${entry.sourceFile} : ${entry.sourceLine} `;
  return [
    ...head,
    ...wrapMqMessage(`${entry.messageId}: ${entry.message}`),
    '',
    'EXPLANATION:',
    ...wrapMqMessage(entry.explanation),
    'ACTION:',
    ...wrapMqMessage(entry.action),
    separator.padEnd(SEPARATOR_WIDTH, '-'),
    '',
  ].join('\n');
}

/** `11/21/2026 07:06:06 PM`: the date line of 9.2.5+ error logs; lab hosts keep UTC. */
function formatLocalTimestamp(atMs: number): string {
  const d = new Date(atMs);
  const two = (n: number): string => String(n).padStart(2, '0');
  const hours = d.getUTCHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()} ${two(hour12)}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}

type LockLossMessage = Pick<ErrorLogEntry, 'messageId' | 'message' | 'explanation' | 'action' | 'sourceFile' | 'sourceLine'>;

/**
 * What the lock monitor of a multi-instance queue manager writes when its host loses the
 * lock lease. AMQ7280 ("appears unresponsive", component zxcFileLockMonitorThread) is
 * IBM's documented failure signature; [U] the EXPLANATION/ACTION wording, the source
 * locations, and AMQ7279 (lost ownership of data lock) are recalled, not confirmed.
 */
export function describeLockLoss(qm: string): LockLossMessage[] {
  return [
    {
      messageId: 'AMQ7280W',
      message: `IBM MQ queue manager '${qm}' appears unresponsive.`,
      explanation:
        'The queue manager is monitoring itself for responsiveness. It is not responding sufficiently quickly and will automatically stop if it continues to be unresponsive.',
      action:
        'Look for other error messages and FFST reports to find why the queue manager is unresponsive. For a multi-instance queue manager, check that this host can still reach the shared file system.',
      sourceFile: 'amqzxcl0.c',
      sourceLine: 1234,
    },
    {
      messageId: 'AMQ7279E',
      message: `IBM MQ queue manager '${qm}' lost ownership of data lock.`,
      explanation: `The instance of queue manager ${qm} has lost ownership of a lock on its data in the file system due to a transient failure. It was not able to re-obtain the lock and will stop automatically to prevent the risk of data corruption.`,
      action:
        'Check that another instance of the queue manager has become active. Restart this instance of the queue manager as a standby instance. If this problem recurs, it might indicate that the file system is not sufficiently reliable to support file locking by a multi-instance queue manager.',
      sourceFile: 'amqzxcl0.c',
      sourceLine: 1271,
    },
  ];
}

/**
 * What an instance that kept running on stale cached data writes when its first write to
 * the share fails (the split-brain hazard). [U] wording and source locations; AMQ6119S is
 * MQ's generic "internal error" message with the failing call in its insert.
 */
export function describeStaleWriteFailure(qm: string): LockLossMessage[] {
  return [
    {
      messageId: 'AMQ6119S',
      message: "An internal IBM MQ error has occurred ('5 - Input/output error' from write.)",
      explanation: 'IBM MQ detected an unexpected error when calling the operating system. The queue manager cannot continue.',
      action: 'Check that the shared file system is available and that the queue manager still owns its data. Restart the queue manager as a standby instance.',
      sourceFile: 'amqxufnx.c',
      sourceLine: 1006,
    },
    ...describeLockLoss(qm).filter((m) => m.messageId === 'AMQ7279E'),
  ];
}
