import { OperationalError } from './operational-error.ts';

/** `address:port`, the way people type an SSH endpoint. */
export function describeEndpoint(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

export type HostKeyRefusal = 'unpinned' | 'invalid-pin' | 'changed';

/** The host presented a key that is not the pinned one, or there is no usable pin. */
export class HostKeyMismatchError extends OperationalError {
  readonly code = 'SSH_HOST_KEY_MISMATCH';
  readonly permanent = true;

  constructor(
    readonly host: string,
    readonly endpoint: string,
    readonly expected: string,
    readonly presented: string,
    readonly reason: HostKeyRefusal,
  ) {
    super(describeRefusal(host, endpoint, expected, presented, reason));
  }
}

function describeRefusal(
  host: string,
  endpoint: string,
  expected: string,
  presented: string,
  reason: HostKeyRefusal,
): string {
  const refused = `refusing SSH connection to ${host} (${endpoint})`;
  switch (reason) {
    case 'unpinned':
      return `${refused}: no host key is pinned (expected: none); the host presented ${presented} — verify it out of band and set hostKey`;
    case 'invalid-pin':
      return `${refused}: the pinned host key "${expected}" is not of the form SHA256:<base64 without padding>; the host presented ${presented}`;
    case 'changed':
      return `${refused}: host key changed — expected ${expected}, presented ${presented}`;
  }
}

export type CredentialProblem = 'env-unset' | 'key-file-unreadable' | 'key-unusable';

/** The credential reference could not be turned into a secret (nothing was sent to the host). */
export class SshCredentialError extends OperationalError {
  readonly code = 'SSH_CREDENTIAL_UNAVAILABLE';
  readonly permanent = true;

  constructor(
    readonly host: string,
    readonly source: string,
    readonly problem: CredentialProblem,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`SSH credential for ${host} unavailable: ${source} ${detail}`, options);
  }
}

/** The host refused the credential. */
export class SshAuthError extends OperationalError {
  readonly code = 'SSH_AUTH_FAILED';
  readonly permanent = true;

  constructor(
    readonly host: string,
    readonly endpoint: string,
    readonly user: string,
    readonly method: 'password' | 'publickey',
    options?: { cause?: unknown },
  ) {
    super(`SSH authentication of ${user} on ${host} (${endpoint}) by ${method} was refused`, options);
  }
}

/** No SSH session could be set up: refused, unreachable, handshake timed out, protocol error. */
export class SshConnectError extends OperationalError {
  readonly code = 'SSH_CONNECT_FAILED';
  readonly permanent = false;

  constructor(
    readonly host: string,
    readonly endpoint: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot open SSH connection to ${host} (${endpoint}): ${reason}`, options);
  }
}

/**
 * The connection broke around a command. `outcome` 'not-run': the command never reached
 * the host and may be sent again; 'unknown': it may or may not have taken effect.
 */
export class SshConnectionLostError extends OperationalError {
  readonly code = 'SSH_CONNECTION_LOST';
  readonly permanent = false;

  constructor(
    readonly host: string,
    readonly command: string,
    readonly outcome: 'not-run' | 'unknown',
    reason: string,
    options?: { cause?: unknown },
  ) {
    const what = outcome === 'not-run' ? 'command not run' : 'outcome unknown';
    super(`SSH connection to ${host} lost around \`${command}\` (${what}): ${reason}`, options);
  }
}

/** The host refused to open a channel or to exec on a working connection (e.g. sshd MaxSessions); nothing ran. */
export class SshChannelRefusedError extends OperationalError {
  readonly code = 'SSH_CHANNEL_REFUSED';
  readonly permanent = false;

  constructor(
    readonly host: string,
    readonly command: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${host} refused to run \`${command}\` (command not run): ${reason}`, options);
  }
}

/** The command did not finish in time; its channel was closed, the remote process may still run. */
export class SshCommandTimeoutError extends OperationalError {
  readonly code = 'SSH_COMMAND_TIMEOUT';
  readonly permanent = false;

  constructor(
    readonly host: string,
    readonly command: string,
    readonly timeoutMs: number,
  ) {
    super(`\`${command}\` on ${host} did not finish within ${timeoutMs} ms`);
  }
}

const TAIL_CHARS = 2000;

function tailOf(text: string): string {
  return text.length <= TAIL_CHARS ? text : `…${text.slice(text.length - TAIL_CHARS)}`;
}

/** A remote command ended with an exit code the caller did not accept. */
export class RemoteCommandError extends OperationalError {
  readonly code = 'REMOTE_COMMAND_FAILED';
  readonly permanent = false;
  readonly stdoutTail: string;
  readonly stderrTail: string;

  constructor(
    readonly host: string,
    readonly command: string,
    /** null when the remote process was ended by a signal. */
    readonly exitCode: number | null,
    readonly exitSignal: string | null,
    stdout: string,
    stderr: string,
  ) {
    const ending = exitCode === null ? `was killed by ${exitSignal ?? 'a signal'}` : `exited with ${exitCode}`;
    const stderrLine = stderr.trim().split('\n').at(-1);
    super(`\`${command}\` on ${host} ${ending}${stderrLine ? `: ${stderrLine}` : ''}`);
    this.stdoutTail = tailOf(stdout);
    this.stderrTail = tailOf(stderr);
  }
}
