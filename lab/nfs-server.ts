import type { Clock, TimerHandle } from './clock.ts';
import type { LockReleaseReason, TruthEventInput } from './truth-log.ts';

/** The holder of a lock: a process on a client host (MQ: the execution controller). */
export interface LockOwner {
  host: string;
  pid: number;
}

interface Lease {
  lastRenewalMs: number;
  expiry: TimerHandle;
}

type LeaseExpiredListener = (host: string, lostLocks: string[]) => void;

/**
 * An NFSv4 server as far as multi-instance queue managers care: lease-based byte-range
 * locks on each queue manager's master lock file (named here by the queue manager).
 * A client keeps its lease by renewing it (any stateful operation counts); when a lease
 * runs out the server releases every lock of that client, whether or not the client knows.
 */
export class NfsServer {
  private readonly locks = new Map<string, LockOwner>();
  private readonly leases = new Map<string, Lease>();
  private readonly leaseExpiredListeners: LeaseExpiredListener[] = [];

  constructor(
    private readonly clock: Clock,
    readonly leaseMs: number,
    private readonly emit: (event: TruthEventInput) => void,
  ) {}

  renewLease(host: string): void {
    const existing = this.leases.get(host);
    if (existing) this.clock.clearTimeout(existing.expiry);
    const expiry = this.clock.setTimeout(() => this.expireLease(host), this.leaseMs);
    this.leases.set(host, { lastRenewalMs: this.clock.now(), expiry });
  }

  lastRenewalMs(host: string): number | undefined {
    return this.leases.get(host)?.lastRenewalMs;
  }

  /** Non-blocking lock attempt (MQ 9.3.0.10+ uses non-blocking locks, APAR IT43349). Renews the lease. */
  tryLock(lock: string, owner: LockOwner): boolean {
    this.renewLease(owner.host);
    const holder = this.locks.get(lock);
    if (holder) return holder.host === owner.host && holder.pid === owner.pid;
    this.locks.set(lock, { ...owner });
    this.emit({ event: 'lock-acquired', qm: lock, host: owner.host });
    return true;
  }

  holderOf(lock: string): LockOwner | undefined {
    return this.locks.get(lock);
  }

  unlock(lock: string, owner: LockOwner, reason: LockReleaseReason): boolean {
    const holder = this.locks.get(lock);
    if (!holder || holder.host !== owner.host || holder.pid !== owner.pid) return false;
    this.renewLease(owner.host);
    this.locks.delete(lock);
    this.emit({ event: 'lock-released', qm: lock, host: owner.host, reason });
    return true;
  }

  /** What the client's kernel does when a process exits: close its files, dropping its locks. */
  releaseProcessLocks(owner: LockOwner, reason: LockReleaseReason): void {
    for (const [lock, holder] of [...this.locks]) {
      if (holder.host === owner.host && holder.pid === owner.pid) this.unlock(lock, owner, reason);
    }
  }

  onLeaseExpired(listener: LeaseExpiredListener): void {
    this.leaseExpiredListeners.push(listener);
  }

  private expireLease(host: string): void {
    this.leases.delete(host);
    this.emit({ event: 'lease-expired', host });
    const lost: string[] = [];
    for (const [lock, holder] of [...this.locks]) {
      if (holder.host !== host) continue;
      this.locks.delete(lock);
      lost.push(lock);
      this.emit({ event: 'lock-released', qm: lock, host, reason: 'lease-expired' });
    }
    for (const listener of this.leaseExpiredListeners) listener(host, lost);
  }
}
