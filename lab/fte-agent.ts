import type { Clock, TimerHandle } from './clock.ts';
import type { LabHost } from './lab-host.ts';
import type { QmInstance } from './qm-instance.ts';
import type { QueueManager } from './queue-manager.ts';
import type { TopologyAgent } from './topology.ts';
import type { TruthEventInput } from './truth-log.ts';

/** MQI reason codes an agent logs when it loses or cannot regain its queue manager. */
export const MQRC = {
  CONNECTION_BROKEN: 2009,
  Q_MGR_NOT_AVAILABLE: 2059,
  Q_MGR_STOPPING: 2162,
} as const;

export interface FteAgentDeps {
  config: TopologyAgent;
  clock: Clock;
  emit: (event: TruthEventInput) => void;
  host: LabHost;
  queueManager: QueueManager;
}

const AGENT_JAVA = '/opt/mqm/java/jre64/jre/bin/java';

/**
 * An MQ Managed File Transfer (FTE) style agent connected as a client to its agent queue
 * manager. When the instance it is connected to ends it logs the reason (2162 when the
 * queue manager was ended by endmqm, 2009 when the connection broke), then retries every
 * `agentQMgrRetryInterval`, logging 2059 while no instance is active, until it reaches
 * the active instance again. Only a connected agent answers a ping. Its event log is
 * `/var/mqm/mqft/logs/<QM>/agents/<AGENT>/logs/output0.log` on its own host.
 */
export class FteAgent {
  connectedTo: string | null = null;
  private readonly logLines: string[] = [];
  private retry: TimerHandle | undefined;
  private readonly connectWaiters: (() => void)[] = [];

  constructor(private readonly deps: FteAgentDeps) {
    deps.queueManager.onInstanceEnded((instance, kind) => this.instanceEnded(instance, kind));
  }

  get name(): string {
    return this.deps.config.name;
  }

  get hostName(): string {
    return this.deps.host.name;
  }

  get queueManagerName(): string {
    return this.deps.config.queueManager;
  }

  get logFile(): string {
    return `/var/mqm/mqft/logs/${this.queueManagerName}/agents/${this.name}/logs/output0.log`;
  }

  /** fteStartAgent: the agent process appears and makes its first connection attempt. */
  start(): void {
    this.deps.host.processes.spawn({
      user: 'mqm',
      ppid: 1,
      command: `${AGENT_JAVA} -Xmx1024M com.ibm.wmqfte.agent.bootstrap.impl.BootstrapMain ${this.name}`,
    });
    this.log('I', 'BFGAG0058I', `The agent has started; it connects to queue manager '${this.queueManagerName}' using the CLIENT transport.`);
    this.attemptConnection();
  }

  readLog(): string {
    return this.logLines.map((line) => `${line}\n`).join('');
  }

  /** Resolves with the time the agent is (or becomes) connected, or null once `timeoutMs` has passed (negative: never). */
  whenConnected(timeoutMs: number): Promise<number | null> {
    if (this.connectedTo !== null) return Promise.resolve(this.deps.clock.now());
    return new Promise((resolve) => {
      let timer: TimerHandle | undefined;
      const waiter = (): void => {
        if (timer) this.deps.clock.clearTimeout(timer);
        resolve(this.deps.clock.now());
      };
      this.connectWaiters.push(waiter);
      if (timeoutMs >= 0) {
        timer = this.deps.clock.setTimeout(() => {
          const index = this.connectWaiters.indexOf(waiter);
          if (index >= 0) this.connectWaiters.splice(index, 1);
          resolve(null);
        }, timeoutMs);
      }
    });
  }

  stop(): void {
    if (this.retry) this.deps.clock.clearTimeout(this.retry);
    this.retry = undefined;
  }

  private instanceEnded(instance: QmInstance, kind: string | undefined): void {
    if (this.connectedTo !== instance.host) return;
    const reasonCode = kind === 'unexpectedly' || kind === undefined ? MQRC.CONNECTION_BROKEN : MQRC.Q_MGR_STOPPING;
    this.connectedTo = null;
    this.deps.emit({ event: 'agent-disconnected', agent: this.name, host: this.hostName, qm: this.queueManagerName, reasonCode });
    // [U] BFGAG0183I is the agent's documented "received MQI reason code ... recovery" message; the W wording is the lab's.
    this.log('W', 'BFGAG0183I', `The agent received MQI reason code ${reasonCode}. Agent recovery will be initiated.`);
    this.scheduleRetry();
  }

  private attemptConnection(): void {
    this.retry = undefined;
    const active = this.deps.queueManager.activeInstance();
    if (!active) {
      // [U] The lab's wording of the agent's retry warning, modelled on BFGPC0029W.
      this.log('W', 'BFGAG0191W', `The agent was unable to connect to its queue manager '${this.queueManagerName}'. The MQ reason code returned is : ${MQRC.Q_MGR_NOT_AVAILABLE}. The agent will try to connect again after ${this.deps.config.retryIntervalMs / 1000} seconds.`);
      this.scheduleRetry();
      return;
    }
    this.connectedTo = active.host;
    this.deps.emit({ event: 'agent-reconnected', agent: this.name, host: this.hostName, qm: this.queueManagerName, instanceHost: active.host });
    this.log('I', 'BFGAG0192I', `The agent is connected to queue manager '${this.queueManagerName}' (instance on ${active.host}).`);
    for (const waiter of this.connectWaiters.splice(0)) waiter();
  }

  private scheduleRetry(): void {
    if (this.retry) return;
    this.retry = this.deps.clock.setTimeout(() => this.attemptConnection(), this.deps.config.retryIntervalMs);
  }

  /** `[21/11/2026 19:06:06:123 UTC] 00000023 AgentRuntime  W   BFGAG0183I: ...` (the MFT event log layout). */
  private log(severity: 'I' | 'W' | 'E', messageId: string, text: string): void {
    const d = new Date(this.deps.clock.now());
    const two = (n: number): string => String(n).padStart(2, '0');
    const stamp = `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}:${String(d.getUTCMilliseconds()).padStart(3, '0')} UTC`;
    this.logLines.push(`[${stamp}] 00000023 AgentRuntime  ${severity}   ${messageId}: ${text}`);
  }
}
