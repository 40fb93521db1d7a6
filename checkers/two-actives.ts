import type { InstanceSample } from './instance-samples.ts';
import { reportsRunning, sortByTime } from './instance-view.ts';
import type { Finding } from './result-document.ts';

/**
 * Two instances reporting Running at once (split brain), from the instance probe's samples
 * only. Hosts are polled on one schedule, so samples of one probe round lie within a small
 * part of the interval of each other: host B's Running sample proves two actives when host
 * A reported Running in the same round (within half an interval), or both before and after
 * it. A normal failover never qualifies — the new active starts only after the old one has
 * released the lock and the log has been replayed. Contiguous detections of the same hosts
 * make one finding.
 */
export function findTwoActives(samples: readonly InstanceSample[], probeIntervalMs: number): Finding[] {
  const byHost = new Map<string, InstanceSample[]>();
  for (const sample of sortByTime(samples)) {
    const key = sample.host.trim().toLowerCase();
    byHost.set(key, [...(byHost.get(key) ?? []), sample]);
  }
  const detections: { t: number; hosts: string[] }[] = [];
  for (const [host, series] of byHost) {
    for (const sample of series.filter(reportsRunning)) {
      const others = [...byHost].filter(([other]) => other !== host).filter(([, otherSeries]) => runsAt(otherSeries, sample.t, probeIntervalMs));
      if (others.length > 0) detections.push({ t: sample.t, hosts: [sample.host, ...others.map(([, s]) => s[0]!.host)].sort() });
    }
  }
  const findings: Finding[] = [];
  for (const detection of detections.sort((a, b) => a.t - b.t)) {
    const key = detection.hosts.join(',');
    const open = findings.find((f) => f.hosts.join(',') === key);
    if (open) {
      open.until = new Date(detection.t).toISOString();
      open.samples += 1;
    } else {
      findings.push({ kind: 'two-actives', at: new Date(detection.t).toISOString(), until: new Date(detection.t).toISOString(), hosts: detection.hosts, samples: 1, summary: '' });
    }
  }
  for (const finding of findings) {
    finding.summary = `${finding.hosts.join(' and ')} both reported Running from ${finding.at} to ${finding.until} (${finding.samples} samples): two active instances`;
  }
  return findings;
}

/** Whether a host's own series shows it Running at `t`: in the same round, or on both sides of it. */
function runsAt(series: InstanceSample[], t: number, probeIntervalMs: number): boolean {
  if (series.some((s) => Math.abs(s.t - t) < probeIntervalMs / 2 && reportsRunning(s))) return true;
  const before = [...series].reverse().find((s) => s.t <= t);
  const after = series.find((s) => s.t >= t);
  return before !== undefined && after !== undefined && reportsRunning(before) && reportsRunning(after);
}
