import { accountMessages, type MessageAccounting } from './message-accounting.ts';
import { describeReason } from './mq-reason-codes.ts';
import type { FailoverMeasurement, TimelineEvent } from './result-document.ts';
import type { ScenarioRecording } from './scenario-recording.ts';
import type { ClientEvent, ClientLog } from './traffic-log.ts';

export type TrafficFailoverTimes = Required<Pick<FailoverMeasurement, 'serviceRestoredAt' | 'serviceRestoredSeconds' | 'firstGetAfterFaultAt' | 'firstGetAfterFaultSeconds'>>;

export interface TrafficMeasurement {
  messages: MessageAccounting | null;
  failover: TrafficFailoverTimes;
  /** What the applications saw (failed calls, blocked calls, reconnections), for the timeline. */
  events: TimelineEvent[];
}

/** The traffic part of a scenario's result: accounting, the service-restored times and the clients' events. */
export function measureTraffic(recording: ScenarioRecording): TrafficMeasurement {
  const unmeasured: TrafficFailoverTimes = { serviceRestoredAt: null, serviceRestoredSeconds: null, firstGetAfterFaultAt: null, firstGetAfterFaultSeconds: null };
  if (!recording.traffic) return { messages: null, failover: unmeasured, events: [] };
  const faultAtMs = recording.fault.injectedAt;
  const { messages, phases } = accountMessages(recording.traffic, faultAtMs);
  const since = (atMs: number | null) => (atMs === null || faultAtMs === null ? null : Math.round(atMs - faultAtMs) / 1000);
  const instant = (atMs: number | null) => (atMs === null ? null : new Date(atMs).toISOString());
  return {
    messages,
    failover: {
      serviceRestoredAt: instant(phases.serviceRestoredAtMs),
      serviceRestoredSeconds: since(phases.serviceRestoredAtMs),
      firstGetAfterFaultAt: instant(phases.firstGetAfterFaultAtMs),
      firstGetAfterFaultSeconds: since(phases.firstGetAfterFaultAtMs),
    },
    events: recording.traffic.clients.flatMap(describeClientEvents),
  };
}

function describeClientEvents(client: ClientLog): TimelineEvent[] {
  const who = `${client.header.k} ${client.header.id}`;
  return client.lines
    .filter((line): line is ClientEvent => line.k === 'ev' && line.what !== 'connected')
    .map((event) => ({
      at: new Date(event.t).toISOString(),
      kind: 'application' as const,
      summary: `${who}: ${describeClientEvent(event)}`,
      detail: { client: client.header.id, ...event },
    }));
}

function describeClientEvent(event: ClientEvent): string {
  const verb = event.verb === undefined ? 'MQI call' : `MQ${event.verb}`;
  switch (event.what) {
    case 'call-failed':
      return `${verb} failed with ${describeReason(event.rc ?? 0)}`;
    case 'call-blocked':
      return `${verb} blocked for ${((event.ms ?? 0) / 1000).toFixed(3)} s`;
    case 'reconnect-status':
      return `reconnect status ${describeReason(event.rc ?? 0)}${event.cause === undefined ? '' : ` (connection lost with ${describeReason(event.cause)})`}`;
    case 'reconnected-by-application':
      return 'connected again by the application';
    default:
      return event.what;
  }
}
