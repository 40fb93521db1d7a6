/* MQCONNX, MQDISC, MQSTAT and the unit-of-work verbs MQBEGIN, MQCMIT, MQBACK. */
#include <string.h>
#include "standin.h"
#include "wire.h"

static int choose_reconnect_kind(MQLONG options, const MQCD *cd, const standin_client_config *config) {
  if (config->def_recon == MQRCN_DISABLED || (options & MQCNO_RECONNECT_DISABLED)) return WIRE_RECONNECT_NONE;
  if (options & MQCNO_RECONNECT_Q_MGR) return WIRE_RECONNECT_SAME_QMGR;
  if (options & MQCNO_RECONNECT) return WIRE_RECONNECT_ANY;
  MQLONG def = config->def_recon >= 0 ? config->def_recon : (cd && cd->Version >= MQCD_VERSION_10 ? cd->DefReconnect : MQRCN_NO);
  if (def == MQRCN_YES) return WIRE_RECONNECT_ANY;
  if (def == MQRCN_Q_MGR) return WIRE_RECONNECT_SAME_QMGR;
  return WIRE_RECONNECT_NONE;
}

/* Channel and addresses from the application's MQCD, else from MQSERVER. */
static MQLONG read_destination(standin_connection *conn, const MQCD *cd) {
  if (cd) {
    memcpy(conn->channel, cd->ChannelName, MQ_CHANNEL_NAME_LENGTH);
    conn->address_count = parse_connection_names(cd->ConnectionName, MQ_CONN_NAME_LENGTH, conn->addresses, STANDIN_MAX_ADDRESSES);
  } else if (read_mqserver_env(conn->channel, conn->addresses, STANDIN_MAX_ADDRESSES, &conn->address_count) != 0) {
    return MQRC_Q_MGR_NAME_ERROR;
  }
  return conn->address_count > 0 ? MQRC_NONE : MQRC_Q_MGR_NAME_ERROR;
}

void MQCONNX(PMQCHAR qmgr_name, PMQCNO cno, PMQHCONN hconn, PMQLONG cc, PMQLONG reason) {
  *hconn = MQHC_UNUSABLE_HCONN;
  standin_connection *conn = create_connection();
  if (!conn) return fail_call(cc, reason, MQRC_STORAGE_NOT_AVAILABLE);
  char name[MQ_Q_MGR_NAME_LENGTH + 1] = {0};
  if (qmgr_name) memcpy(name, qmgr_name, MQ_Q_MGR_NAME_LENGTH);
  put_chars((unsigned char *)conn->requested_qmgr, name, MQ_Q_MGR_NAME_LENGTH);
  const MQCD *cd = cno && cno->Version >= MQCNO_VERSION_2 ? (const MQCD *)cno->ClientConnPtr : NULL;
  conn->cno_options = cno ? cno->Options : MQCNO_NONE;
  if (cno && cno->Version >= MQCNO_VERSION_7) memcpy(conn->appl_name, cno->ApplName, MQ_APPL_NAME_LENGTH);
  else put_chars((unsigned char *)conn->appl_name, "", MQ_APPL_NAME_LENGTH);
  standin_client_config config;
  load_client_config(&config);
  conn->reconnect_kind = choose_reconnect_kind(conn->cno_options, cd, &config);
  MQLONG why = read_destination(conn, cd);
  if (why == MQRC_NONE) why = connect_first_available(conn);
  if (why == MQRC_NONE) *hconn = register_connection(conn);
  if (why == MQRC_NONE && *hconn == MQHC_UNUSABLE_HCONN) why = MQRC_STORAGE_NOT_AVAILABLE;
  if (why != MQRC_NONE) {
    close_socket(conn);
    release_connection(conn);
    return fail_call(cc, reason, why);
  }
  *cc = MQCC_OK;
  *reason = MQRC_NONE;
}

void MQCONN(PMQCHAR qmgr_name, PMQHCONN hconn, PMQLONG cc, PMQLONG reason) {
  MQCONNX(qmgr_name, NULL, hconn, cc, reason);
}

static int build_empty(standin_connection *conn, const void *args) {
  return frame_begin(&conn->out, *(const int *)args, 0) ? 0 : -1;
}

/* Explicit disconnection commits outstanding work, as on IBM MQ for Multiplatforms. */
void MQDISC(PMQHCONN hconn, PMQLONG cc, PMQLONG reason) {
  standin_connection *conn = acquire_connection(*hconn);
  if (!conn) return fail_call(cc, reason, MQRC_HCONN_ERROR);
  pthread_mutex_lock(&conn->status_lock);
  conn->cancelled = 1;
  pthread_cond_broadcast(&conn->cancel_cond);
  pthread_mutex_unlock(&conn->status_lock);
  pthread_mutex_lock(&conn->lock);
  *cc = MQCC_OK;
  *reason = MQRC_NONE;
  if (conn->state != CONN_CONNECTED) {
    fail_call(cc, reason, conn->state == CONN_RECONNECT_FAILED ? MQRC_RECONNECT_FAILED : conn->broken_reason);
  } else {
    int op = WIRE_OP_DISCONNECT;
    if (build_empty(conn, &op) == 0 && exchange(conn) != EXCHANGE_OK) fail_call(cc, reason, MQRC_CONNECTION_BROKEN);
  }
  close_socket(conn);
  conn->state = CONN_BROKEN;
  conn->broken_reason = MQRC_HCONN_ERROR;
  pthread_mutex_unlock(&conn->lock);
  unregister_connection(*hconn);
  release_connection(conn);
  *hconn = MQHC_UNUSABLE_HCONN;
}

/* MQSTAT_TYPE_RECONNECTION(_ERROR) answer from the connection's own record, without waiting for a call in progress. */
void MQSTAT(MQHCONN hconn, MQLONG type, PMQVOID status, PMQLONG cc, PMQLONG reason) {
  PMQSTS sts = status;
  standin_connection *conn = acquire_connection(hconn);
  if (!conn) return fail_call(cc, reason, MQRC_HCONN_ERROR);
  if (type != MQSTAT_TYPE_ASYNC_ERROR && type != MQSTAT_TYPE_RECONNECTION && type != MQSTAT_TYPE_RECONNECTION_ERROR) {
    release_connection(conn);
    return fail_call(cc, reason, MQRC_STAT_TYPE_ERROR);
  }
  sts->CompCode = MQCC_OK;
  sts->Reason = MQRC_NONE;
  sts->PutSuccessCount = sts->PutWarningCount = sts->PutFailureCount = 0;
  sts->ObjectType = MQOT_Q_MGR;
  put_chars((unsigned char *)sts->ObjectName, "", MQ_OBJECT_NAME_LENGTH);
  put_chars((unsigned char *)sts->ObjectQMgrName, "", MQ_Q_MGR_NAME_LENGTH);
  put_chars((unsigned char *)sts->ResolvedObjectName, "", MQ_OBJECT_NAME_LENGTH);
  put_chars((unsigned char *)sts->ResolvedQMgrName, "", MQ_Q_MGR_NAME_LENGTH);
  if (type != MQSTAT_TYPE_ASYNC_ERROR) {
    pthread_mutex_lock(&conn->status_lock);
    int error = type == MQSTAT_TYPE_RECONNECTION_ERROR;
    sts->CompCode = error ? conn->recon_error_cc : conn->recon_cc;
    sts->Reason = error ? conn->recon_error_reason : conn->recon_reason;
    if (conn->recon_qmgr[0] != '\0') {
      memcpy(sts->ObjectQMgrName, conn->recon_qmgr, MQ_Q_MGR_NAME_LENGTH);
      memcpy(sts->ResolvedQMgrName, conn->recon_qmgr, MQ_Q_MGR_NAME_LENGTH);
      memcpy(sts->ObjectName, conn->recon_address, MQ_OBJECT_NAME_LENGTH);
    }
    pthread_mutex_unlock(&conn->status_lock);
  }
  release_connection(conn);
  *cc = MQCC_OK;
  *reason = MQRC_NONE;
}

static void run_uow_verb(MQHCONN hconn, int op, PMQLONG cc, PMQLONG reason) {
  standin_connection *conn = begin_call(hconn, cc, reason);
  if (!conn) return;
  if (conn->uow_backed_out && op != WIRE_OP_BEGIN) {
    /* The unit of work died with the old session. Work the application did in it since, on the new
       session (a get re-driven under MQGMO_SYNCPOINT_IF_PERSISTENT), must go the same way: back it
       out there too, or a later commit would make it stick while the application was told 2003. */
    int backout = WIRE_OP_BACKOUT;
    MQLONG ignored = MQRC_NONE;
    (void)perform(conn, build_empty, &backout, 0, &ignored);
    conn->uow_backed_out = 0;
    conn->in_uow = 0;
    *cc = op == WIRE_OP_COMMIT ? MQCC_WARNING : MQCC_OK;
    *reason = op == WIRE_OP_COMMIT ? MQRC_BACKED_OUT : MQRC_NONE;
    return end_call(conn);
  }
  int flags = op == WIRE_OP_COMMIT ? PERFORM_OUTCOME_MATTERS : 0;
  MQLONG why = MQRC_NONE;
  if (perform(conn, build_empty, &op, flags, &why)) reply_status(conn, cc, reason);
  else fail_call(cc, reason, why);
  if (op == WIRE_OP_BEGIN) conn->in_uow = *cc != MQCC_FAILED;
  else {
    conn->in_uow = 0;
    conn->uow_backed_out = 0;
  }
  end_call(conn);
}

void MQBEGIN(MQHCONN hconn, PMQVOID options, PMQLONG cc, PMQLONG reason) {
  (void)options;
  run_uow_verb(hconn, WIRE_OP_BEGIN, cc, reason);
}

void MQCMIT(MQHCONN hconn, PMQLONG cc, PMQLONG reason) { run_uow_verb(hconn, WIRE_OP_COMMIT, cc, reason); }

void MQBACK(MQHCONN hconn, PMQLONG cc, PMQLONG reason) { run_uow_verb(hconn, WIRE_OP_BACKOUT, cc, reason); }
