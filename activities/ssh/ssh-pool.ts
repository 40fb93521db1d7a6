import type { HostSpec } from '../../suites/suite-model.ts';
import { buildCommandLine } from './command-line.ts';
import { RemoteCommandError, SshConnectionLostError } from './ssh-errors.ts';
import { SshSession, type CommandResult, type RunOptions, type SessionOptions } from './ssh-session.ts';

export interface ConnectionEvent {
  kind: 'connected' | 'disconnected';
  host: string;
  endpoint: string;
  /** Epoch ms. */
  at: number;
}

export interface PoolOptions extends Partial<SessionOptions> {
  /** Told when a connection is set up or goes away (a drop during a fault is worth recording). */
  onConnectionEvent?: (event: ConnectionEvent) => void;
}

export interface RunCheckedOptions extends RunOptions {
  /** Exit codes that count as success; [0] unless given (e.g. [0, 30] for `strmqm -x`). */
  acceptedExitCodes?: readonly number[];
}

const DEFAULT_SESSION_OPTIONS: Omit<SessionOptions, 'env'> = {
  connectTimeoutMs: 15_000,
  keepaliveIntervalMs: 5_000,
  keepaliveCountMax: 3,
};

function poolKey(host: HostSpec): string {
  return JSON.stringify([host.name, host.address, host.port, host.user, host.hostKey]);
}

/**
 * One SSH connection per host, shared by every command for that host. A connection that
 * dropped is replaced on the next command; a command that provably never reached the host
 * is sent once more on the new connection, one whose outcome is unknown never is.
 */
export class SshPool {
  readonly #sessionOptions: SessionOptions;
  readonly #onConnectionEvent: ((event: ConnectionEvent) => void) | undefined;
  readonly #sessions = new Map<string, Slot>();

  constructor(options: PoolOptions = {}) {
    const { onConnectionEvent, ...sessionOptions } = options;
    this.#sessionOptions = { ...DEFAULT_SESSION_OPTIONS, ...sessionOptions };
    this.#onConnectionEvent = onConnectionEvent;
  }

  async run(host: HostSpec, argv: readonly string[], options: RunOptions): Promise<CommandResult> {
    buildCommandLine(argv); // refuse an unsafe argument before connecting to anything
    const session = await this.#sessionFor(host, options.signal);
    try {
      return await session.exec(argv, options);
    } catch (err) {
      if (!(err instanceof SshConnectionLostError) || err.outcome !== 'not-run') throw err;
      this.#evict(poolKey(host), session);
      const fresh = await this.#sessionFor(host, options.signal);
      return fresh.exec(argv, options);
    }
  }

  /** Like `run`, but an exit code outside `acceptedExitCodes` throws RemoteCommandError. */
  async runChecked(host: HostSpec, argv: readonly string[], options: RunCheckedOptions): Promise<CommandResult> {
    const result = await this.run(host, argv, options);
    const accepted = options.acceptedExitCodes ?? [0];
    if (result.exitCode === null || !accepted.includes(result.exitCode)) {
      throw new RemoteCommandError(host.name, result.command, result.exitCode, result.exitSignal, result.stdout, result.stderr);
    }
    return result;
  }

  /** Closes every connection, including ones still being set up. */
  async closeAll(): Promise<void> {
    const pending = [...this.#sessions.values()].map((slot) => slot.opening);
    this.#sessions.clear();
    const settled = await Promise.allSettled(pending);
    await Promise.all(settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.close() : undefined)));
  }

  async #sessionFor(host: HostSpec, signal: AbortSignal | undefined): Promise<SshSession> {
    const key = poolKey(host);
    const existing = this.#sessions.get(key);
    if (existing) {
      // Callers waiting on one connection attempt share its failure: no second attempt is made for them.
      const session = await raceAbort(existing.opening, signal);
      if (session.isOpen) return session;
      this.#evict(key, session);
    }
    return raceAbort((this.#sessions.get(key) ?? this.#open(key, host)).opening, signal);
  }

  #open(key: string, host: HostSpec): Slot {
    const slot: Slot = { opening: SshSession.open(host, this.#sessionOptions) };
    this.#sessions.set(key, slot);
    slot.opening.then(
      (session) => {
        slot.session = session;
        this.#report('connected', session);
        void session.closed.then(() => {
          this.#evict(key, session);
          this.#report('disconnected', session);
        });
      },
      () => {
        if (this.#sessions.get(key) === slot) this.#sessions.delete(key);
      },
    );
    return slot;
  }

  /** Forgets a session that can no longer carry commands and cuts its socket. */
  #evict(key: string, session: SshSession): void {
    if (this.#sessions.get(key)?.session === session) this.#sessions.delete(key);
    if (session.isOpen) session.destroy();
  }

  #report(kind: ConnectionEvent['kind'], session: SshSession): void {
    this.#onConnectionEvent?.({ kind, host: session.host.name, endpoint: session.endpoint, at: Date.now() });
  }
}

interface Slot {
  opening: Promise<SshSession>;
  session?: SshSession;
}

/** Settles with `promise`, or rejects with the abort reason first; the promise itself keeps going. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
