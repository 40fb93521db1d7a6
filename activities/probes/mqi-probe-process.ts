import { fileURLToPath } from 'node:url';
import { MqiChildProcess } from '../mq/mqi-child-process.ts';
import type { HealthCheckOutcome } from './health-check.ts';
import type { FromProbe, MqiAttemptPlan, ToProbe } from './mqi-probe-ipc.ts';

const PROBE_MAIN = fileURLToPath(new URL('./mqi-probe-main.ts', import.meta.url));

/** The probe process could not start (no client library, or it died first): an operational error of the worker's environment. */
export class MqiProbeStartError extends Error {
  override readonly name = 'MqiProbeStartError';
}

/**
 * The activity's side of a health probe's MQI process: started once and ready when the
 * client library is loaded, then asked for one attempt at a time. An attempt that does not
 * answer within its time (a call blocked on a network that drops packets) counts as failed;
 * the process, stuck in that call, is killed (as on an abort), and the caller starts another.
 */
export class MqiProbeProcess {
  private readonly process: MqiChildProcess<ToProbe, FromProbe>;
  private readonly waiting = new Map<number, (outcome: HealthCheckOutcome) => void>();
  private nextId = 1;
  private endedBecause: string | null = null;
  private readonly ended: Promise<void>;

  private constructor(libraryDir: string | null) {
    this.process = new MqiChildProcess(PROBE_MAIN, libraryDir);
    this.process.onMessage((message) => {
      if (message.type === 'result') this.waiting.get(message.id)?.(message.outcome);
    });
    this.ended = new Promise((resolve) => {
      this.process.onClose((code, signal) => {
        this.endedBecause = `the probe process ended with ${signal ?? `exit code ${code}`}`;
        for (const answer of this.waiting.values()) answer({ ok: false, error: this.endedBecause });
        resolve();
      });
    });
  }

  /** Forks the process and waits until it has loaded the client library; rejects on failure, after `timeoutMs`, or on abort (the process is killed). */
  static async start(libraryDir: string | null, timeoutMs: number, signal: AbortSignal): Promise<MqiProbeProcess> {
    const probe = new MqiProbeProcess(libraryDir);
    const ready = new Promise<void>((resolve, reject) => {
      probe.process.onMessage((message) => {
        if (message.type === 'ready') resolve();
        if (message.type === 'failed') reject(new MqiProbeStartError(message.error));
      });
      probe.process.onClose(() => reject(new MqiProbeStartError(`${probe.endedBecause ?? 'the probe process ended'} before it was ready${probe.describeStderr()}`)));
    });
    probe.process.send({ type: 'start', libraryDir });
    try {
      await settleWithin(ready, timeoutMs, signal, () => new MqiProbeStartError(`the probe process was not ready within ${timeoutMs} ms${probe.describeStderr()}`));
      return probe;
    } catch (error) {
      probe.kill();
      throw error;
    }
  }

  get usable(): boolean {
    return this.endedBecause === null && this.process.running;
  }

  /** One attempt; failed when it does not answer within `timeoutMs` (the process is killed). Rejects only on abort (the process is killed). */
  async attempt(plan: MqiAttemptPlan, timeoutMs: number, signal: AbortSignal): Promise<HealthCheckOutcome> {
    if (!this.usable) return { ok: false, error: this.endedBecause ?? 'the probe process is not running' };
    const id = this.nextId++;
    const answered = new Promise<HealthCheckOutcome>((resolve) => this.waiting.set(id, resolve));
    this.process.send({ type: 'attempt', id, plan });
    try {
      return await settleWithin(answered, timeoutMs, signal, () => new AttemptTimeout());
    } catch (error) {
      this.kill();
      if (error instanceof AttemptTimeout) return { ok: false, error: `no answer within ${timeoutMs} ms` };
      throw error;
    } finally {
      this.waiting.delete(id);
    }
  }

  kill(): void {
    this.process.kill();
  }

  /** Resolves once the process has ended. */
  whenEnded(): Promise<void> {
    return this.ended;
  }

  private describeStderr(): string {
    const tail = this.process.stderrTail.trim();
    return tail ? `; stderr: ${tail.slice(-500)}` : '';
  }
}

class AttemptTimeout extends Error {}

/** Settles with `promise`, or rejects with `onTimeout()` after `timeoutMs`, or with the abort reason. */
function settleWithin<T>(promise: Promise<T>, timeoutMs: number, signal: AbortSignal, onTimeout: () => Error): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(onTimeout())), timeoutMs);
    const onAbort = (): void => finish(() => reject(signal.reason));
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      settle();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}
