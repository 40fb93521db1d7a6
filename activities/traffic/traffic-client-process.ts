import { fileURLToPath } from 'node:url';
import { MqiChildProcess } from '../mq/mqi-child-process.ts';
import type { ClientPlan, ClientStatus, ClientSummary, FromClient, ToClient } from './traffic-ipc.ts';

const CLIENT_MAIN = fileURLToPath(new URL('./traffic-client-main.ts', import.meta.url));

/** A traffic client process that failed to start or died: an operational error with its stderr tail. */
export class TrafficClientError extends Error {
  override readonly name = 'TrafficClientError';
  constructor(
    readonly clientId: string,
    message: string,
    readonly stderrTail: string,
  ) {
    super(`traffic client ${clientId}: ${message}${stderrTail ? `; stderr: ${stderrTail.trim().slice(-500)}` : ''}`);
  }
}

/**
 * The activity's side of one traffic client process (an MqiChildProcess: LD_LIBRARY_PATH
 * naming the client library directory, null: the system default): sends its plan, follows it
 * through `ready`, `status` and `finished`. `kill` ends it without asking.
 */
export class TrafficClientProcess {
  private readonly process: MqiChildProcess<ToClient, FromClient>;
  private latest: ClientStatus;
  private readonly ready: Promise<ClientStatus>;
  private readonly finished: Promise<ClientSummary>;

  constructor(
    readonly plan: ClientPlan,
    libraryDir: string | null,
  ) {
    this.latest = { id: plan.id, count: 0, connected: false };
    this.process = new MqiChildProcess(CLIENT_MAIN, libraryDir);
    this.finished = new Promise<ClientSummary>((resolve, reject) => {
      this.process.onMessage((message) => {
        if (message.type === 'status' || message.type === 'ready') this.latest = message.status;
        if (message.type === 'finished') {
          this.latest = message.summary;
          resolve(message.summary);
        }
        if (message.type === 'failed') reject(this.error(message.error));
      });
      // Messages sent just before the exit may still be on their way: let them land first.
      this.process.onClose((code, signal) => setTimeout(() => reject(this.error(`ended with ${signal ?? `exit code ${code}`}`)), 50));
    });
    this.ready = new Promise<ClientStatus>((resolve, reject) => {
      this.process.onMessage((message) => {
        if (message.type === 'ready') resolve(message.status);
      });
      this.finished.then(
        (summary) => reject(this.error(`ended before it could connect: ${summary.error ?? summary.reason}`)),
        reject,
      );
    });
    this.finished.catch(() => undefined);
    this.ready.catch(() => undefined);
    this.send({ type: 'start', plan, libraryDir });
  }

  get status(): ClientStatus {
    return this.latest;
  }

  /** Resolves once the client is connected; rejects when it fails, ends first, or takes longer than `timeoutMs`. */
  whenReady(timeoutMs: number): Promise<ClientStatus> {
    return withTimeout(this.ready, timeoutMs, () => this.error(`did not connect within ${timeoutMs} ms`));
  }

  /** Resolves with the client's summary; after `timeoutMs` the process is killed and this rejects. */
  async whenFinished(timeoutMs: number): Promise<ClientSummary> {
    return withTimeout(this.finished, timeoutMs, () => {
      this.kill();
      return this.error(`did not finish within ${timeoutMs} ms and was killed`);
    });
  }

  requestStatus(): void {
    this.send({ type: 'status' });
  }

  stop(): void {
    this.send({ type: 'stop' });
  }

  abort(): void {
    this.send({ type: 'abort' });
  }

  kill(): void {
    this.process.kill();
  }

  private send(message: ToClient): void {
    this.process.send(message);
  }

  private error(message: string): TrafficClientError {
    return new TrafficClientError(this.plan.id, message, this.process.stderrTail);
  }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
