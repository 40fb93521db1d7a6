import type { ScenarioResult } from '../checkers/result-document.ts';
import type { ClusterResultFields } from '../checkers/cluster-observations.ts';

/**
 * The figures of a scenario result that are worth following from run to run, each a number
 * where higher is worse: failover and service times, persistent messages lost or duplicated,
 * time until each health check passed, and in a cluster scenario the transmit-queue buildup,
 * drain and stuck messages and the time channels spent retrying.
 */
export interface RunFigure {
  /** The result document path, e.g. `failover.instanceFailoverSeconds`, `transmit.QM1.peakDepth`. */
  path: string;
  unit: 'seconds' | 'messages';
  value: number | null;
}

type FigureSource = ScenarioResult & ClusterResultFields;

export function runFiguresOf(result: FigureSource): RunFigure[] {
  const figures: RunFigure[] = [];
  const add = (path: string, unit: RunFigure['unit'], value: number | null | undefined) => {
    if (value !== undefined) figures.push({ path, unit, value: typeof value === 'number' && Number.isFinite(value) ? value : null });
  };
  add('failover.instanceFailoverSeconds', 'seconds', result.failover.instanceFailoverSeconds);
  add('failover.serviceRestoredSeconds', 'seconds', result.failover.serviceRestoredSeconds);
  add('failover.firstGetAfterFaultSeconds', 'seconds', result.failover.firstGetAfterFaultSeconds);
  const persistent = result.messages?.persistent;
  if (typeof persistent === 'object' && persistent !== null) {
    add('messages.persistent.lost', 'messages', persistent.lost);
    add('messages.persistent.duplicated', 'messages', persistent.duplicated);
  }
  for (const [name, health] of sortedEntries(result.health)) add(`health.${name}.timeToHealthySeconds`, 'seconds', health.timeToHealthySeconds);
  for (const [sender, transmit] of sortedEntries(result.transmit)) {
    add(`transmit.${sender}.peakDepth`, 'messages', transmit.peakDepth);
    add(`transmit.${sender}.drainSeconds`, 'seconds', transmit.drainSeconds);
    add(`transmit.${sender}.stuckMessages`, 'messages', transmit.stuckMessages);
  }
  for (const [sender, channels] of sortedEntries(result.channels)) {
    for (const [channel, status] of sortedEntries(channels)) add(`channels.${sender}.${channel}.timeInRetryingSeconds`, 'seconds', status.timeInRetryingSeconds);
  }
  return figures;
}

/** The entries of a record whose values are objects: a result.json is a file anyone can write, and what does not fit is left out. */
function sortedEntries<T extends object>(record: Record<string, T> | undefined): Array<[string, T]> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return [];
  return Object.entries(record)
    .filter((entry): entry is [string, T] => typeof entry[1] === 'object' && entry[1] !== null)
    .sort(([a], [b]) => a.localeCompare(b));
}
