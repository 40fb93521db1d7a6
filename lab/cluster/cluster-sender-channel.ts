import type { Clock, TimerHandle } from '../clock.ts';
import type { ClusterChannelTimings } from './cluster-topology.ts';
import type { ChannelStatus } from './workload-algorithm.ts';

/** Why messages waiting for a channel are given to the workload algorithm again. */
export type ReallocationCause = 'channel-retrying' | 'retry-failed' | 'channel-stopped';

export interface ChannelLink {
  /** The sending queue manager is running (its channel initiator can run channels). */
  senderActive(): boolean;
  /** The partner's CLUSRCVR can be reached: its queue manager is running and the network lets the sender through. */
  partnerReachable(): boolean;
  /** Whether any message for this channel is available on the transmission queue. */
  hasWaiting(): boolean;
  /** Moves up to `max` waiting messages to the partner; how many it moved. */
  transfer(max: number): number;
  /** Re-drives the workload algorithm for this channel's eligible messages. */
  reallocate(cause: ReallocationCause): void;
  /** A status change, for the truth log. */
  changed(from: ChannelStatus | null, to: ChannelStatus | null, cause: string): void;
}

/**
 * A cluster-sender channel (CLUSSDR) from one member to another, named as the partner's
 * CLUSRCVR. Its status machine (mq-reference.md §2.3, §3.1):
 *   no status (INACTIVE, never started or ended normally)
 *   → STARTING (triggered by a message on the transmission queue, or START CHANNEL)
 *   → BINDING (connect and negotiate) → RUNNING, or RETRYING when the partner cannot be reached;
 *   RUNNING moves messages in batches of BATCHSZ, checks its partner every HBINT while idle,
 *   and ends normally after DISCINT without messages (back to no status);
 *   RETRYING tries again SHORTRTY times every SHORTTMR, then LONGRTY times every LONGTMR,
 *   then is STOPPED; STOP CHANNEL → STOPPING → STOPPED, which only START CHANNEL leaves.
 * Entering RETRYING, each failed retry and entering STOPPED re-allocate the channel's
 * eligible messages (IBM's re-allocation rule, §3.3).
 */
export class ClusterSenderChannel {
  status: ChannelStatus | null = null;
  /** MSGS: messages sent since the channel last started. */
  messagesSent = 0;
  shortRetriesLeft = 0;
  longRetriesLeft = 0;
  /** When the channel last became RUNNING (epoch ms), for CHSTATUS. */
  runningSinceMs = 0;
  private phaseTimer: TimerHandle | undefined;
  private disconnectTimer: TimerHandle | undefined;
  private heartbeatTimer: TimerHandle | undefined;
  private pumpTimer: TimerHandle | undefined;

  constructor(
    readonly name: string,
    readonly fromQm: string,
    readonly toQm: string,
    private readonly timings: ClusterChannelTimings,
    private readonly clock: Clock,
    private readonly link: ChannelLink,
  ) {}

  /** SUBSTATE as DISPLAY CHSTATUS shows it. */
  get substate(): string {
    if (this.status === 'RUNNING') return this.pumpTimer ? 'SEND' : 'MQGET';
    if (this.status === 'BINDING') return 'NETCONNECTING';
    return ' ';
  }

  /** A message for this channel became available on the transmission queue (the MCA's MQGET wait, or triggering). */
  messageWaiting(): void {
    if (!this.link.senderActive()) return;
    if (this.status === null) this.begin('triggered');
    else if (this.status === 'RUNNING') this.schedulePump();
  }

  /** START CHANNEL: false when the channel is already starting or running. */
  startCommand(): boolean {
    if (this.status === null || this.status === 'STOPPED') {
      this.begin('start-channel');
      return true;
    }
    if (this.status === 'RETRYING') {
      this.clearPhase();
      this.attemptRetry();
      return true;
    }
    return false;
  }

  /** STOP CHANNEL: false when the channel has no status (not currently active). */
  stopCommand(): boolean {
    if (this.status === null) return false;
    if (this.status === 'STOPPING' || this.status === 'STOPPED') return true;
    this.clearAllTimers();
    this.setStatus('STOPPING', 'stop-channel');
    this.phaseTimer = this.clock.setTimeout(() => {
      this.phaseTimer = undefined;
      this.setStatus('STOPPED', 'stop-channel');
      this.link.reallocate('channel-stopped');
    }, this.timings.stopMs);
    return true;
  }

  /** The partner's queue manager is ending or gone; `announced` when its receiving end closed the connection (endmqm). */
  partnerLost(announced: boolean): void {
    if (!announced) return; // noticed at the next heartbeat or batch
    if (this.status === 'RUNNING' || this.status === 'BINDING') this.fail('partner-ended');
  }

  /** The sending queue manager ended: channel status goes with it. */
  senderEnded(): void {
    this.clearAllTimers();
    if (this.status !== null) this.setStatus(null, 'sender-ended');
  }

  /** The sending queue manager is running again: a channel with messages waiting is triggered. */
  senderStarted(): void {
    if (this.link.hasWaiting()) this.messageWaiting();
  }

  private begin(cause: string): void {
    this.clearAllTimers();
    this.messagesSent = 0;
    this.setStatus('STARTING', cause);
    this.phaseTimer = this.clock.setTimeout(() => this.bind(), this.timings.startMs);
  }

  private bind(): void {
    this.phaseTimer = undefined;
    this.setStatus('BINDING', 'connect');
    this.phaseTimer = this.clock.setTimeout(() => {
      this.phaseTimer = undefined;
      if (this.link.partnerReachable()) this.run();
      else if (this.status === 'BINDING') this.fail('connect-failed');
    }, this.timings.bindMs);
  }

  private run(): void {
    this.shortRetriesLeft = 0;
    this.longRetriesLeft = 0;
    this.runningSinceMs = this.clock.now();
    this.setStatus('RUNNING', 'bound');
    this.armDisconnect();
    this.armHeartbeat();
    this.schedulePump();
  }

  /** The channel lost its partner: RETRYING with a fresh retry count, eligible messages re-allocated. */
  private fail(cause: string): void {
    this.clearAllTimers();
    this.shortRetriesLeft = this.timings.shortRetry;
    this.longRetriesLeft = this.timings.longRetry;
    this.setStatus('RETRYING', cause);
    this.link.reallocate('channel-retrying');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.shortRetriesLeft > 0) {
      this.phaseTimer = this.clock.setTimeout(() => {
        this.shortRetriesLeft -= 1;
        this.attemptRetry();
      }, this.timings.shortTimerMs);
    } else if (this.longRetriesLeft > 0) {
      this.phaseTimer = this.clock.setTimeout(() => {
        this.longRetriesLeft -= 1;
        this.attemptRetry();
      }, this.timings.longTimerMs);
    } else {
      this.setStatus('STOPPED', 'retries-exhausted');
      this.link.reallocate('channel-stopped');
    }
  }

  private attemptRetry(): void {
    this.phaseTimer = undefined;
    if (this.link.partnerReachable()) {
      this.bind();
      return;
    }
    this.link.reallocate('retry-failed');
    this.scheduleRetry();
  }

  private schedulePump(): void {
    if (this.pumpTimer || this.status !== 'RUNNING') return;
    this.pumpTimer = this.clock.setTimeout(() => this.pump(), 0);
  }

  private pump(): void {
    this.pumpTimer = undefined;
    if (this.status !== 'RUNNING' || !this.link.hasWaiting()) return;
    if (!this.link.partnerReachable()) return this.fail('send-failed');
    const moved = this.link.transfer(this.timings.batchSize);
    this.messagesSent += moved;
    this.armDisconnect();
    if (this.link.hasWaiting()) this.schedulePump();
  }

  private armDisconnect(): void {
    if (this.disconnectTimer) this.clock.clearTimeout(this.disconnectTimer);
    this.disconnectTimer = undefined;
    if (this.timings.discIntMs === 0) return; // DISCINT(0): never disconnect
    this.disconnectTimer = this.clock.setTimeout(() => {
      this.disconnectTimer = undefined;
      if (this.status !== 'RUNNING') return;
      if (this.link.hasWaiting()) return this.armDisconnect();
      this.clearAllTimers();
      this.setStatus(null, 'disconnect-interval');
    }, this.timings.discIntMs);
  }

  private armHeartbeat(): void {
    this.heartbeatTimer = this.clock.setTimeout(() => {
      this.heartbeatTimer = undefined;
      if (this.status !== 'RUNNING') return;
      if (!this.link.partnerReachable()) return this.fail('heartbeat-failed');
      this.armHeartbeat();
    }, this.timings.heartbeatMs);
  }

  private setStatus(to: ChannelStatus | null, cause: string): void {
    const from = this.status;
    if (from === to) return;
    this.status = to;
    this.link.changed(from, to, cause);
  }

  private clearPhase(): void {
    if (this.phaseTimer) this.clock.clearTimeout(this.phaseTimer);
    this.phaseTimer = undefined;
  }

  private clearAllTimers(): void {
    this.clearPhase();
    for (const timer of [this.disconnectTimer, this.heartbeatTimer, this.pumpTimer]) if (timer) this.clock.clearTimeout(timer);
    this.disconnectTimer = this.heartbeatTimer = this.pumpTimer = undefined;
  }
}
