/**
 * What a reason code means for the application that got it, as IBM's HA samples read them
 * (amqsphac, amqsmhac, amqsfhac) and the reconnection chapter of the MQ documentation says.
 */

/** The call may or may not have taken effect: the connection broke or the call was interrupted by a reconnection. */
const OUTCOME_UNKNOWN = new Set([
  2009, // MQRC_CONNECTION_BROKEN
  2548, // MQRC_RECONNECT_FAILED
  2549, // MQRC_CALL_INTERRUPTED
  2556, // MQRC_RECONNECT_TIMED_OUT
]);

/** The connection handle is no longer usable: the application must connect again itself. */
const CONNECTION_ENDED = new Set([
  2009, // MQRC_CONNECTION_BROKEN
  2018, // MQRC_HCONN_ERROR
  2019, // MQRC_HOBJ_ERROR
  2059, // MQRC_Q_MGR_NOT_AVAILABLE
  2161, // MQRC_Q_MGR_QUIESCING
  2162, // MQRC_Q_MGR_STOPPING
  2202, // MQRC_CONNECTION_QUIESCING
  2203, // MQRC_CONNECTION_STOPPING
  2548, // MQRC_RECONNECT_FAILED
  2556, // MQRC_RECONNECT_TIMED_OUT
]);

export const MQRC_BACKED_OUT = 2003;
export const MQRC_CALL_INTERRUPTED = 2549;

/** The outcome of an MQPUT outside syncpoint, or of an MQCMIT, that failed with this reason. */
export function failedPutOutcome(reasonCode: number): 'f' | 'd' {
  return OUTCOME_UNKNOWN.has(reasonCode) ? 'd' : 'f';
}

/** The outcome of an MQCMIT that failed with this reason: backed out is certain; anything else may have committed. */
export function failedCommitOutcome(reasonCode: number): 'f' | 'd' {
  return reasonCode === MQRC_BACKED_OUT ? 'f' : 'd';
}

export function endsConnection(reasonCode: number): boolean {
  return CONNECTION_ENDED.has(reasonCode);
}
