import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SshPool } from '../ssh/ssh-pool.ts';
import { startTestSshServer, type ExecReply, type TestSshServer } from '../../test/support/test-ssh-server.ts';
import { ensureHealthQueue, HealthQueueUnsuitableError } from './health-queue.ts';
import { MqscCommandError } from './run-mqsc.ts';

/** runmqsc on a scripted SSH server: each test says what the queue manager answers to the MQSC it is sent. */

const PASSWORD_VAR = 'MQCHAOS_TEST_HEALTH_QUEUE_PASSWORD';
const HEADER = '5724-H72 (C) Copyright IBM Corp. 1994, 2025.\nStarting MQSC for queue manager QM1.\n\n\n';
const FOOTER_OK = 'One MQSC command read.\nNo commands have a syntax error.\nAll valid MQSC commands were processed.\n';
const FOOTER_FAILED = 'One MQSC command read.\nNo commands have a syntax error.\nOne valid MQSC command could not be processed.\n';

let server: TestSshServer;
let answer: (mqsc: string) => ExecReply;
const received: string[] = [];
let pool: SshPool;

beforeAll(async () => {
  server = await startTestSshServer({
    user: 'mqm',
    password: 'secret',
    exec: async (command, stdin) => {
      if (command !== 'runmqsc QM1') return { stderr: `unexpected command ${command}\n`, exitCode: 127 };
      const mqsc = await stdin();
      received.push(mqsc);
      return answer(mqsc);
    },
  });
});

afterEach(async () => {
  received.length = 0;
  await pool?.closeAll();
});

afterAll(async () => {
  await server.stop();
});

function ensure(createQueue: boolean) {
  pool = new SshPool({ env: { [PASSWORD_VAR]: 'secret' } });
  return ensureHealthQueue(pool, server.hostSpec({ env: PASSWORD_VAR }), 'QM1', 'MQCHAOS.HEALTH', createQueue);
}

const echo = (mqsc: string): string => `     1 : ${mqsc.trim()}\n`;
const displayed = (defpsist: string) => (mqsc: string): ExecReply => ({
  stdout: `${HEADER}${echo(mqsc)}AMQ8409I: Display Queue details.\n   QUEUE(MQCHAOS.HEALTH)                   TYPE(QLOCAL)\n   DEFPSIST(${defpsist})\n${FOOTER_OK}`,
});
const notFoundThenCreated = (mqsc: string): ExecReply =>
  mqsc.startsWith('DISPLAY')
    ? { stdout: `${HEADER}${echo(mqsc)}AMQ8147E: IBM MQ object MQCHAOS.HEALTH not found.\n${FOOTER_FAILED}`, exitCode: 10 }
    : { stdout: `${HEADER}${echo(mqsc)}AMQ8006I: IBM MQ queue created.\n${FOOTER_OK}` };

describe('ensureHealthQueue - the PUT/GET test queue through runmqsc', () => {
  it('ensureHealthQueue - an existing DEFPSIST(YES) queue is used as it is; the name is quoted so MQSC keeps its case', async () => {
    answer = displayed('YES');
    expect(await ensure(true)).toBe('present');
    expect(received).toEqual(["DISPLAY QLOCAL('MQCHAOS.HEALTH') DEFPSIST\n"]);
  });

  it('ensureHealthQueue - a DEFPSIST(NO) queue is refused, permanently, saying how to fix it', async () => {
    answer = displayed('NO');
    const failure = await ensure(true).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HealthQueueUnsuitableError);
    expect(failure).toMatchObject({ code: 'MQ_HEALTH_QUEUE_UNSUITABLE', permanent: true, defpsist: 'NO' });
    expect((failure as Error).message).toBe(
      'health-check queue MQCHAOS.HEALTH on QM1 has DEFPSIST(NO); the PUT/GET check needs a local queue with DEFPSIST(YES) (ALTER QLOCAL(MQCHAOS.HEALTH) DEFPSIST(YES), or name another queue)',
    );
  });

  it('ensureHealthQueue - a missing queue is defined with DEFPSIST(YES) only when allowed', async () => {
    answer = notFoundThenCreated;
    expect(await ensure(false)).toBe('missing');
    expect(received).toHaveLength(1);
    received.length = 0;
    expect(await ensure(true)).toBe('created');
    expect(received).toEqual(["DISPLAY QLOCAL('MQCHAOS.HEALTH') DEFPSIST\n", "DEFINE QLOCAL('MQCHAOS.HEALTH') DEFPSIST(YES) DESCR('mqchaos health check')\n"]);
  });

  it('ensureHealthQueue - runmqsc that could not run (exit 20) is an operational error with its message', async () => {
    answer = () => ({ stdout: `${HEADER}AMQ8146E: IBM MQ queue manager not available.\nNo MQSC commands read.\nNo commands have a syntax error.\nAll valid MQSC commands were processed.\n`, exitCode: 20 });
    const failure = await ensure(true).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MqscCommandError);
    expect(failure).toMatchObject({ code: 'MQSC_FAILED', exitCode: 20, host: 'test-host' });
    expect((failure as Error).message).toBe(
      "runmqsc QM1 on test-host (DISPLAY QLOCAL('MQCHAOS.HEALTH') DEFPSIST): exit 20, AMQ8146E: IBM MQ queue manager not available.",
    );
  });
});
