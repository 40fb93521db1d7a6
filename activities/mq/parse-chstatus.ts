import { errorMessages, MqscDisplayError, toCount } from './mqsc-display-error.ts';
import type { MqscResponse } from './parse-runmqsc.ts';

/**
 * DISPLAY CHSTATUS (mq-reference.md §2.3): one AMQ8417I object per channel instance with a
 * status. A channel with no status is INACTIVE: runmqsc answers `AMQ8420I: Channel Status
 * not found.` and no object, which reads as an empty list here.
 */
export const CHANNEL_STATUSES = ['INACTIVE', 'BINDING', 'STARTING', 'RUNNING', 'STOPPING', 'RETRYING', 'STOPPED', 'REQUESTING', 'PAUSED', 'DISCONNECTED', 'INITIALIZING', 'SWITCHING'] as const;
export type ChannelStatusName = (typeof CHANNEL_STATUSES)[number];

export interface ChannelStatusRecord {
  channel: string;
  /** CHLTYPE: SDR, CLUSSDR, CLUSRCVR, SVRCONN, ... */
  type: string;
  status: ChannelStatusName;
  /** SUBSTATE; '' when blank. */
  substate: string;
  connectionName: string;
  /** RQMNAME; '' while not connected. */
  remoteQueueManager: string;
  transmitQueue: string;
  /** XQMSGSA: messages on the transmission queue available to this channel; null when not shown. */
  messagesAvailable: number | null;
  /** MSGS: messages sent or received since the channel started; null when not shown. */
  messages: number | null;
  /** SHORTRTS / LONGRTS: retry attempts left at the short and the long interval; null when not shown. */
  shortRetriesLeft: number | null;
  longRetriesLeft: number | null;
  current: boolean;
}

const NOT_FOUND = 'AMQ8420';

export function readChannelStatuses(response: MqscResponse): ChannelStatusRecord[] {
  const errors = errorMessages(response.messages);
  const notFound = response.messages.some((m) => m.id.startsWith(NOT_FOUND));
  if (errors.length > 0) throw new MqscDisplayError(response.command, errors);
  if (notFound) return [];
  return response.objects.map((object) => {
    const status = object.attributes.STATUS ?? '';
    if (!(CHANNEL_STATUSES as readonly string[]).includes(status)) throw new MqscDisplayError(response.command, [{ id: object.id, text: `unknown STATUS(${status}) for ${object.attributes.CHANNEL ?? '?'}` }]);
    return {
      channel: object.attributes.CHANNEL ?? '',
      type: object.attributes.CHLTYPE ?? '',
      status: status as ChannelStatusName,
      substate: object.attributes.SUBSTATE ?? '',
      connectionName: object.attributes.CONNAME ?? '',
      remoteQueueManager: object.attributes.RQMNAME ?? '',
      transmitQueue: object.attributes.XMITQ ?? '',
      messagesAvailable: toCount(object.attributes.XQMSGSA),
      messages: toCount(object.attributes.MSGS),
      shortRetriesLeft: toCount(object.attributes.SHORTRTS),
      longRetriesLeft: toCount(object.attributes.LONGRTS),
      current: object.flags.includes('CURRENT'),
    };
  });
}

/** The status a channel is in: that of its record, INACTIVE when it has none. */
export function statusOfChannel(records: readonly ChannelStatusRecord[], channel: string, type?: string): ChannelStatusName {
  return records.find((r) => r.channel === channel && (type === undefined || r.type === type))?.status ?? 'INACTIVE';
}
