import type { InstanceSample } from './instance-samples.ts';

/**
 * How one probe sample reads: `dspmq` prints statuses in mixed case (`Running as standby`)
 * or upper case with `-n` (`RUNNING AS STANDBY`), and host names may differ in case from
 * the estate's, so every comparison here is case-insensitive.
 */

export type InstanceState = 'active' | 'standby' | 'starting' | 'elsewhere' | 'ended' | 'unreachable';

export function normalizeStatus(status: string | undefined): string {
  return (status ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function sameHost(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The host's own status is exactly `Running`: its instance is the active one. */
export function reportsRunning(sample: InstanceSample): boolean {
  return sample.ok && normalizeStatus(sample.status) === 'running';
}

/** The sample lists `host`'s instance as MODE(Active). */
export function reportsActiveInstanceOf(sample: InstanceSample, host: string): boolean {
  return (sample.instances ?? []).some(
    (line) => sameHost(line.host, host) && line.mode.trim().toLowerCase() === 'active',
  );
}

/** Mode of the asking host's own instance as the sample lists it, lower case; null when not listed. */
export function ownInstanceMode(sample: InstanceSample): string | null {
  const own = (sample.instances ?? []).find((line) => sameHost(line.host, sample.host));
  return own ? own.mode.trim().toLowerCase() : null;
}

/** The state a host's own lane shows for one sample. */
export function instanceStateOf(sample: InstanceSample): InstanceState {
  if (!sample.ok) return 'unreachable';
  const status = normalizeStatus(sample.status);
  if (status === 'running') return 'active';
  if (status === 'running as standby') return 'standby';
  if (status === 'running elsewhere') return 'elsewhere';
  if (status.startsWith('starting')) return 'starting';
  // Ending, quiescing, ended, status not available, or anything unrecognised: not serving.
  return 'ended';
}

/** What the sample says in words, for timeline observations: the status as printed. */
export function statusLabel(sample: InstanceSample): string {
  if (!sample.ok) return '(unreachable)';
  return sample.status?.trim() || '(no status)';
}

/** Samples in time order; samples taken at the same instant keep their recorded order. */
export function sortByTime(samples: readonly InstanceSample[]): InstanceSample[] {
  return [...samples].sort((a, b) => a.t - b.t);
}
