import type { LabEstate } from '../lab-estate.ts';
import type { LabHost } from '../lab-host.ts';
import { findMqService } from '../mq/lab-mq-service.ts';
import { breaksOf } from './host-configuration.ts';

/** A TCP listener of a queue manager as DISPLAY LISTENER / LSSTATUS and `ss -ltn` show it. */
export interface ListenerView {
  name: string;
  port: number;
  running: boolean;
}

export const SSH_PORT = 22;
/** The port of the second listener the listener-port break opens. */
export const EXTRA_LISTENER_PORT = 1415;

/**
 * The listeners of a queue manager as the instance on `host` runs them: LISTENER.TCP on the
 * host's listener port and, with the listener-port break, a second one (LISTENER.TCP2)
 * running whenever the first does.
 */
export function listenersOf(estate: LabEstate, host: LabHost, qmName: string): ListenerView[] {
  const listener = findMqService(estate)?.listenerOn(qmName, host.name);
  if (!listener) return [];
  const views: ListenerView[] = [{ name: 'LISTENER.TCP', port: listener.port, running: listener.listening }];
  if (breaksOf(estate, host).includes('listener-port')) views.push({ name: 'LISTENER.TCP2', port: EXTRA_LISTENER_PORT, running: listener.listening });
  return views;
}

/** Every TCP port listening on the host: sshd and the running MQ listeners. */
export function listeningPorts(estate: LabEstate, host: LabHost): number[] {
  const ports = new Set([SSH_PORT]);
  for (const qm of estate.queueManagersOn(host.name)) {
    for (const listener of listenersOf(estate, host, qm.name)) if (listener.running) ports.add(listener.port);
  }
  return [...ports].sort((a, b) => a - b);
}
