import type { CheckFacts, NodeFacts } from '../../checkers/conformance-facts.ts';
import type { ApplicationConnectionSpec } from '../../suites/conformance-model.ts';
import type { EstateSpec } from '../../suites/suite-model.ts';

/**
 * Client side, from declared connection parameters (no command runs): a reconnect option
 * that reconnects (MQCNO_RECONNECT or _Q_MGR), and a connection-name list naming every
 * instance host's listener (`host(port)` by estate address or host name).
 */
export function checkClients(estate: EstateSpec, applications: readonly ApplicationConnectionSpec[]): CheckFacts {
  const nodes = applications.map((app): NodeFacts => {
    const qm = estate.queueManagers[app.queueManager];
    if (!qm) return { node: app.name, facts: null, words: {}, error: `queue manager ${app.queueManager} is not in the estate` };
    const listed = parseConnectionNames(app.connectionName);
    const missing = qm.instances.filter((hostName) => {
      const host = estate.hosts[hostName]!;
      const port = qm.listeners?.[hostName];
      return !listed.some((entry) => (entry.host === host.address || entry.host === hostName) && (port === undefined || entry.port === null || entry.port === port));
    });
    return {
      node: app.name,
      role: 'application',
      facts: { reconnect: app.reconnect, reconnectEnabled: app.reconnect === 'reconnect' || app.reconnect === 'qmgr', listsEveryInstance: missing.length === 0, missingInstances: missing },
      words: {
        reconnectEnabled: `${app.name} connects with reconnect option ${app.reconnect}; it will not reconnect after a failover (use reconnect or qmgr)`,
        listsEveryInstance: `${app.name}'s connection name ${app.connectionName} does not list the instance on ${missing.join(', ')}${missing.map((h) => (qm.listeners?.[h] ? ` (${estate.hosts[h]!.address}(${qm.listeners[h]}))` : '')).join('')}`,
      },
    };
  });
  return { check: 'client', title: 'declared applications reconnect and list every instance', queueManager: null, nodes };
}

/** `host(port),host(port)`; a name without a port (MQ's default 1414 when connecting) has port null: any listener port matches. */
export function parseConnectionNames(text: string): Array<{ host: string; port: number | null }> {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const match = /^(.+?)\((\d+)\)$/.exec(item);
      return match ? { host: match[1]!, port: Number(match[2]) } : { host: item, port: null };
    });
}
