import type { Clock } from '../clock.ts';
import type { LabEstate } from '../lab-estate.ts';

/**
 * What two copies of `amqmfsck -c` / `-w` on two hosts share through the file system: the
 * test file's lock (`-w`) and the meeting of the two writers (`-c`). A host whose mount does
 * not honour locks (the file-locking break) sees a world of its own.
 */
export class FsckRendezvous {
  private readonly lockHolders = new Map<string, { host: string; released: Promise<void>; release: () => void }>();
  private readonly writers = new Map<string, { host: string; joined: () => void }>();

  constructor(private readonly clock: Clock) {}

  /** Resolves with whether the caller had to wait (another host held the lock). */
  async acquireLock(directory: string, host: string): Promise<{ waited: boolean; release: () => void }> {
    let waited = false;
    for (let holder = this.lockHolders.get(directory); holder; holder = this.lockHolders.get(directory)) {
      waited = true;
      await holder.released;
    }
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    this.lockHolders.set(directory, { host, released, release });
    return {
      waited,
      release: () => {
        this.lockHolders.delete(directory);
        release();
      },
    };
  }

  /** Waits up to `timeoutMs` for a second writer on another host; true when one came. */
  meetWriter(directory: string, host: string, timeoutMs: number): Promise<boolean> {
    const waiting = this.writers.get(directory);
    if (waiting && waiting.host !== host) {
      this.writers.delete(directory);
      waiting.joined();
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => {
        if (this.writers.get(directory)?.host === host) this.writers.delete(directory);
        resolve(false);
      }, timeoutMs);
      this.writers.set(directory, {
        host,
        joined: () => {
          this.clock.clearTimeout(timer);
          resolve(true);
        },
      });
    });
  }
}

const shared = new WeakMap<LabEstate, FsckRendezvous>();
const local = new WeakMap<LabEstate, Map<string, FsckRendezvous>>();

export function fsckRendezvous(estate: LabEstate, host: string, honoursLocks: boolean): FsckRendezvous {
  if (honoursLocks) {
    if (!shared.has(estate)) shared.set(estate, new FsckRendezvous(estate.clock));
    return shared.get(estate)!;
  }
  if (!local.has(estate)) local.set(estate, new Map());
  const byHost = local.get(estate)!;
  if (!byHost.has(host)) byHost.set(host, new FsckRendezvous(estate.clock));
  return byHost.get(host)!;
}
