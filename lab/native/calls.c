/* The frame every MQI entry point shares: find the connection, serialise, send, recover. */
#include "standin.h"
#include "wire.h"

void fail_call(MQLONG *cc, MQLONG *reason, MQLONG why) {
  *cc = MQCC_FAILED;
  *reason = why;
}

/* The connection locked for one call and ready to carry it, or NULL with the failure set. */
standin_connection *begin_call(MQHCONN hconn, MQLONG *cc, MQLONG *reason) {
  standin_connection *conn = acquire_connection(hconn);
  if (!conn) {
    fail_call(cc, reason, MQRC_HCONN_ERROR);
    return NULL;
  }
  pthread_mutex_lock(&conn->lock);
  MQLONG usable = conn->registered ? ensure_usable(conn) : MQRC_HCONN_ERROR;
  if (usable != MQRC_NONE) {
    fail_call(cc, reason, usable);
    end_call(conn);
    return NULL;
  }
  return conn;
}

void end_call(standin_connection *conn) {
  pthread_mutex_unlock(&conn->lock);
  release_connection(conn);
}

/* CompCode and Reason of the reply in `in`. */
void reply_status(standin_connection *conn, MQLONG *cc, MQLONG *reason) {
  *cc = get_i32(conn->in.data + 8);
  *reason = get_i32(conn->in.data + 12);
}

standin_handle *find_handle(standin_connection *conn, MQHOBJ hobj) {
  int index = hobj - 1;
  if (index < 0 || index >= conn->handle_count || !conn->handles[index].in_use) return NULL;
  return &conn->handles[index];
}

/*
 * Builds the request with `build` (again after a reconnection: server handles change) and
 * exchanges it. Returns 1 with the reply in `in`, or 0 with the reason for the application.
 */
int perform(standin_connection *conn, standin_build build, const void *args, int flags, MQLONG *reason) {
  if ((flags & PERFORM_IN_UOW) && conn->uow_backed_out) {
    *reason = MQRC_BACKED_OUT;
    return 0;
  }
  for (int attempt = 0; attempt < 3; attempt++) {
    if (build(conn, args) != 0) {
      *reason = MQRC_STORAGE_NOT_AVAILABLE;
      return 0;
    }
    if (exchange(conn) == EXCHANGE_OK) return 1;
    if (handle_break(conn, reason, flags & PERFORM_OUTCOME_MATTERS) == CALL_FAIL) return 0;
    if ((flags & PERFORM_IN_UOW) && conn->uow_backed_out) {
      *reason = MQRC_BACKED_OUT;
      return 0;
    }
  }
  *reason = MQRC_CONNECTION_BROKEN;
  return 0;
}
