import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { toActivityFailure } from './activity-failure.ts';
import { assertQueueManagerName } from './command-line.ts';
import { RemoteCommandError, SshAuthError, SshConnectError } from './ssh-errors.ts';

describe('toActivityFailure', () => {
  it('toActivityFailure - permanent error becomes a non-retryable failure typed by its code', () => {
    const failure = toActivityFailure(new SshAuthError('mq-a', '10.0.0.1:22', 'mqm', 'password'));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: 'SSH_AUTH_FAILED',
      nonRetryable: true,
      message: 'SSH authentication of mqm on mq-a (10.0.0.1:22) by password was refused',
    });
    expect((failure as ApplicationFailure).details).toEqual([
      { code: 'SSH_AUTH_FAILED', permanent: true, host: 'mq-a', endpoint: '10.0.0.1:22', user: 'mqm', method: 'password' },
    ]);
  });

  it('toActivityFailure - transient error stays retryable and keeps its cause', () => {
    const cause = new Error('connect ECONNREFUSED 10.0.0.1:22');
    const failure = toActivityFailure(new SshConnectError('mq-a', '10.0.0.1:22', cause.message, { cause }));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'SSH_CONNECT_FAILED', nonRetryable: false, cause });
  });

  it('toActivityFailure - remote command failure carries command, exit code and tails', () => {
    const stderr = `${'x'.repeat(3000)}\nAMQ7048E: The queue manager name is either not valid or not known.\n`;
    const failure = toActivityFailure(new RemoteCommandError('mq-a', 'dspmq -m QM9', 72, null, '', stderr)) as ApplicationFailure;
    expect(failure.message).toBe('`dspmq -m QM9` on mq-a exited with 72: AMQ7048E: The queue manager name is either not valid or not known.');
    const [details] = failure.details as [Record<string, unknown>];
    expect(details).toMatchObject({ host: 'mq-a', command: 'dspmq -m QM9', exitCode: 72, stdoutTail: '' });
    expect(details.stderrTail).toHaveLength(2001);
    expect(String(details.stderrTail).endsWith('not known.\n')).toBe(true);
  });

  it('toActivityFailure - an invalid queue manager name is non-retryable', () => {
    const failure = (() => {
      try {
        assertQueueManagerName('QM1;reboot');
      } catch (err) {
        return toActivityFailure(err);
      }
    })();
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: 'MQC-INVALID-NAME',
      nonRetryable: true,
      message: 'queue manager name "QM1;reboot" contains ";": MQ names use only A-Z a-z 0-9 . / _ %, at most 48 characters',
    });
  });

  it('toActivityFailure - other errors pass through unchanged', () => {
    const bug = new TypeError('x is undefined');
    expect(toActivityFailure(bug)).toBe(bug);
  });
});
