import type { EstateSpec } from '../../suites/suite-model.ts';

/** Where and how an MQI client reaches a queue manager of the estate. */
export interface ClientEndpoint {
  queueManager: string;
  channel: string;
  /** `address(port)` of each instance's listener, in the estate's instance order: a connection name list. */
  connectionNames: string[];
  /** Folder of libmqm_r.so; null: the default library path. */
  libraryDir: string | null;
}

/** The estate does not say how clients reach the queue manager: bad input, not worth a retry. */
export class ClientEndpointMissing extends Error {
  override readonly name = 'ClientEndpointMissing';
}

/**
 * The client endpoint of `queueManager`: its channel (or `channelOverride`), a connection
 * name entry per instance host that has a listener, and the client library folder
 * (the estate's mqClient.libraryDir, else MQCHAOS_MQ_CLIENT_LIB_DIR, else the default path).
 */
export function resolveClientEndpoint(
  estate: EstateSpec,
  queueManager: string,
  channelOverride?: string,
  env: NodeJS.ProcessEnv = process.env,
): ClientEndpoint {
  const spec = estate.queueManagers[queueManager];
  if (!spec) throw new ClientEndpointMissing(`queue manager ${queueManager} is not in the estate`);
  const channel = channelOverride ?? spec.channel;
  if (!channel) throw new ClientEndpointMissing(`the estate gives no server-connection channel for ${queueManager} (queueManagers.${queueManager}.channel)`);
  const connectionNames = spec.instances
    .filter((host) => spec.listeners?.[host] !== undefined && estate.hosts[host] !== undefined)
    .map((host) => `${estate.hosts[host]!.address}(${spec.listeners![host]})`);
  if (connectionNames.length === 0) {
    throw new ClientEndpointMissing(`the estate gives no listener for ${queueManager} on its instance hosts (queueManagers.${queueManager}.listeners)`);
  }
  const libraryDir = estate.mqClient?.libraryDir ?? (env.MQCHAOS_MQ_CLIENT_LIB_DIR || null);
  return { queueManager, channel, connectionNames, libraryDir };
}
