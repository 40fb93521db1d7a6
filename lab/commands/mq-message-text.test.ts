import { describe, expect, it } from 'vitest';
import { versionAtLeast, wrapMqMessage } from './mq-message-text.ts';

describe('mq message text - wrapping and versions', () => {
  it('mq message text - the standby message breaks where the 9.3.1 and 9.1 transcripts break it', () => {
    const message = (qm: string): string =>
      `A standby instance of queue manager '${qm}' has been started. The active instance is running elsewhere.`;
    expect(wrapMqMessage(message('QM1'))).toEqual([
      "A standby instance of queue manager 'QM1' has been started. The active instance",
      'is running elsewhere.',
    ]);
    expect(wrapMqMessage(message('PSAP'))).toEqual([
      "A standby instance of queue manager 'PSAP' has been started. The active",
      'instance is running elsewhere.',
    ]);
  });

  it('mq message text - the switchover line of the transcript stays on one line', () => {
    const line = "IBM MQ queue manager 'PSAP' ended, permitting switchover to a standby instance.";
    expect(wrapMqMessage(line)).toEqual([line]);
  });

  it.each([
    ['9.3.1.0', '9.2.5.0', true],
    ['9.2.5.0', '9.2.5.0', true],
    ['9.2.0.15', '9.2.5.0', false],
    ['10.0.0.0', '9.4.0.0', true],
  ])('mq message text - %s is at least %s: %s', (version, minimum, expected) => {
    expect(versionAtLeast(version, minimum)).toBe(expected);
  });
});
