import type { InstanceSample } from './instance-samples.ts';
import type { TimelineEvent } from './result-document.ts';
import { normalizeStatus, ownInstanceMode, sortByTime, statusLabel } from './instance-view.ts';

interface HostView {
  status: string;
  label: string;
  mode: string | null;
}

/**
 * Timeline observations derived from probe samples: each change of a host's status as
 * `dspmq` printed it ("mq1: Running → (unreachable)") and each time a host's own instance
 * becomes active ("mq2 reports Active"). The first sample of a host sets its baseline.
 */
export function observeSampleChanges(samples: readonly InstanceSample[]): TimelineEvent[] {
  const lastByHost = new Map<string, HostView>();
  const events: TimelineEvent[] = [];
  for (const sample of sortByTime(samples)) {
    const key = sample.host.trim().toLowerCase();
    const now = viewOf(sample);
    const before = lastByHost.get(key);
    // An unreachable host says nothing about its instance mode: keep the last one seen.
    lastByHost.set(key, sample.ok ? now : { ...now, mode: before?.mode ?? null });
    if (!before) continue;
    const at = new Date(sample.t).toISOString();
    if (before.status !== now.status) {
      events.push(observation(at, sample.host, `${sample.host}: ${before.label} → ${now.label}`, sample));
    }
    if (sample.ok && now.mode === 'active' && before.mode !== 'active') {
      events.push(observation(at, sample.host, `${sample.host} reports Active`, sample));
    }
  }
  return events;
}

function viewOf(sample: InstanceSample): HostView {
  return {
    status: sample.ok ? normalizeStatus(sample.status) : '(unreachable)',
    label: statusLabel(sample),
    mode: sample.ok ? ownInstanceMode(sample) : null,
  };
}

function observation(at: string, host: string, summary: string, sample: InstanceSample): TimelineEvent {
  const detail: Record<string, unknown> = { queueManager: sample.queueManager };
  if (sample.error) detail.error = sample.error;
  return { at, kind: 'observation', summary, host, detail };
}
