import type { HealthAttempt } from './health-attempts.ts';
import type { HealthMeasurement } from './result-document.ts';

/**
 * Time to healthy per health check: from the fault to the first success after the last
 * failed attempt — the moment the service came back for good, as far as the probe watched.
 * A probe attempts from before the fault, so one that never failed is healthy at the fault
 * itself (0). Null when the probe ended on a failure (timed out) or nothing was injected.
 *
 * A success is placed when it was proven: an attempt that answered at once is stamped when
 * it was sent, like instance samples; one that waited for the service (a ping that sat until
 * the agent reconnected) at its end less the fastest successful round trip the probe saw.
 */
export function measureHealth(attempts: readonly HealthAttempt[], faultAtMs: number | null): Record<string, HealthMeasurement> {
  const byProbe = new Map<string, HealthAttempt[]>();
  for (const attempt of [...attempts].sort((a, b) => a.startedAt - b.startedAt)) {
    byProbe.set(attempt.probe, [...(byProbe.get(attempt.probe) ?? []), attempt]);
  }
  const health: Record<string, HealthMeasurement> = {};
  for (const [probe, series] of byProbe) health[probe] = measureProbe(series, faultAtMs);
  return health;
}

function measureProbe(series: HealthAttempt[], faultAtMs: number | null): HealthMeasurement {
  const lastFailure = series.map((a) => a.ok).lastIndexOf(false);
  const recovered = series[lastFailure + 1];
  const measurement: HealthMeasurement = {
    timeToHealthySeconds: null,
    healthyAt: null,
    attempts: series.length,
    lastError: lastFailure >= 0 ? (series[lastFailure]!.error ?? 'failed') : null,
    reasonCodes: countReasonCodes(series, faultAtMs),
  };
  if (!recovered?.ok || faultAtMs === null) return measurement;
  const fastestMs = Math.min(...series.filter((a) => a.ok).map((a) => a.endedAt - a.startedAt));
  const provenAtMs = Math.max(recovered.startedAt, recovered.endedAt - fastestMs, faultAtMs);
  measurement.healthyAt = new Date(provenAtMs).toISOString();
  measurement.timeToHealthySeconds = Math.round(provenAtMs - faultAtMs) / 1000;
  return measurement;
}

/** Failed attempts after the fault by reason code; an attempt in flight at the fault counts. */
function countReasonCodes(series: readonly HealthAttempt[], faultAtMs: number | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const attempt of series) {
    if (attempt.ok || attempt.reasonCode === undefined || (faultAtMs !== null && attempt.endedAt < faultAtMs)) continue;
    counts[attempt.reasonCode] = (counts[attempt.reasonCode] ?? 0) + 1;
  }
  return counts;
}
