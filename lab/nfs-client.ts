import { startPeriodicTimer, type Clock, type PeriodicTimer } from './clock.ts';
import type { NfsServer } from './nfs-server.ts';
import type { LockReleaseReason, TruthEventInput } from './truth-log.ts';

type PendingRelease =
  | { kind: 'process'; pid: number }
  | { kind: 'lock'; lock: string; pid: number; reason: LockReleaseReason };

/**
 * A host's NFSv4 client. It renews its lease every two thirds of the lease time (as the
 * Linux client's renew daemon does) while it can reach the server. The reachability flag
 * is the seam for network faults (iptables, ip link): while it is off, renewals and lock
 * calls do not arrive, and unlocks wait for the path to come back, as RPCs on a hard
 * mount do.
 */
export class NfsClient {
  private reachable = true;
  private readonly pending: PendingRelease[] = [];
  /** Writes held in the page cache while the server is out of reach; flushed when it is back. */
  private readonly pendingWrites: (() => void)[] = [];
  private readonly reachableWaiters: (() => void)[] = [];
  private readonly reachabilityListeners: ((reachable: boolean) => void)[] = [];
  private readonly renewTimer: PeriodicTimer;

  constructor(
    readonly host: string,
    private readonly server: NfsServer,
    clock: Clock,
    private readonly emit: (event: TruthEventInput) => void,
    readonly renewIntervalMs: number = Math.round((server.leaseMs * 2) / 3),
  ) {
    this.server.renewLease(host);
    this.renewTimer = startPeriodicTimer(clock, renewIntervalMs, () => this.renewIfReachable());
  }

  canReachServer(): boolean {
    return this.reachable;
  }

  setReachable(reachable: boolean): void {
    if (reachable === this.reachable) return;
    this.reachable = reachable;
    this.emit({ event: 'nfs-reachability', host: this.host, reachable });
    // Retransmitted RPCs go out as soon as the path is back.
    if (reachable) this.renewIfReachable();
    for (const listener of this.reachabilityListeners) listener(reachable);
  }

  /** Resolves when the server can be reached: how I/O on a hard mount waits out a cut path. */
  whenReachable(): Promise<void> {
    if (this.reachable) return Promise.resolve();
    return new Promise((resolve) => this.reachableWaiters.push(resolve));
  }

  /** A buffered write to the share: done now, or from the page cache once the server is reachable again. */
  writeWhenReachable(write: () => void): void {
    if (this.reachable) write();
    else this.pendingWrites.push(write);
  }

  /** Told after each change of reachability, once retransmissions and buffered writes have gone out. */
  onReachabilityChange(listener: (reachable: boolean) => void): void {
    this.reachabilityListeners.push(listener);
  }

  tryLock(lock: string, pid: number): boolean {
    return this.reachable && this.server.tryLock(lock, { host: this.host, pid });
  }

  unlock(lock: string, pid: number, reason: LockReleaseReason): void {
    if (this.reachable) this.server.unlock(lock, { host: this.host, pid }, reason);
    else this.pending.push({ kind: 'lock', lock, pid, reason });
  }

  processExited(pid: number): void {
    if (this.reachable) this.server.releaseProcessLocks({ host: this.host, pid }, 'process-ended');
    else this.pending.push({ kind: 'process', pid });
  }

  stop(): void {
    this.renewTimer.stop();
  }

  private renewIfReachable(): void {
    if (!this.reachable) return;
    this.server.renewLease(this.host);
    for (const release of this.pending.splice(0)) {
      const owner = { host: this.host, pid: release.pid };
      if (release.kind === 'process') this.server.releaseProcessLocks(owner, 'process-ended');
      else this.server.unlock(release.lock, owner, release.reason);
    }
    for (const write of this.pendingWrites.splice(0)) write();
    for (const resolve of this.reachableWaiters.splice(0)) resolve();
  }
}
