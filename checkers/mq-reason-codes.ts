/**
 * Names of the MQ reason codes an application meets around a failover (values from the
 * ibmmq package's mqidefs; meanings from IBM's reason-code pages), for words in timelines
 * and reports.
 */
const REASON_NAMES: Readonly<Record<number, string>> = {
  0: 'MQRC_NONE',
  2003: 'MQRC_BACKED_OUT',
  2009: 'MQRC_CONNECTION_BROKEN',
  2012: 'MQRC_ENVIRONMENT_ERROR',
  2018: 'MQRC_HCONN_ERROR',
  2019: 'MQRC_HOBJ_ERROR',
  2024: 'MQRC_SYNCPOINT_LIMIT_REACHED',
  2030: 'MQRC_MSG_TOO_BIG_FOR_Q',
  2033: 'MQRC_NO_MSG_AVAILABLE',
  2035: 'MQRC_NOT_AUTHORIZED',
  2051: 'MQRC_PUT_INHIBITED',
  2053: 'MQRC_Q_FULL',
  2058: 'MQRC_Q_MGR_NAME_ERROR',
  2059: 'MQRC_Q_MGR_NOT_AVAILABLE',
  2079: 'MQRC_TRUNCATED_MSG_ACCEPTED',
  2080: 'MQRC_TRUNCATED_MSG_FAILED',
  2085: 'MQRC_UNKNOWN_OBJECT_NAME',
  2161: 'MQRC_Q_MGR_QUIESCING',
  2162: 'MQRC_Q_MGR_STOPPING',
  2202: 'MQRC_CONNECTION_QUIESCING',
  2203: 'MQRC_CONNECTION_STOPPING',
  2298: 'MQRC_FUNCTION_NOT_SUPPORTED',
  2537: 'MQRC_CHANNEL_NOT_AVAILABLE',
  2538: 'MQRC_HOST_NOT_AVAILABLE',
  2540: 'MQRC_UNKNOWN_CHANNEL_NAME',
  2543: 'MQRC_STANDBY_Q_MGR',
  2544: 'MQRC_RECONNECTING',
  2545: 'MQRC_RECONNECTED',
  2546: 'MQRC_RECONNECT_QMID_MISMATCH',
  2547: 'MQRC_RECONNECT_INCOMPATIBLE',
  2548: 'MQRC_RECONNECT_FAILED',
  2549: 'MQRC_CALL_INTERRUPTED',
  2555: 'MQRC_RECONNECT_Q_MGR_REQD',
  2556: 'MQRC_RECONNECT_TIMED_OUT',
  2601: 'MQRC_Q_MGR_RECONNECT_REQUESTED',
};

export function reasonName(reasonCode: number): string | undefined {
  return REASON_NAMES[reasonCode];
}

/** "2009 MQRC_CONNECTION_BROKEN", or the bare number for a code without a name here. */
export function describeReason(reasonCode: number): string {
  const name = REASON_NAMES[reasonCode];
  return name === undefined ? String(reasonCode) : `${reasonCode} ${name}`;
}
