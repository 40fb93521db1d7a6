import type { TruthEventInput } from '../truth-log.ts';
import type { StoredMessage } from './message-queue.ts';
import { hexMsgId } from './message-truth.ts';
import type { LabFaultKind } from './mq-truth-events.ts';

/** How far past the first message the swap looks for one of its persistence. */
const REORDER_SEARCH_LIMIT = 1000;

export const LAB_FAULT_KINDS: readonly LabFaultKind[] = ['drop-next-confirmed-persistent', 'duplicate-next-delivery', 'reorder-next-deliveries'];

interface ArmedFault {
  fault: LabFaultKind;
  qm: string;
  queue: string;
}

/**
 * TEST ONLY: misbehaviours a real queue manager must never show, armed one at a time on a
 * queue (`mqchaos-lab-fault` over SSH), so tests can prove the harness's message checker
 * catches them. Each fires once: it loses the next persistent message confirmed to its
 * putter, delivers the next delivered message a second time, or swaps the next two
 * deliveries of one persistence class. The truth log records the arming and exactly what it did.
 */
export class LabFaultSwitch {
  private armed: ArmedFault[] = [];
  /** reorder: the first message, held back for the same getter's next get. */
  private readonly held = new Map<object, StoredMessage>();

  constructor(
    private readonly emit: (event: TruthEventInput) => void,
    private readonly activeHostOf: (qm: string) => string,
  ) {}

  arm(fault: LabFaultKind, qm: string, queue: string): void {
    this.armed.push({ fault, qm, queue });
    this.emit({ event: 'lab-fault-armed', qm, queue, fault });
  }

  /** A persistent message was confirmed (put outside syncpoint, or committed). */
  confirmPersistentPut(message: StoredMessage): void {
    if (!this.take('drop-next-confirmed-persistent', message)) return;
    message.queue.remove(message);
    this.record('drop-next-confirmed-persistent', message, [hexMsgId(message)]);
  }

  /** A message held back for this getter by a reorder, made available to it again. */
  takeHeld(getter: object): StoredMessage | undefined {
    const message = this.held.get(getter);
    if (!message) return undefined;
    this.held.delete(getter);
    message.queue.setState(message, 'available');
    return message.removed ? undefined : message;
  }

  /** The getter's connection ended: a message held for it goes back to the queue. */
  releaseHeld(getter: object): void {
    this.takeHeld(getter);
  }

  /**
   * The message a destructive get without match criteria is about to take. A reorder gives
   * the getter the next message instead and holds the first back for its next get, so the
   * same application sees the two swapped.
   */
  chooseDelivery(first: StoredMessage, getter: object): StoredMessage {
    if (!this.isArmed('reorder-next-deliveries', first)) return first;
    // The next message of the same persistence, so the swap shows within one persistence class.
    let second = first.queue.findAfter({ priority: first.priority, sequence: first.sequence });
    for (let skipped = 0; second && second.persistent !== first.persistent && skipped < REORDER_SEARCH_LIMIT; skipped++) {
      second = first.queue.findAfter({ priority: second.priority, sequence: second.sequence });
    }
    if (!second || second.persistent !== first.persistent) return first;
    this.take('reorder-next-deliveries', first);
    this.record('reorder-next-deliveries', first, [hexMsgId(second), hexMsgId(first)]);
    first.queue.setState(first, 'uncommitted-get');
    this.held.set(getter, first);
    return second;
  }

  /** A destructive get took the message. */
  afterDelivery(message: StoredMessage): void {
    if (!this.take('duplicate-next-delivery', message)) return;
    message.queue.append(Buffer.from(message.md), message.body, message.persistent, message.priority, 'available');
    this.record('duplicate-next-delivery', message, [hexMsgId(message)]);
  }

  private isArmed(fault: LabFaultKind, message: StoredMessage): boolean {
    return this.armed.some((a) => a.fault === fault && a.qm === message.queue.qmName && a.queue === message.queue.name);
  }

  private take(fault: LabFaultKind, message: StoredMessage): boolean {
    if (this.armed.length === 0) return false;
    const index = this.armed.findIndex((a) => a.fault === fault && a.qm === message.queue.qmName && a.queue === message.queue.name);
    if (index < 0) return false;
    this.armed.splice(index, 1);
    return true;
  }

  private record(fault: LabFaultKind, message: StoredMessage, msgIds: string[]): void {
    const { qmName, name } = message.queue;
    this.emit({ event: 'lab-fault-applied', qm: qmName, host: this.activeHostOf(qmName), queue: name, fault, msgIds });
  }
}
