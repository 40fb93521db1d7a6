import { errorMessages, MqscDisplayError } from './mqsc-display-error.ts';
import { CHANNEL_STATUSES, type ChannelStatusName } from './parse-chstatus.ts';
import type { MqscResponse } from './parse-runmqsc.ts';

/**
 * DISPLAY CLUSQMGR (mq-reference.md §2.4): one AMQ8441I object per queue manager the
 * answering one knows in the cluster, with the channel that leads there; STATUS is that
 * CLUSSDR's status (INACTIVE when it has none), QMTYPE REPOS for a full repository.
 */
export interface ClusterQueueManagerRecord {
  queueManager: string;
  channel: string;
  cluster: string;
  /** Null when QMTYPE was not asked for. */
  repository: boolean | null;
  status: ChannelStatusName | null;
  suspended: boolean | null;
  /** CLUSSDR, CLUSSDRA, CLUSSDRB, CLUSRCVR; '' when not shown. */
  definitionType: string;
}

export function readClusterQueueManagers(response: MqscResponse): ClusterQueueManagerRecord[] {
  const errors = errorMessages(response.messages);
  if (errors.length > 0) throw new MqscDisplayError(response.command, errors);
  return response.objects.map((object) => {
    const { attributes } = object;
    const status = attributes.STATUS;
    if (status !== undefined && !(CHANNEL_STATUSES as readonly string[]).includes(status)) {
      throw new MqscDisplayError(response.command, [{ id: object.id, text: `unknown STATUS(${status}) for ${attributes.CLUSQMGR ?? '?'}` }]);
    }
    return {
      queueManager: attributes.CLUSQMGR ?? '',
      channel: attributes.CHANNEL ?? '',
      cluster: attributes.CLUSTER ?? '',
      repository: attributes.QMTYPE === undefined ? null : attributes.QMTYPE === 'REPOS',
      status: (status as ChannelStatusName | undefined) ?? null,
      suspended: attributes.SUSPEND === undefined ? null : attributes.SUSPEND === 'YES',
      definitionType: attributes.DEFTYPE ?? '',
    };
  });
}
