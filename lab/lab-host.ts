import { TransientTimers } from './transient-timers.ts';
import type { Clock } from './clock.ts';
import { HostNetwork } from './host-network.ts';
import { NfsClient } from './nfs-client.ts';
import type { NfsServer } from './nfs-server.ts';
import { ProcessTable } from './process-table.ts';
import type { HostRole } from './topology.ts';
import type { SignalName, TruthEventInput } from './truth-log.ts';

export type SignalOutcome = 'delivered' | 'no-such-process' | 'not-permitted';

export interface LabHostOptions {
  name: string;
  role: HostRole;
  /** Position in the topology; spreads pid ranges so hosts do not share pids. */
  index: number;
  sshUser: string;
  clock: Clock;
  emit: (event: TruthEventInput) => void;
  /** The NFS server this host mounts queue-manager data from (mq hosts). */
  nfsServer?: NfsServer;
  /** The host's address on the estate network. */
  address: string;
  /** The NFS server's address: the path a network fault cuts. */
  nfsServerAddress: string;
}

/** NFSv4 runs over TCP port 2049 only. */
export const NFS_PORT = 2049;

/** One machine of the estate: its processes and, on MQ hosts, its NFS client. */
export class LabHost {
  readonly name: string;
  readonly role: HostRole;
  readonly processes: ProcessTable;
  readonly nfs: NfsClient | undefined;
  readonly network: HostNetwork;
  /** `systemd-run --on-active` units waiting for their deadline. */
  readonly timers: TransientTimers;
  /** The sshd listener, parent of every SSH session process. */
  readonly sshdPid: number;
  private readonly emit: (event: TruthEventInput) => void;

  constructor(options: LabHostOptions) {
    this.name = options.name;
    this.role = options.role;
    this.emit = options.emit;
    this.network = new HostNetwork(options.name, options.address, options.emit, options.index);
    this.timers = new TransientTimers(options.name, options.clock, options.emit);
    this.processes = new ProcessTable(() => options.clock.now(), 400 + 137 * options.index);
    this.processes.spawnWithPid(1, { user: 'root', ppid: 0, command: '/sbin/init' });
    this.processes.spawnWithPid(2, { user: 'root', ppid: 0, command: '[kthreadd]' });
    this.processes.spawn({ user: 'root', ppid: 1, command: '/usr/sbin/cron -f' });
    this.sshdPid = this.processes.spawn({
      user: 'root',
      ppid: 1,
      command: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups',
    }).pid;
    if (options.role === 'nfs-server') {
      this.processes.spawn({ user: 'root', ppid: 1, command: '/usr/sbin/rpc.mountd' });
      for (let i = 0; i < 2; i++) this.processes.spawn({ user: 'root', ppid: 2, command: '[nfsd]' });
    }
    const login = this.processes.spawn({ user: options.sshUser, ppid: this.sshdPid, command: `sshd: ${options.sshUser}@pts/0` });
    this.processes.spawn({ user: options.sshUser, ppid: login.pid, command: '-bash', tty: 'pts/0' });

    if (options.nfsServer) {
      const nfs = new NfsClient(options.name, options.nfsServer, options.clock, options.emit);
      this.processes.onExit((process) => nfs.processExited(process.pid));
      this.network.onPathChange(() => nfs.setReachable(this.network.canReach(options.nfsServerAddress, 'tcp', NFS_PORT)));
      this.nfs = nfs;
    } else {
      this.nfs = undefined;
    }
  }

  /**
   * What `kill` does: permission check as for an unprivileged user, then the signal.
   * Signal 0 only checks. init (pid 1) ignores signals it has no handler for.
   */
  signal(pid: number, signal: SignalName | 0, asUser: string): SignalOutcome {
    const process = this.processes.get(pid);
    if (!process) return 'no-such-process';
    if (asUser !== 'root' && process.user !== asUser) return 'not-permitted';
    if (signal === 0 || pid === 1) return 'delivered';
    this.emit({ event: 'process-killed', host: this.name, pid, signal, command: process.command });
    if (process.onSignal) process.onSignal(signal);
    else this.processes.exit(pid);
    return 'delivered';
  }

  stop(): void {
    this.timers.clear();
    this.nfs?.stop();
  }
}
