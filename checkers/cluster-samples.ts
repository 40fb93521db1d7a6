/**
 * What a cluster observation records (one line per member per probe): the contract between
 * the probe that samples members over SSH and the checkers that measure transmit-queue
 * buildup and channel status. `t` is epoch ms when the sample was asked for.
 */
export interface ClusterChannelSample {
  channel: string;
  /** CLUSSDR (this member sending), CLUSRCVR (a sender's channel arriving here), ... */
  type: string;
  /** MQ's channel status; a channel without a record is INACTIVE. */
  status: string;
  /** XQMSGSA: this channel's messages on the transmission queue; null when not shown. */
  messagesAvailable: number | null;
  /** MSGS: messages moved since the channel started; null when not shown. */
  messages: number | null;
  /** SHORTRTS: short retries left (0 while RETRYING: the channel is on its long retries); null when not shown. */
  shortRetriesLeft?: number | null;
}

export type ClusterMemberSample =
  | { t: number; queueManager: string; host: string; ok: true; transmitDepth: number; channels: ClusterChannelSample[] }
  | { t: number; queueManager: string; host: string; ok: false; error: string };
