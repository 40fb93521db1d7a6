import type { Clock } from './clock.ts';
import { FteAgent } from './fte-agent.ts';
import { LabHost } from './lab-host.ts';
import { NfsServer } from './nfs-server.ts';
import { QueueManager } from './queue-manager.ts';
import type { Topology } from './topology.ts';
import type { TruthEvent, TruthEventInput } from './truth-log.ts';

type TruthListener = (event: TruthEvent) => void;

/**
 * The whole simulated estate: hosts, the NFS server, queue managers. Every change of
 * state is announced as a truth event, stamped with the clock, to the listeners in the
 * order it happened (the daemon's listener writes them to truth.jsonl).
 */
export class LabEstate {
  readonly hosts = new Map<string, LabHost>();
  readonly queueManagers = new Map<string, QueueManager>();
  readonly nfsServer: NfsServer;
  readonly agents = new Map<string, FteAgent>();
  private readonly listeners: TruthListener[] = [];

  constructor(
    readonly topology: Topology,
    readonly clock: Clock,
  ) {
    const emit = (event: TruthEventInput): void => void this.emit(event);
    this.nfsServer = new NfsServer(clock, topology.nfs.leaseMs, emit);
    const nfsServerAddress = topology.hosts.find((h) => h.name === topology.nfs.server)?.address ?? '';
    topology.hosts.forEach((spec, index) => {
      const host = new LabHost({
        name: spec.name,
        role: spec.role,
        index,
        sshUser: topology.sshUser,
        clock,
        emit,
        nfsServer: spec.role === 'mq' ? this.nfsServer : undefined,
        address: spec.address,
        nfsServerAddress,
      });
      this.hosts.set(spec.name, host);
    });
    for (const config of topology.queueManagers) {
      const deps = { clock, emit, hosts: this.hosts, nfsServer: this.nfsServer, splitBrain: topology.nfs.splitBrain };
      this.queueManagers.set(config.name, new QueueManager(config, deps));
    }
    for (const config of topology.agents) {
      const queueManager = this.queueManagers.get(config.queueManager)!;
      this.agents.set(config.name, new FteAgent({ config, clock, emit, host: this.host(config.host), queueManager }));
    }
  }

  emit(input: TruthEventInput): TruthEvent {
    const event = { t: this.clock.now(), ...input } as TruthEvent;
    for (const listener of this.listeners) listener(event);
    return event;
  }

  /** Returns the function that stops listening. */
  onEvent(listener: TruthListener): () => void {
    this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  host(name: string): LabHost {
    const host = this.hosts.get(name);
    if (!host) throw new Error(`unknown lab host ${name}`);
    return host;
  }

  /** Queue managers with a stanza on this host, in topology order (what dspmq lists). */
  queueManagersOn(hostName: string): QueueManager[] {
    return [...this.queueManagers.values()].filter((qm) => qm.isConfiguredOn(hostName));
  }

  /**
   * `strmqm -x` on the first two instance hosts of each queue manager, in topology order:
   * the first is waited for until it is active, so the second becomes its standby.
   * Queue managers start side by side (a cluster of hundreds does not queue up its log replays).
   */
  async startConfiguredInstances(): Promise<void> {
    await Promise.all([...this.queueManagers.values()].map((qm) => this.startInstancesOf(qm)));
    for (const agent of this.agents.values()) agent.start();
  }

  private async startInstancesOf(qm: QueueManager): Promise<void> {
    for (const hostName of qm.config.instances.slice(0, 2)) {
      // The standby-not-running prerequisite break (lab/conformance) leaves this host's instance unstarted.
      if (this.topology.hosts.find((h) => h.name === hostName)?.breaks.includes('standby-not-running')) continue;
      const outcome = qm.start(hostName, { permitStandby: true });
      if (outcome.kind === 'started') {
        const state = await outcome.instance.waitForState(['active', 'ended']);
        if (state !== 'active') throw new Error(`${qm.name} on ${hostName} ended while starting`);
      } else if (outcome.kind !== 'standby') {
        throw new Error(`strmqm -x ${qm.name} on ${hostName}: ${outcome.kind}`);
      }
    }
  }

  /** Stops the background timers (lease renewals) so a test's clock can drain. */
  stop(): void {
    for (const host of this.hosts.values()) host.stop();
    for (const agent of this.agents.values()) agent.stop();
  }
}
