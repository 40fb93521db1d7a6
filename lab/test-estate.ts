import type { CommandResult } from './commands/command-types.ts';
import { runCommand } from './commands/run-command.ts';
import { LabEstate } from './lab-estate.ts';
import { parseTopology, type Topology } from './topology.ts';
import type { TruthEvent } from './truth-log.ts';
import { VirtualClock } from './virtual-clock.ts';

export interface TestEstateTimings {
  leaseSeconds?: number;
  standbyPollMs?: number;
  logReplayMs?: number;
  shutdownMs?: number;
  /** Hosts of QM1's instances; default mq1, mq2. */
  instances?: string[];
  /** The topology's split-brain option (nfs.splitBrain). */
  splitBrain?: boolean;
  /** Retry interval of AGENT1, a client of QM1 on host app1; no agent unless given. */
  agentRetryIntervalMs?: number;
  /** Prerequisite breaks per host (lab/conformance/prerequisite-breaks.ts). */
  breaks?: Record<string, string[]>;
}

export interface TestEstate {
  estate: LabEstate;
  clock: VirtualClock;
  /** Every truth event so far, in order. */
  events: TruthEvent[];
  topology: Topology;
}

/**
 * A lab estate on a virtual clock for unit tests: hosts mq1..mq3 and nfs1, queue manager
 * QM1 on the given instance hosts. Nothing is started.
 */
export function createTestEstate(timings: TestEstateTimings = {}): TestEstate {
  const topology = parseTopology(
    {
      name: 'test',
      sshUser: 'mqm',
      hosts: {
        ...Object.fromEntries(['mq1', 'mq2', 'mq3'].map((name) => [name, timings.breaks?.[name] ? { breaks: timings.breaks[name] } : {}])),
        nfs1: { role: 'nfs-server', address: '10.0.0.5' },
        app1: { role: 'app' },
      },
      nfs: { server: 'nfs1', leaseSeconds: timings.leaseSeconds ?? 4, splitBrain: timings.splitBrain ?? false },
      queueManagers: {
        QM1: {
          instances: timings.instances ?? ['mq1', 'mq2'],
          standbyPollMs: timings.standbyPollMs ?? 500,
          logReplayMs: timings.logReplayMs ?? 1200,
          shutdownMs: timings.shutdownMs ?? 300,
          version: '9.3.1.0',
        },
      },
      ...(timings.agentRetryIntervalMs === undefined
        ? {}
        : { agents: { AGENT1: { host: 'app1', queueManager: 'QM1', retryIntervalMs: timings.agentRetryIntervalMs } } }),
    },
    'test-topology.yaml',
  );
  const clock = new VirtualClock();
  const estate = new LabEstate(topology, clock);
  const events: TruthEvent[] = [];
  estate.onEvent((event) => events.push(event));
  return { estate, clock, events, topology };
}

/** Starts QM1 as the lab daemon does (active on the first host, standby on the second), driving the virtual clock. */
export async function startActiveAndStandby({ estate, clock, topology }: TestEstate): Promise<void> {
  const started = estate.startConfiguredInstances();
  clock.advanceBy(topology.queueManagers[0]?.logReplayMs ?? 0);
  await started;
}

/**
 * Runs a command line on a host as the SSH user would, moving the virtual clock on by
 * `advanceMs` while it runs (strmqm waits for log replay, endmqm -i for the shutdown), with
 * `stdin` as its standard input.
 */
export async function runOn(lab: TestEstate, host: string, commandLine: string, advanceMs = 0, stdin = ''): Promise<CommandResult> {
  const { estate, clock } = lab;
  const running = runCommand(estate, { host, user: 'mqm', commandLine, parentPid: estate.host(host).sshdPid, readStdin: () => Promise.resolve(stdin) });
  clock.advanceBy(advanceMs);
  return running;
}
