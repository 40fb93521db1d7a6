import type { Clock, TimerHandle } from './clock.ts';
import type { TruthEventInput } from './truth-log.ts';

/**
 * The transient timer units of one host, as `systemd-run --on-active` creates them: each
 * named unit runs its command once at its deadline, unless `systemctl stop <unit>.timer`
 * stopped it first. Every start, firing and stop is a truth event, so the truth log shows
 * whether a restore came from the host itself or from mqchaos.
 */
export class TransientTimers {
  private readonly pending = new Map<string, TimerHandle>();

  constructor(
    private readonly host: string,
    private readonly clock: Clock,
    private readonly emit: (event: TruthEventInput) => void,
  ) {}

  /** False when a unit of that name is already loaded. */
  start(unit: string, delayMs: number, command: string, run: () => Promise<void>): boolean {
    if (this.pending.has(unit)) return false;
    const dueAt = this.clock.now() + delayMs;
    this.emit({ event: 'timer-started', host: this.host, unit, command, dueAt });
    const handle = this.clock.setTimeout(() => {
      this.pending.delete(unit);
      this.emit({ event: 'timer-fired', host: this.host, unit, command });
      void run();
    }, delayMs);
    this.pending.set(unit, handle);
    return true;
  }

  /** False when no such unit is loaded (it fired already, or never existed). */
  stop(unit: string): boolean {
    const handle = this.pending.get(unit);
    if (!handle) return false;
    this.clock.clearTimeout(handle);
    this.pending.delete(unit);
    this.emit({ event: 'timer-stopped', host: this.host, unit });
    return true;
  }

  /** The lab is stopping: nothing fires after it. */
  clear(): void {
    for (const handle of this.pending.values()) this.clock.clearTimeout(handle);
    this.pending.clear();
  }
}
