import { readFileSync } from 'node:fs';
import type { ClusterTruthEvent } from './cluster/cluster-truth-events.ts';
import type { MqTruthEvent } from './mq/mq-truth-events.ts';

/**
 * The lab's ground truth: what really happened and when, one JSON object per line in
 * `<stateDir>/truth.jsonl`. Tests read it; the harness never does during a run.
 * `t` is epoch milliseconds on the lab's clock.
 */
export type InstanceState = 'starting' | 'standby' | 'replaying' | 'active' | 'ending' | 'ended';
export type LockReleaseReason = 'process-ended' | 'endmqm' | 'lease-expired';
export type SignalName = 'KILL' | 'TERM' | 'HUP' | 'INT';

export type TruthEvent =
  | { t: number; event: 'lab-started'; topology: string; hosts: string[]; queueManagers: string[] }
  | { t: number; event: 'lab-stopped' }
  | { t: number; event: 'lock-acquired'; qm: string; host: string }
  | { t: number; event: 'lock-released'; qm: string; host: string; reason: LockReleaseReason }
  | { t: number; event: 'instance-state'; qm: string; host: string; from: InstanceState | null; to: InstanceState }
  | { t: number; event: 'process-killed'; host: string; pid: number; signal: SignalName; command: string }
  /** `by`: a transient timer unit of the host that ran it (absent: an SSH exec). */
  | { t: number; event: 'command'; host: string; command: string; exitCode: number; by?: string }
  | { t: number; event: 'timer-started'; host: string; unit: string; command: string; dueAt: number }
  | { t: number; event: 'timer-fired'; host: string; unit: string; command: string }
  | { t: number; event: 'timer-stopped'; host: string; unit: string }
  | { t: number; event: 'nfs-reachability'; host: string; reachable: boolean }
  | { t: number; event: 'rule-added'; host: string; rule: string }
  | { t: number; event: 'rule-removed'; host: string; rule: string }
  | { t: number; event: 'link-state'; host: string; interface: string; up: boolean }
  | { t: number; event: 'lease-expired'; host: string }
  | { t: number; event: 'lock-lost'; qm: string; host: string; noticed: boolean }
  | { t: number; event: 'error-logged'; qm: string; host: string; messageId: string }
  | { t: number; event: 'split-brain'; qm: string; hosts: string[] }
  | { t: number; event: 'agent-disconnected'; agent: string; host: string; qm: string; reasonCode: number }
  | { t: number; event: 'agent-reconnected'; agent: string; host: string; qm: string; instanceHost: string }
  | MqTruthEvent
  | ClusterTruthEvent;

export type TruthEventName = TruthEvent['event'];
export type TruthEventOf<N extends TruthEventName> = Extract<TruthEvent, { event: N }>;
/** An event before the clock stamps it. */
export type TruthEventInput = TruthEvent extends infer E ? (E extends TruthEvent ? Omit<E, 't'> : never) : never;

/**
 * Reads the whole log. A last line without its newline (the lab is writing it right now) is
 * left out rather than failing the read.
 */
export function readTruthLog(file: string): TruthEvent[] {
  const text = readFileSync(file, 'utf8');
  // The element after the last newline is either '' or a line still being written.
  const complete = text.split('\n').slice(0, -1);
  return complete.filter((line) => line.trim() !== '').map((line, index) => {
    try {
      return JSON.parse(line) as TruthEvent;
    } catch {
      throw new Error(`${file}:${index + 1}: not a JSON truth event: ${line.slice(0, 120)}`);
    }
  });
}

export function filterEvents<N extends TruthEventName>(events: TruthEvent[], name: N): TruthEventOf<N>[] {
  return events.filter((e): e is TruthEventOf<N> => e.event === name);
}

/** Which hosts run the queue manager as active and as standby at `atMs` (inclusive), or at the end of the log. */
export function instanceRolesAt(
  events: TruthEvent[],
  qm: string,
  atMs: number = Number.POSITIVE_INFINITY,
): { active: string[]; standby: string[] } {
  const stateByHost = new Map<string, InstanceState>();
  for (const e of filterEvents(events, 'instance-state')) {
    if (e.qm !== qm || e.t > atMs) continue;
    stateByHost.set(e.host, e.to);
  }
  const hostsIn = (state: InstanceState): string[] =>
    [...stateByHost].filter(([, s]) => s === state).map(([host]) => host).sort();
  return { active: hostsIn('active'), standby: hostsIn('standby') };
}

export interface InstanceStateQuery {
  qm: string;
  to: InstanceState;
  host?: string;
  /** Only events at or after this time. */
  afterMs?: number;
}

/** The first `instance-state` transition matching the query, e.g. the first `to: active` after a kill. */
export function findInstanceState(events: TruthEvent[], query: InstanceStateQuery): TruthEventOf<'instance-state'> | undefined {
  return filterEvents(events, 'instance-state').find(
    (e) =>
      e.qm === query.qm &&
      e.to === query.to &&
      (query.host === undefined || e.host === query.host) &&
      e.t >= (query.afterMs ?? Number.NEGATIVE_INFINITY),
  );
}

/** The first event of a kind at or after `afterMs` that also satisfies `matches`. */
export function findEventAfter<N extends TruthEventName>(
  events: TruthEvent[],
  name: N,
  afterMs: number,
  matches: (event: TruthEventOf<N>) => boolean = () => true,
): TruthEventOf<N> | undefined {
  return filterEvents(events, name).find((e) => e.t >= afterMs && matches(e));
}

/** Position of an event in the log (its order of happening), -1 when absent. */
export function positionOfEvent(events: TruthEvent[], event: TruthEvent | undefined): number {
  return event === undefined ? -1 : events.indexOf(event);
}

/**
 * Waits until the log holds an event satisfying `matches` (polling the file, which the lab
 * appends to) and returns it with the log as read then. Fails after `timeoutMs`.
 */
export async function waitForTruthEvent(
  file: string,
  matches: (event: TruthEvent) => boolean,
  { timeoutMs = 15_000, pollMs = 50 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<{ event: TruthEvent; events: TruthEvent[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = readTruthLog(file);
    const event = events.find(matches);
    if (event) return { event, events };
    if (Date.now() > deadline) throw new Error(`${file}: no matching truth event within ${timeoutMs} ms`);
    await new Promise((resolveWait) => setTimeout(resolveWait, pollMs));
  }
}
