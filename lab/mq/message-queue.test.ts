import { describe, expect, it } from 'vitest';
import { MessageQueue } from './message-queue.ts';
import { UnitOfWork } from './unit-of-work.ts';
import { WIRE } from './wire-protocol.ts';

function descriptor(id: number, correlId?: number): Buffer {
  const md = Buffer.alloc(WIRE.MD_BYTES);
  md.writeUInt32BE(id, 20);
  if (correlId !== undefined) md.writeUInt32BE(correlId, WIRE.MD_CORREL_ID + 20);
  return md;
}

function createQueue(): MessageQueue {
  return new MessageQueue({ name: 'Q', defaultPersistent: false, defaultPriority: 0, maxDepth: 1_000_000, maxMessageBytes: 1024, description: '' }, 'QM1');
}

const idOf = (n: number): string => descriptor(n).toString('latin1', 0, 24);

describe('MessageQueue', () => {
  it('MessageQueue - priority order, then arrival order; a removed message leaves the others in place', () => {
    const queue = createQueue();
    const appended = [[1, 0], [2, 5], [3, 0], [4, 5], [5, 9]].map(([id, priority]) => queue.append(descriptor(id as number), Buffer.alloc(0), false, priority as number, 'available'));
    queue.remove(appended[3] as (typeof appended)[number]);
    const order: number[] = [];
    for (let message = queue.findFirst(); message; message = queue.findFirst()) {
      order.push(message.md.readUInt32BE(20));
      queue.remove(message);
    }
    expect(order).toEqual([5, 2, 1, 3]);
    expect(queue.depth).toBe(0);
  });

  it('MessageQueue - match by MsgId and by CorrelId, duplicates of a MsgId included', () => {
    const queue = createQueue();
    queue.append(descriptor(1, 7), Buffer.alloc(0), false, 0, 'available');
    const second = queue.append(descriptor(2, 7), Buffer.alloc(0), false, 4, 'available');
    const duplicate = queue.append(descriptor(2), Buffer.alloc(0), false, 9, 'available');
    expect(queue.findFirst({ msgIdKey: idOf(2) })).toBe(duplicate);
    expect(queue.findFirst({ correlIdKey: second.correlIdKey })).toBe(second);
    queue.remove(duplicate);
    expect(queue.findFirst({ msgIdKey: idOf(2) })).toBe(second);
    expect(queue.findFirst({ msgIdKey: idOf(3) })).toBeUndefined();
  });

  it('MessageQueue - uncommitted puts and gets count in the depth but are not available; commit and backout settle them', () => {
    const queue = createQueue();
    const uow = new UnitOfWork();
    const put = queue.append(descriptor(1), Buffer.alloc(0), true, 0, 'uncommitted-put');
    uow.addPut(put);
    expect([queue.depth, queue.available, queue.findFirst()]).toEqual([1, 0, undefined]);
    uow.commit();
    const got = queue.findFirst();
    expect(got).toBe(put);
    queue.setState(put, 'uncommitted-get');
    uow.addGet(put);
    expect([queue.depth, queue.available]).toEqual([1, 0]);
    uow.backout();
    expect([queue.depth, queue.available, put.md.readInt32LE(WIRE.MD_BACKOUT_COUNT)]).toEqual([1, 1, 1]);
  });

  it('MessageQueue - three hundred thousand messages in and out in order, every count back to zero', () => {
    const queue = createQueue();
    const count = 300_000;
    const body = Buffer.alloc(16);
    for (let i = 0; i < count; i++) queue.append(descriptor(i), body, i % 2 === 0, i % 10, 'available');
    expect(queue.depth).toBe(count);
    let previous = { priority: 10, id: -1 };
    let outOfOrder = 0;
    for (let message = queue.findFirst(); message; message = queue.findFirst()) {
      const id = message.md.readUInt32BE(20);
      if (message.priority > previous.priority || (message.priority === previous.priority && id < previous.id)) outOfOrder++;
      previous = { priority: message.priority, id };
      queue.remove(message);
    }
    expect([outOfOrder, queue.depth, queue.available]).toEqual([0, 0, 0]);
  });
});
