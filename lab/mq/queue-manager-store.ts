import { MessageQueue, type QueueAttributes } from './message-queue.ts';

/**
 * A queue manager's queues and messages. It belongs to the queue manager, not to an
 * instance: in a multi-instance queue manager the queue files and logs are on shared
 * storage, so persistent messages are there for whichever instance is active next.
 * Non-persistent messages live in the active instance's memory (NPMCLASS NORMAL) and
 * are discarded when it ends (lab/mq/lab-mq-service.ts).
 */
export class QueueManagerStore {
  readonly queues = new Map<string, MessageQueue>();
  /** QMID: name and creation time, as MQ forms it. */
  readonly qmid: string;
  private msgIdCounter = 0;
  private instanceStartSeconds = 0;

  constructor(
    readonly name: string,
    queues: QueueAttributes[],
    createdAtMs: number,
  ) {
    for (const attributes of queues) this.queues.set(attributes.name, new MessageQueue(attributes, name));
    this.qmid = `${name}_${formatQmidTime(createdAtMs)}`;
    this.instanceStartSeconds = Math.floor(createdAtMs / 1000);
  }

  /** A new instance became active: MsgIds it generates carry its start time. */
  noteInstanceStarted(nowMs: number): void {
    this.instanceStartSeconds = Math.floor(nowMs / 1000) >>> 0;
  }

  /** A 24-byte MsgId as MQ makes them: `AMQ `, the queue manager name padded to 12, then 8 unique bytes. */
  writeNewMsgId(target: Buffer, offset: number): void {
    target.write('AMQ ', offset, 4, 'latin1');
    const written = target.write(this.name.slice(0, 12), offset + 4, 12, 'latin1');
    target.fill(0x20, offset + 4 + written, offset + 16);
    target.writeUInt32LE(this.instanceStartSeconds >>> 0, offset + 16);
    target.writeUInt32LE(++this.msgIdCounter >>> 0, offset + 20);
  }
}

function formatQmidTime(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-01-15T09:00:00.000Z
  return `${iso.slice(0, 10)}_${iso.slice(11, 19).replaceAll(':', '.')}`;
}
