import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLockLossEntry, parseErrorLog } from './parse-error-log.ts';

const fixture = readFileSync(new URL('./fixtures/amqerr01-lock-loss.txt', import.meta.url), 'utf8');

describe('parse error log - AMQERR01.LOG entries', () => {
  it('parse error log - every entry with its instant, host, queue manager and message', () => {
    const entries = parseErrorLog(fixture);
    expect(entries.map((e) => e.messageId)).toEqual(['AMQ8003I', 'AMQ7280W', 'AMQ7279E']);
    expect(entries[2]).toEqual({
      at: '2026-11-21T19:42:17.204Z',
      host: 'mq1',
      queueManager: 'QM1',
      program: 'amqzxma0',
      messageId: 'AMQ7279E',
      message: "IBM MQ queue manager 'QM1' lost ownership of data lock.",
    });
  });

  it('parse error log - a wrapped message is joined; lock loss is AMQ7279 or AMQ7280', () => {
    const wrapped = parseErrorLog(
      "06/28/2022 06:23:34 PM - Process(2051233.5) User(mqm) Program(amqrmppa)\n                    Host(mq2) Installation(Installation1)\n\nAMQ9636E: SSL distinguished name does not match peer name, channel\n'QM1.TO.QM2'.\n\nEXPLANATION:\nx\n",
    );
    expect(wrapped[0]).toMatchObject({ at: null, messageId: 'AMQ9636E', message: "SSL distinguished name does not match peer name, channel 'QM1.TO.QM2'." });
    expect(parseErrorLog(fixture).filter(isLockLossEntry).map((e) => e.messageId)).toEqual(['AMQ7280W', 'AMQ7279E']);
  });

  it('parse error log - an empty or foreign file has no entries', () => {
    expect(parseErrorLog('')).toEqual([]);
    expect(parseErrorLog('tail: cannot open file\n')).toEqual([]);
  });
});
