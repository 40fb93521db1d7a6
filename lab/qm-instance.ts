import { startPeriodicTimer, type Clock, type PeriodicTimer, type TimerHandle } from './clock.ts';
import type { LabHost } from './lab-host.ts';
import type { NfsClient } from './nfs-client.ts';
import { listActiveOnlyProcesses, formatControllerCommand, listCoreProcesses, type MqProcessSpec } from './mq-processes.ts';
import type { TopologyQueueManager } from './topology.ts';
import type { InstanceState, TruthEventInput } from './truth-log.ts';

/** endmqm -c, -w, -i, -p. */
export type EndMode = 'controlled' | 'wait' | 'immediate' | 'preemptive';
/** How a queue manager last ended, as dspmq reports it (`Ended normally`, ...). */
export type EndKind = 'normally' | 'immediately' | 'preemptively' | 'unexpectedly';

export interface QmInstanceDeps {
  clock: Clock;
  emit: (event: TruthEventInput) => void;
  config: TopologyQueueManager;
  host: LabHost;
  /** `kind` is set when the instance had owned the queue manager (replaying, active, ending); a standby ending leaves it undefined. */
  onEnded: (instance: QmInstance, kind: EndKind | undefined) => void;
}

const END_MODE_STRENGTH: Record<EndMode, number> = { controlled: 0, wait: 0, immediate: 1, preemptive: 2 };
const END_KIND_OF_MODE: Record<EndMode, EndKind> = {
  controlled: 'normally',
  wait: 'normally',
  immediate: 'immediately',
  preemptive: 'preemptively',
};

/**
 * One instance of a queue manager on one host, from strmqm to its end. Its execution
 * controller holds the master lock on shared storage while it owns the queue manager;
 * as a standby it polls that lock at a fixed phase from when it started.
 */
export class QmInstance {
  state: InstanceState | null = null;
  endMode: EndMode | undefined;
  /** endmqm -s: the end permits a standby to take over. */
  switchover = false;
  /** endmqm -r: reconnectable clients are told to reconnect (seam for the client model). */
  reconnectClients = false;
  private readonly processes = new Map<number, MqProcessSpec>();
  private controllerPid = 0;
  private owning = false;
  private pollTimer: PeriodicTimer | undefined;
  private phaseTimer: TimerHandle | undefined;
  private readonly waiters: { states: InstanceState[]; resolve: (state: InstanceState) => void }[] = [];
  private readonly nfs: NfsClient;

  constructor(
    private readonly deps: QmInstanceDeps,
    /** strmqm -x: standby instances may run elsewhere. */
    readonly permitsStandby: boolean,
  ) {
    if (!deps.host.nfs) throw new Error(`${deps.host.name} has no NFS client; it cannot run a queue manager`);
    this.nfs = deps.host.nfs;
  }

  get host(): string {
    return this.deps.host.name;
  }

  /** Whether this instance took the master lock (replaying, active, or shutting down after that). */
  get ownsQueueManager(): boolean {
    return this.owning && this.state !== 'ended';
  }

  get qm(): string {
    return this.deps.config.name;
  }

  /** Starts the execution controller, which takes the master lock if it is free and otherwise stands by. */
  launch(): void {
    const { qm } = this;
    const controller = { command: formatControllerCommand(qm, this.permitsStandby), childOfController: false, restartable: false };
    this.controllerPid = this.spawn(controller, 1);
    for (const spec of listCoreProcesses(qm)) this.spawn(spec);
    this.setState('starting');
    if (this.nfs.tryLock(qm, this.controllerPid)) this.beginReplay();
    else this.becomeStandby();
  }

  /** endmqm on this instance. A second endmqm during shutdown can only make it more immediate. */
  end(mode: EndMode, options: { switchover?: boolean; reconnectClients?: boolean } = {}): void {
    if (this.state === 'ended' || this.state === null) return;
    if (this.state === 'ending') {
      if (this.endMode && END_MODE_STRENGTH[mode] > END_MODE_STRENGTH[this.endMode]) this.endMode = mode;
      return;
    }
    this.endMode = mode;
    this.switchover = options.switchover ?? false;
    this.reconnectClients = options.reconnectClients ?? false;
    this.stopTimers();
    this.setState('ending');
    if (!this.owning) return this.finishEnd();
    this.phaseTimer = this.deps.clock.setTimeout(() => this.finishEnd(), this.deps.config.shutdownMs);
  }

  /** The NFS server released this host's locks after its lease ran out: MQ ends the instance (AMQ7279). */
  loseLock(): void {
    if (!this.owning || this.state === 'ended') return;
    this.endAbruptly();
  }

  waitForState(states: InstanceState[]): Promise<InstanceState> {
    if (this.state !== null && states.includes(this.state)) return Promise.resolve(this.state);
    return new Promise((resolve) => this.waiters.push({ states, resolve }));
  }

  private becomeStandby(): void {
    this.setState('standby');
    this.pollTimer = startPeriodicTimer(this.deps.clock, this.deps.config.standbyPollMs, () => {
      if (this.nfs.tryLock(this.qm, this.controllerPid)) this.beginReplay();
    });
  }

  private beginReplay(): void {
    this.stopTimers();
    this.owning = true;
    this.setState('replaying');
    this.phaseTimer = this.deps.clock.setTimeout(() => this.becomeActive(), this.deps.config.logReplayMs);
  }

  private becomeActive(): void {
    this.phaseTimer = undefined;
    for (const spec of listActiveOnlyProcesses(this.qm)) this.spawn(spec);
    this.setState('active');
  }

  private finishEnd(): void {
    this.phaseTimer = undefined;
    if (this.owning) this.nfs.unlock(this.qm, this.controllerPid, 'endmqm');
    this.exitAllProcesses();
    this.setState('ended');
    this.deps.onEnded(this, this.owning && this.endMode ? END_KIND_OF_MODE[this.endMode] : undefined);
  }

  /** The execution controller died, or ended the queue manager because an essential process died (AMQ5008). */
  private endAbruptly(firstToGo?: number): void {
    this.stopTimers();
    if (firstToGo !== undefined) this.deps.host.processes.exit(firstToGo);
    this.exitAllProcesses();
    this.setState('ended');
    this.deps.onEnded(this, this.owning ? 'unexpectedly' : undefined);
  }

  private onProcessSignal(pid: number, spec: MqProcessSpec): void {
    if (this.state === 'ended') return;
    if (spec.restartable && this.state === 'active') {
      this.deps.host.processes.exit(pid);
      this.processes.delete(pid);
      this.spawn(spec);
      return;
    }
    this.endAbruptly(pid);
  }

  private spawn(spec: MqProcessSpec, ppid: number = spec.childOfController ? this.controllerPid : this.parentOfRestartable()): number {
    let pid = 0;
    const process = this.deps.host.processes.spawn({
      user: 'mqm',
      ppid,
      command: spec.command,
      onSignal: () => this.onProcessSignal(pid, spec),
    });
    pid = process.pid;
    this.processes.set(pid, spec);
    return pid;
  }

  /** Restartable processes are children of the restartable process manager, amqzmur0. */
  private parentOfRestartable(): number {
    for (const [pid, spec] of this.processes) if (spec.command.includes('/amqzmur0 ')) return pid;
    return this.controllerPid;
  }

  private exitAllProcesses(): void {
    // The controller goes first: its exit is what frees the master lock.
    const pids = [...this.processes.keys()].sort((a, b) => (a === this.controllerPid ? -1 : b === this.controllerPid ? 1 : a - b));
    for (const pid of pids) this.deps.host.processes.exit(pid);
    this.processes.clear();
  }

  private stopTimers(): void {
    this.pollTimer?.stop();
    this.pollTimer = undefined;
    if (this.phaseTimer) this.deps.clock.clearTimeout(this.phaseTimer);
    this.phaseTimer = undefined;
  }

  private setState(to: InstanceState): void {
    const from = this.state;
    this.state = to;
    this.deps.emit({ event: 'instance-state', qm: this.qm, host: this.host, from, to });
    for (const waiter of this.waiters.splice(0)) {
      if (waiter.states.includes(to)) waiter.resolve(to);
      else this.waiters.push(waiter);
    }
  }
}
