import type { ScenarioResult } from '../checkers/result-document.ts';
import type { TimeAxis, TimeMarker } from './chart-figure.ts';

/**
 * The common time axis of a scenario's charts: seconds since the fault when there was one,
 * otherwise since the earliest thing recorded, and the markers every time chart of the
 * scenario shows (the fault, the failover phases, the first put after the fault, the restore).
 */
export interface ScenarioClock {
  originMs: number;
  axis: TimeAxis;
  seconds(epochMs: number): number;
}

export function scenarioClock(result: ScenarioResult, earliestMs: number | null): ScenarioClock | null {
  const faultMs = result.failover.faultAt === null ? null : Date.parse(result.failover.faultAt);
  const originMs = faultMs ?? earliestMs;
  if (originMs === null || !Number.isFinite(originMs)) return null;
  return {
    originMs,
    axis: { originLabel: faultMs === null ? 'the first sample' : 'the fault', originAt: new Date(originMs).toISOString() },
    seconds: (epochMs) => round3((epochMs - originMs) / 1000),
  };
}

const MARKER_STYLE = {
  fault: { colour: '#b71c1c', dash: [6, 3] },
  ended: { colour: '#ef6c00', dash: [2, 3] },
  active: { colour: '#1b5e20' },
  served: { colour: '#0b5cad', dash: [4, 2] },
  restored: { colour: '#6a1b9a', dash: [8, 3] },
} as const;

export function scenarioMarkers(result: ScenarioResult, clock: ScenarioClock): TimeMarker[] {
  const f = result.failover;
  const faultMs = f.faultAt === null ? null : Date.parse(f.faultAt);
  const restored = result.events.find((event) => event.kind === 'fault-restored' && (faultMs === null || Date.parse(event.at) >= faultMs));
  const candidates: Array<[string, string | null | undefined, { colour: string; dash?: readonly number[] }]> = [
    ['fault', f.faultAt, MARKER_STYLE.fault],
    ['old instance ended', f.oldInstanceEndedAt, MARKER_STYLE.ended],
    [`${f.newActiveHost ?? 'new instance'} active`, f.newInstanceActiveAt, MARKER_STYLE.active],
    ['first put after the fault', f.serviceRestoredAt, MARKER_STYLE.served],
    ['fault restored', restored?.at, MARKER_STYLE.restored],
  ];
  return candidates
    .filter((candidate): candidate is [string, string, { colour: string; dash?: readonly number[] }] => typeof candidate[1] === 'string')
    .map(([label, at, style]) => {
      const atSeconds = clock.seconds(Date.parse(at));
      return {
        label: `${label} ${formatRelativeSeconds(atSeconds)} s`,
        atSeconds,
        colour: style.colour,
        ...(style.dash ? { dash: [...style.dash] } : {}),
      };
    });
}

export function formatRelativeSeconds(seconds: number): string {
  const rounded = Math.round(seconds * 10) / 10;
  if (rounded === 0) return '0';
  const text = Math.abs(rounded).toFixed(Number.isInteger(rounded) ? 0 : 1);
  return rounded > 0 ? `+${text}` : `\u2212${text}`;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
