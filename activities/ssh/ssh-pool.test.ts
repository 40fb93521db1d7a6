import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UnsafeCommandArgumentError } from './command-line.ts';
import {
  HostKeyMismatchError,
  RemoteCommandError,
  SshAuthError,
  SshCommandTimeoutError,
  SshConnectError,
  SshConnectionLostError,
  SshCredentialError,
} from './ssh-errors.ts';
import { SshPool, type ConnectionEvent } from './ssh-pool.ts';
import { startTestSshServer, type ExecReply, type TestSshServer } from '../../test/support/test-ssh-server.ts';
import { generateEd25519KeyPair } from '../../test/support/ed25519-keys.ts';

const PASSWORD_VAR = 'MQCHAOS_TEST_SSH_PASSWORD';
const WRONG_PASSWORD_VAR = 'MQCHAOS_TEST_SSH_WRONG_PASSWORD';
const PASSPHRASE_VAR = 'MQCHAOS_TEST_SSH_PASSPHRASE';
const env = { [PASSWORD_VAR]: 'right-password', [WRONG_PASSWORD_VAR]: 'wrong-password', [PASSPHRASE_VAR]: 'key-passphrase' };
const clientKeys = generateEd25519KeyPair({ passphrase: env[PASSPHRASE_VAR], cipher: 'aes256-ctr', rounds: 8 });
const plainClientKeys = generateEd25519KeyPair();

/** Commands that hang until released, so a test can act while they are in flight. */
const hanging = new Map<string, () => void>();
const replies: Record<string, ExecReply> = {
  'dspmq -x -m QM1': { stdout: 'QMNAME(QM1)                                               STATUS(Running)\n' },
  'no-such-command': { stderr: 'sh: 1: no-such-command: not found\n', exitCode: 127 },
  'strmqm -x QM1': { stdout: "A standby instance of queue manager 'QM1' has been started.\n", exitCode: 30 },
  'echo \'a b\' \'it\'\\\'\'s\'': { stdout: 'a b it\'s\n' },
  'self-kill': { exitSignal: 'KILL' },
};

function execute(command: string, stdin: () => Promise<string>): ExecReply | Promise<ExecReply> {
  if (command === 'cat') return stdin().then((text) => ({ stdout: `read ${text.length} characters: ${text}` }));
  if (command.startsWith('hang')) {
    return new Promise((resolve) => hanging.set(command, () => resolve({ stdout: 'released\n' })));
  }
  return replies[command] ?? { stderr: `unexpected command: ${command}\n`, exitCode: 2 };
}

let server: TestSshServer;
let keyDir: string;
let pool: SshPool;
let events: ConnectionEvent[];

beforeAll(async () => {
  server = await startTestSshServer({
    user: 'mqm',
    password: env[PASSWORD_VAR],
    authorizedKey: clientKeys.public,
    exec: execute,
  });
  keyDir = await mkdtemp(join(tmpdir(), 'mqchaos-ssh-'));
  await writeFile(join(keyDir, 'id_ed25519'), clientKeys.private, { mode: 0o600 });
  await writeFile(join(keyDir, 'other_ed25519'), plainClientKeys.private, { mode: 0o600 });
});

afterAll(async () => {
  await server.stop();
  await rm(keyDir, { recursive: true, force: true });
});

function newPool(): SshPool {
  events = [];
  pool = new SshPool({ env, connectTimeoutMs: 10_000, onConnectionEvent: (event) => events.push(event) });
  return pool;
}

afterEach(async () => {
  for (const release of hanging.values()) release();
  hanging.clear();
  await pool?.closeAll();
});

const passwordHost = () => server.hostSpec({ env: PASSWORD_VAR });
const run = { timeoutMs: 10_000 };

function nextEvent(kind: ConnectionEvent['kind']): Promise<ConnectionEvent> {
  const seen = events.length;
  return new Promise((resolve) => {
    const check = (): void => {
      const found = events.slice(seen).find((event) => event.kind === kind);
      if (found) resolve(found);
      else setImmediate(check);
    };
    check();
  });
}

describe('SshPool authentication', () => {
  it('SshPool - right password is accepted', async () => {
    const result = await newPool().run(passwordHost(), ['dspmq', '-x', '-m', 'QM1'], run);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('STATUS(Running)');
    expect(result.command).toBe('dspmq -x -m QM1');
    expect(result.endedAt).toBeGreaterThanOrEqual(result.startedAt);
  });

  it('SshPool - wrong password is refused with SshAuthError', async () => {
    const host = server.hostSpec({ env: WRONG_PASSWORD_VAR });
    const err = await newPool().run(host, ['dspmq'], run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SshAuthError);
    expect((err as SshAuthError).message).toBe(
      `SSH authentication of mqm on test-host (127.0.0.1:${server.port}) by password was refused`,
    );
    expect(err).toMatchObject({ code: 'SSH_AUTH_FAILED', permanent: true });
  });

  it('SshPool - unset password variable is a permanent credential error and nothing connects', async () => {
    const before = server.connectionCount();
    const err = await newPool()
      .run(server.hostSpec({ env: 'MQCHAOS_TEST_UNSET_VARIABLE' }), ['dspmq'], run)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SshCredentialError);
    expect((err as Error).message).toBe(
      'SSH credential for test-host unavailable: environment variable MQCHAOS_TEST_UNSET_VARIABLE is not set',
    );
    expect(err).toMatchObject({ code: 'SSH_CREDENTIAL_UNAVAILABLE', permanent: true, problem: 'env-unset' });
    expect(server.connectionCount()).toBe(before);
  });

  it('SshPool - key file with passphrase is accepted', async () => {
    const host = server.hostSpec({ keyFile: join(keyDir, 'id_ed25519'), passphraseEnv: PASSPHRASE_VAR });
    const result = await newPool().run(host, ['dspmq', '-x', '-m', 'QM1'], run);
    expect(result.exitCode).toBe(0);
  });

  it('SshPool - key file that is not authorised is refused with SshAuthError', async () => {
    const host = server.hostSpec({ keyFile: join(keyDir, 'other_ed25519') });
    const err = await newPool().run(host, ['dspmq'], run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SshAuthError);
    expect((err as Error).message).toBe(
      `SSH authentication of mqm on test-host (127.0.0.1:${server.port}) by publickey was refused`,
    );
  });

  it('SshPool - missing key file is a permanent credential error', async () => {
    const keyFile = join(keyDir, 'absent');
    const err = await newPool().run(server.hostSpec({ keyFile }), ['dspmq'], run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SshCredentialError);
    expect((err as Error).message).toBe(`SSH credential for test-host unavailable: key file ${keyFile} cannot be read (ENOENT)`);
  });

  it('SshPool - wrong key passphrase is a permanent credential error', async () => {
    const host = server.hostSpec({ keyFile: join(keyDir, 'id_ed25519'), passphraseEnv: PASSWORD_VAR });
    const err = await newPool().run(host, ['dspmq'], run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SshCredentialError);
    expect((err as Error).message).toMatch(/^SSH credential for test-host unavailable: key file .*id_ed25519 cannot be used: /);
    expect(err).toMatchObject({ problem: 'key-unusable', permanent: true });
  });
});

describe('SshPool host key', () => {
  const otherKey = 'SHA256:' + 'A'.repeat(43);

  it('SshPool - unknown host key (no pin) is refused naming the presented fingerprint', async () => {
    const host = server.hostSpec({ env: PASSWORD_VAR }, { hostKey: '' });
    const err = await newPool().run(host, ['dspmq'], run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostKeyMismatchError);
    expect((err as Error).message).toBe(
      `refusing SSH connection to test-host (127.0.0.1:${server.port}): no host key is pinned (expected: none); ` +
        `the host presented ${server.hostKey} — verify it out of band and set hostKey`,
    );
    expect(err).toMatchObject({ code: 'SSH_HOST_KEY_MISMATCH', permanent: true, reason: 'unpinned', presented: server.hostKey });
  });

  it('SshPool - changed host key is refused naming expected and presented fingerprints', async () => {
    const host = server.hostSpec({ env: PASSWORD_VAR }, { hostKey: otherKey });
    const err = await newPool().run(host, ['dspmq'], run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostKeyMismatchError);
    expect((err as Error).message).toBe(
      `refusing SSH connection to test-host (127.0.0.1:${server.port}): host key changed — expected ${otherKey}, presented ${server.hostKey}`,
    );
  });

  it('SshPool - pin differing only in letter case is refused', async () => {
    const flipped = server.hostKey.replace(/^SHA256:/, '').replace(/[a-zA-Z]/g, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()));
    const host = server.hostSpec({ env: PASSWORD_VAR }, { hostKey: `SHA256:${flipped}` });
    expect(host.hostKey).not.toBe(server.hostKey);
    const err = await newPool().run(host, ['dspmq'], run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostKeyMismatchError);
    expect((err as Error).message).toContain(`host key changed — expected SHA256:${flipped}, presented ${server.hostKey}`);
  });

  it('SshPool - malformed pin is refused as such', async () => {
    const host = server.hostSpec({ env: PASSWORD_VAR }, { hostKey: 'ssh-ed25519 AAAA' });
    const err = await newPool().run(host, ['dspmq'], run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostKeyMismatchError);
    expect((err as Error).message).toBe(
      `refusing SSH connection to test-host (127.0.0.1:${server.port}): the pinned host key "ssh-ed25519 AAAA" is not of the form ` +
        `SHA256:<base64 without padding>; the host presented ${server.hostKey}`,
    );
  });

  it('SshPool - nothing listening is a retryable SshConnectError', async () => {
    const host = server.hostSpec({ env: PASSWORD_VAR }, { port: 1 });
    const err = await newPool().run(host, ['dspmq'], run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SshConnectError);
    expect((err as Error).message).toMatch(/^cannot open SSH connection to test-host \(127\.0\.0\.1:1\): .*ECONNREFUSED/);
    expect(err).toMatchObject({ code: 'SSH_CONNECT_FAILED', permanent: false });
  });
});

describe('SshPool commands', () => {
  it('SshPool - exit code 127 and stderr are carried through by run', async () => {
    const result = await newPool().run(passwordHost(), ['no-such-command'], run);
    expect(result).toMatchObject({ exitCode: 127, exitSignal: null, stdout: '', stderr: 'sh: 1: no-such-command: not found\n' });
  });

  it('SshPool - runChecked throws RemoteCommandError with exit code and output tails', async () => {
    const err = await newPool().runChecked(passwordHost(), ['no-such-command'], run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteCommandError);
    expect((err as Error).message).toBe('`no-such-command` on test-host exited with 127: sh: 1: no-such-command: not found');
    expect(err).toMatchObject({
      code: 'REMOTE_COMMAND_FAILED',
      host: 'test-host',
      command: 'no-such-command',
      exitCode: 127,
      stdoutTail: '',
      stderrTail: 'sh: 1: no-such-command: not found\n',
    });
  });

  it('SshPool - runChecked accepts listed exit codes', async () => {
    const result = await newPool().runChecked(passwordHost(), ['strmqm', '-x', 'QM1'], { ...run, acceptedExitCodes: [0, 30] });
    expect(result.exitCode).toBe(30);
  });

  it('SshPool - runChecked reports a remote process killed by a signal', async () => {
    const err = await newPool().runChecked(passwordHost(), ['self-kill'], run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RemoteCommandError);
    expect((err as Error).message).toBe('`self-kill` on test-host was killed by SIGKILL');
    expect(err).toMatchObject({ exitCode: null, exitSignal: 'SIGKILL' });
  });

  it('SshPool - arguments arrive quoted exactly once', async () => {
    const result = await newPool().run(passwordHost(), ['echo', 'a b', "it's"], run);
    expect(server.commands().at(-1)).toBe("echo 'a b' 'it'\\''s'");
    expect(result.stdout).toBe("a b it's\n");
  });

  it('SshPool - stdin reaches the command, followed by end of file', async () => {
    const result = await newPool().run(passwordHost(), ['cat'], { ...run, stdin: 'DISPLAY QLOCAL(Q1)\nEND\n' });
    expect(result).toMatchObject({ exitCode: 0, stdout: 'read 23 characters: DISPLAY QLOCAL(Q1)\nEND\n' });
  });

  it('SshPool - unsafe argument is refused before anything connects', async () => {
    const before = server.connectionCount();
    const err = await newPool().run(passwordHost(), ['echo', 'a\nb'], run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnsafeCommandArgumentError);
    expect((err as Error).message).toBe('command argument 1 "a\\nb" refused: it contains a NUL or line break');
    expect(server.connectionCount()).toBe(before);
  });

  it('SshPool - per-command timeout fires and the connection stays usable', async () => {
    const p = newPool();
    const err = await p.run(passwordHost(), ['hang', 'timeout'], { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SshCommandTimeoutError);
    expect((err as Error).message).toBe('`hang timeout` on test-host did not finish within 200 ms');
    expect(err).toMatchObject({ code: 'SSH_COMMAND_TIMEOUT', permanent: false, timeoutMs: 200 });
    const before = server.connectionCount();
    await expect(p.run(passwordHost(), ['dspmq', '-x', '-m', 'QM1'], run)).resolves.toMatchObject({ exitCode: 0 });
    expect(server.connectionCount()).toBe(before);
  });

  it('SshPool - abort signal ends the command with the abort reason', async () => {
    const controller = new AbortController();
    const p = newPool();
    const running = p.run(passwordHost(), ['hang', 'abort'], { ...run, signal: controller.signal });
    await until(() => hanging.has('hang abort'));
    const reason = new Error('activity cancelled');
    controller.abort(reason);
    await expect(running).rejects.toBe(reason);
  });
});

describe('SshPool connection reuse', () => {
  it('SshPool - a second command reuses the connection', async () => {
    const p = newPool();
    const before = server.connectionCount();
    await p.run(passwordHost(), ['dspmq', '-x', '-m', 'QM1'], run);
    await p.run(passwordHost(), ['no-such-command'], run);
    expect(server.connectionCount() - before).toBe(1);
  });

  it('SshPool - concurrent commands share one connection', async () => {
    const p = newPool();
    const before = server.connectionCount();
    const results = await Promise.all([1, 2, 3, 4].map(() => p.run(passwordHost(), ['dspmq', '-x', '-m', 'QM1'], run)));
    expect(results.map((r) => r.exitCode)).toEqual([0, 0, 0, 0]);
    expect(server.connectionCount() - before).toBe(1);
  });

  it('SshPool - a different user gets its own connection', async () => {
    const p = newPool();
    const before = server.connectionCount();
    await p.run(passwordHost(), ['dspmq', '-x', '-m', 'QM1'], run);
    await p.run(server.hostSpec({ env: PASSWORD_VAR }, { user: 'root' }), ['dspmq'], run).catch(() => undefined);
    expect(server.connectionCount() - before).toBe(2);
  });

  it('SshPool - a dropped connection is re-established for the next command', async () => {
    const p = newPool();
    const before = server.connectionCount();
    await p.run(passwordHost(), ['dspmq', '-x', '-m', 'QM1'], run);
    const disconnected = nextEvent('disconnected');
    server.dropConnections();
    await disconnected;
    await expect(p.run(passwordHost(), ['dspmq', '-x', '-m', 'QM1'], run)).resolves.toMatchObject({ exitCode: 0 });
    expect(server.connectionCount() - before).toBe(2);
    expect(events.map((e) => e.kind)).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('SshPool - a command in flight when the connection drops has an unknown outcome', async () => {
    const p = newPool();
    const running = p.run(passwordHost(), ['hang', 'drop'], run);
    await until(() => hanging.has('hang drop'));
    server.dropConnections();
    const err = await running.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SshConnectionLostError);
    expect((err as Error).message).toBe('SSH connection to test-host lost around `hang drop` (outcome unknown): connection closed');
    expect(err).toMatchObject({ code: 'SSH_CONNECTION_LOST', permanent: false, outcome: 'unknown' });
  });

  it('SshPool - closeAll closes every connection', async () => {
    const p = newPool();
    await p.run(passwordHost(), ['dspmq', '-x', '-m', 'QM1'], run);
    const disconnected = nextEvent('disconnected');
    await p.closeAll();
    await disconnected;
    expect(events.map((e) => e.kind)).toEqual(['connected', 'disconnected']);
  });
});

/** Waits for a condition the server side makes true, yielding to the event loop between checks. */
function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => (condition() ? resolve() : void setImmediate(check));
    check();
  });
}
