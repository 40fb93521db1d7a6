import type { InstanceMode, InstanceSample } from '../../checkers/instance-samples.ts';
import type { TimelineEvent } from '../../checkers/result-document.ts';
import type { ScenarioRecording } from '../../checkers/scenario-recording.ts';
import type { ScenarioSpec } from '../../suites/suite-model.ts';

/**
 * Tiny hand-written probe histories for tests. Times are seconds after T0 so a history reads
 * like a transcript; `instances` is written as dspmq -x prints it, "mq1:Active mq2:Standby".
 */
export const T0_MS = Date.parse('2026-11-21T10:00:00.000Z');

export function atMs(seconds: number): number {
  return T0_MS + Math.round(seconds * 1000);
}

export function atIso(seconds: number): string {
  return new Date(atMs(seconds)).toISOString();
}

export function seen(seconds: number, host: string, status: string, instances = ''): InstanceSample {
  const lines = instances
    .split(/\s+/)
    .filter(Boolean)
    .map((entry) => {
      const [instanceHost, mode] = entry.split(':');
      return { host: instanceHost!, mode: mode as InstanceMode };
    });
  return { t: atMs(seconds), host, queueManager: 'QM1', ok: true, status, instances: lines };
}

export function unreachable(seconds: number, host: string, error = 'connect ECONNREFUSED'): InstanceSample {
  return { t: atMs(seconds), host, queueManager: 'QM1', ok: false, error };
}

export function event(seconds: number, kind: TimelineEvent['kind'], summary: string): TimelineEvent {
  return { at: atIso(seconds), kind, summary };
}

export function recordingOf(samples: InstanceSample[], overrides: Partial<ScenarioRecording> = {}): ScenarioRecording {
  return {
    runId: 'run-20261121-1000',
    suite: 'multi-instance',
    scenario: 'kill-active',
    queueManager: 'QM1',
    harnessStatus: 'completed',
    fault: { kind: 'kill-active', injectedAt: atMs(4.2), target: { host: 'mq1', signal: 'KILL' } },
    activeHostBefore: 'mq1',
    probeIntervalMs: 1000,
    recovery: { ok: true, actions: ['strmqm -x QM1 on mq1'] },
    samples,
    events: [event(4.2, 'fault-injected', 'kill -9 amqzxma0 on mq1')],
    ...overrides,
  };
}

/** Both instances healthy: mq1 active, mq2 standby, polled every second, mq2 half a second later. */
export function steadyBefore(untilSeconds: number): InstanceSample[] {
  const samples: InstanceSample[] = [];
  for (let s = 0; s <= untilSeconds; s += 1) {
    samples.push(seen(s, 'mq1', 'Running', 'mq1:Active mq2:Standby'));
    samples.push(seen(s + 0.5, 'mq2', 'Running as standby', 'mq1:Active mq2:Standby'));
  }
  return samples;
}

/** kill -9 of mq1's instance at 4.2 s: mq1 ends at 5 s, mq2 is active at 6.5 s. */
export function saneKillFailover(): InstanceSample[] {
  return [
    ...steadyBefore(4),
    seen(5, 'mq1', 'Ended unexpectedly'),
    seen(5.5, 'mq2', 'Running as standby', 'mq2:Standby'),
    seen(6, 'mq1', 'Running elsewhere'),
    seen(6.5, 'mq2', 'Running', 'mq2:Active'),
    seen(7, 'mq1', 'Running elsewhere'),
    seen(7.5, 'mq2', 'Running', 'mq2:Active'),
  ];
}

export function scenarioSpecOf(schema: Record<string, unknown>, overrides: Partial<ScenarioSpec> = {}): ScenarioSpec {
  return {
    name: 'kill-active',
    queueManager: 'QM1',
    fault: { kind: 'kill-active', signal: 'KILL' },
    observe: { windowSeconds: 60, probeIntervalMs: 1000, baselineSeconds: 5, settleSeconds: 2 },
    expect: { schema, schemas: [], source: 'suites/lab/multi-instance.yaml:12' },
    ...overrides,
  };
}
