import { describe, expect, it } from 'vitest';
import { decodeBody, MessageTemplate, minimumBodyBytes } from './message-body.ts';

function received(template: MessageTemplate): { buffer: Buffer; correlId: Buffer } {
  const buffer = Buffer.alloc(template.body.length + 100);
  template.body.copy(buffer);
  return { buffer, correlId: Buffer.from(template.correlId) };
}

describe('message body', () => {
  it('MessageTemplate - a stamped body decodes to its run, producer, sequence number and attempt', () => {
    const template = new MessageTemplate('run-1', 'p1', 256);
    template.stamp(123_456_789, 2);
    const { buffer, correlId } = received(template);
    expect(template.body.length).toBe(256);
    expect(decodeBody(buffer, 256, correlId, 'run-1')).toEqual({
      ok: true,
      identity: { runId: 'run-1', producerId: 'p1', seq: 123_456_789, attempt: 2 },
    });
  });

  it('MessageTemplate - a size below the header grows to the smallest body', () => {
    const template = new MessageTemplate('r', 'p', 1);
    expect(template.body.length).toBe(minimumBodyBytes('r', 'p'));
    template.stamp(1, 0);
    expect(decodeBody(received(template).buffer, template.body.length, undefined, 'r').ok).toBe(true);
  });

  it('decodeBody - a flipped byte in the padding fails the checksum and keeps the identity', () => {
    const template = new MessageTemplate('run-1', 'p1', 128);
    template.stamp(7, 0);
    const { buffer, correlId } = received(template);
    buffer[100] = buffer[100]! ^ 0x01;
    expect(decodeBody(buffer, 128, correlId, 'run-1')).toMatchObject({ ok: false, why: 'checksum', identity: { producerId: 'p1', seq: 7 } });
  });

  it('decodeBody - a body under another message descriptor fails the CorrelId check', () => {
    const template = new MessageTemplate('run-1', 'p1', 64);
    template.stamp(7, 0);
    const { buffer } = received(template);
    template.stamp(8, 0);
    expect(decodeBody(buffer, 64, template.correlId, 'run-1')).toMatchObject({ ok: false, why: 'correlid' });
  });

  it('decodeBody - a truncated message, a foreign body and another run are told apart', () => {
    const template = new MessageTemplate('run-1', 'p1', 64);
    template.stamp(1, 0);
    const { buffer } = received(template);
    expect(decodeBody(buffer, 60, undefined, 'run-1')).toMatchObject({ ok: false, why: 'length' });
    expect(decodeBody(Buffer.from('Message 1'), 9, undefined, 'run-1')).toEqual({ ok: false, why: 'header' });
    expect(decodeBody(buffer, 64, undefined, 'run-2')).toMatchObject({ ok: false, why: 'other-run' });
  });

  it('MessageTemplate - ids must be printable ASCII of at most 64 characters', () => {
    expect(() => new MessageTemplate('run 1', 'p1', 64)).toThrow(RangeError);
    expect(() => new MessageTemplate('r', 'x'.repeat(65), 64)).toThrow('must be 1 to 64 printable ASCII characters');
  });
});
