import ssh2 from 'ssh2';
import type { ClientChannel, ConnectConfig } from 'ssh2';
import type { HostSpec } from '../../suites/suite-model.ts';
import { buildCommandLine } from './command-line.ts';
import { checkHostKey, fingerprintHostKey } from './host-key.ts';
import { resolveCredential, type Environment } from './ssh-credentials.ts';
import {
  describeEndpoint,
  SshAuthError,
  SshChannelRefusedError,
  SshCommandTimeoutError,
  SshConnectError,
  SshConnectionLostError,
  type HostKeyMismatchError,
} from './ssh-errors.ts';

export interface SessionOptions {
  /** TCP connect, handshake and authentication together. */
  connectTimeoutMs: number;
  /** SSH keepalive period; a connection whose peer misses `keepaliveCountMax` replies is closed. 0 disables. */
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
  /** Where `{ env }` credential references are looked up; process.env by default. */
  env?: Environment;
}

export interface RunOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /**
   * Written to the command's standard input, followed by end of file (e.g. MQSC commands for
   * `runmqsc`); a promise is written when it settles (Enter for `amqmfsck -w` once the other copy waits).
   */
  stdin?: string | Promise<string>;
}

export interface CommandResult {
  /** The command line as sent. */
  command: string;
  /** null when the remote process was ended by a signal (see `exitSignal`). */
  exitCode: number | null;
  exitSignal: string | null;
  stdout: string;
  stderr: string;
  /** Epoch ms. */
  startedAt: number;
  endedAt: number;
}

type Abandon = (reason: string) => void;

/** One authenticated SSH connection to one host; any number of commands may run on it at once. */
export class SshSession {
  readonly endpoint: string;
  readonly closed: Promise<void>;
  #open = true;
  #inFlight = new Set<Abandon>();

  private constructor(
    readonly host: HostSpec,
    private readonly client: InstanceType<typeof ssh2.Client>,
  ) {
    this.endpoint = describeEndpoint(host.address, host.port);
    // Errors after the handshake are always followed by 'close', which is what matters here.
    client.on('error', () => {});
    this.closed = new Promise((resolve) => {
      client.once('close', () => {
        this.#open = false;
        for (const abandon of [...this.#inFlight]) abandon('connection closed');
        resolve();
      });
    });
  }

  /** Connects and authenticates; the host key must equal the pin exactly. */
  static async open(host: HostSpec, options: SessionOptions): Promise<SshSession> {
    const credential = await resolveCredential(host, options.env);
    const endpoint = describeEndpoint(host.address, host.port);
    const client = new ssh2.Client();
    let refusal: HostKeyMismatchError | undefined;
    const config: ConnectConfig = {
      host: host.address,
      port: host.port,
      username: host.user,
      readyTimeout: options.connectTimeoutMs,
      keepaliveInterval: options.keepaliveIntervalMs,
      keepaliveCountMax: options.keepaliveCountMax,
      tryKeyboard: false,
      hostVerifier: (key: Buffer): boolean => {
        refusal = checkHostKey(host, fingerprintHostKey(key));
        return refusal === undefined;
      },
      ...(credential.method === 'password'
        ? { password: credential.password }
        : { privateKey: credential.privateKey, passphrase: credential.passphrase }),
    };

    return new Promise<SshSession>((resolve, reject) => {
      const detach = (): void => {
        client.off('ready', onReady);
        client.off('error', onError);
        client.off('close', onClose);
      };
      const fail = (error: Error): void => {
        detach();
        client.on('error', () => {});
        client.destroy();
        reject(error);
      };
      const onReady = (): void => {
        detach();
        resolve(new SshSession(host, client));
      };
      const onError = (err: Error & { level?: string }): void => {
        if (refusal) fail(refusal);
        else if (err.level === 'client-authentication') fail(new SshAuthError(host.name, endpoint, host.user, credential.method, { cause: err }));
        else fail(new SshConnectError(host.name, endpoint, err.message, { cause: err }));
      };
      const onClose = (): void => fail(refusal ?? new SshConnectError(host.name, endpoint, 'connection closed during the handshake'));
      client.on('ready', onReady);
      client.on('error', onError);
      client.on('close', onClose);
      try {
        client.connect(config);
        // Commands are small request/answer exchanges: Nagle plus delayed ACKs would add ~40 ms to each.
        client.setNoDelay(true);
      } catch (err) {
        fail(new SshConnectError(host.name, endpoint, (err as Error).message, { cause: err }));
      }
    });
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /**
   * Runs one command. A timeout or an abort closes the command's channel and rejects at
   * once; the remote process may outlive it (sshd does not always forward signals).
   */
  async exec(argv: readonly string[], options: RunOptions): Promise<CommandResult> {
    const command = buildCommandLine(argv);
    options.signal?.throwIfAborted();
    if (!this.#open) throw new SshConnectionLostError(this.host.name, command, 'not-run', 'connection already closed');

    return new Promise<CommandResult>((resolve, reject) => {
      const startedAt = Date.now();
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let channel: ClientChannel | undefined;
      let exit: { code: number | null; signal: string | null } | undefined;
      let settled = false;

      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        this.#inFlight.delete(onConnectionClosed);
        outcome();
      };
      const abandon = (error: unknown): void =>
        settle(() => {
          if (channel) closeChannel(channel);
          reject(error);
        });
      const onAbort = (): void => abandon(options.signal?.reason);
      const onConnectionClosed: Abandon = (reason) =>
        abandon(new SshConnectionLostError(this.host.name, command, 'unknown', reason));
      const timer = setTimeout(
        () => abandon(new SshCommandTimeoutError(this.host.name, command, options.timeoutMs)),
        options.timeoutMs,
      );
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.#inFlight.add(onConnectionClosed);

      const onChannel = (err: Error | undefined, stream: ClientChannel): void => {
        if (err) return abandon(this.#channelFailure(command, err));
        if (settled) return closeChannel(stream);
        channel = stream;
        stream.on('data', (chunk: Buffer) => stdout.push(chunk));
        stream.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
        stream.on('exit', (code: number | null, signal?: string) => {
          exit = { code: code ?? null, signal: signal ?? null };
        });
        stream.on('error', (error: Error) =>
          abandon(new SshConnectionLostError(this.host.name, command, 'unknown', error.message, { cause: error })),
        );
        stream.on('close', () => {
          if (!exit) {
            return abandon(new SshConnectionLostError(this.host.name, command, 'unknown', 'channel closed without an exit status'));
          }
          const ended = exit;
          settle(() =>
            resolve({
              command,
              exitCode: ended.code,
              exitSignal: ended.signal,
              stdout: Buffer.concat(stdout).toString('utf8'),
              stderr: Buffer.concat(stderr).toString('utf8'),
              startedAt,
              endedAt: Date.now(),
            }),
          );
        });
        if (options.stdin !== undefined) {
          Promise.resolve(options.stdin).then(
            (text) => stream.end(text),
            () => stream.end(),
          );
        }
      };

      try {
        this.client.exec(command, onChannel);
      } catch (err) {
        abandon(new SshConnectionLostError(this.host.name, command, 'not-run', (err as Error).message, { cause: err }));
      }
    });
  }

  #channelFailure(command: string, err: Error): SshChannelRefusedError | SshConnectionLostError {
    // A refusal arrives on a working connection and means nothing ran; a connection that
    // closed while we waited leaves it open whether the exec request got through.
    if (/channel open failure|unable to exec/i.test(err.message)) {
      return new SshChannelRefusedError(this.host.name, command, err.message, { cause: err });
    }
    return new SshConnectionLostError(this.host.name, command, 'unknown', err.message, { cause: err });
  }

  /** Says goodbye and waits for the socket to close; a peer that does not answer is cut off after `graceMs`. */
  async close(graceMs = 2000): Promise<void> {
    if (!this.#open) return this.closed;
    this.client.end();
    const cutOff = setTimeout(() => this.client.destroy(), graceMs);
    await this.closed;
    clearTimeout(cutOff);
  }

  /** Closes the socket without the SSH goodbye, for a connection that no longer answers. */
  destroy(): void {
    this.client.destroy();
  }
}

function closeChannel(channel: ClientChannel): void {
  try {
    channel.signal('KILL');
    channel.close();
  } catch {
    // The channel or the connection is already gone; nothing is left to close.
  }
}
