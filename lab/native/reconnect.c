/*
 * What a broken connection means for the application: MQRC_CONNECTION_BROKEN (or the
 * queue manager's ending reason) when it cannot reconnect; otherwise reconnection with
 * IBM's delays, blocking the application's calls until it succeeds, fails with
 * MQRC_RECONNECT_FAILED after MQReconnectTimeout, or is cancelled by MQDISC.
 */
#include <errno.h>
#include <time.h>
#include "standin.h"
#include "wire.h"

static long long now_ms(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* Sleeps `delay_ms` unless MQDISC cancels; returns whether it was cancelled. */
static int wait_or_cancel(standin_connection *conn, int delay_ms) {
  struct timespec until;
  clock_gettime(CLOCK_MONOTONIC, &until);
  until.tv_sec += delay_ms / 1000;
  until.tv_nsec += (long)(delay_ms % 1000) * 1000000L;
  if (until.tv_nsec >= 1000000000L) {
    until.tv_sec++;
    until.tv_nsec -= 1000000000L;
  }
  pthread_mutex_lock(&conn->status_lock);
  while (!conn->cancelled) {
    if (pthread_cond_timedwait(&conn->cancel_cond, &conn->status_lock, &until) == ETIMEDOUT) break;
  }
  int cancelled = conn->cancelled;
  pthread_mutex_unlock(&conn->status_lock);
  return cancelled;
}

/* Reconnects along the connection-name list; MQRC_NONE or MQRC_RECONNECT_FAILED. */
static MQLONG reconnect(standin_connection *conn) {
  standin_client_config config;
  load_client_config(&config);
  long long deadline = now_ms() + (long long)config.reconnect_timeout_s * 1000;
  MQLONG last_refusal = MQRC_NONE;
  for (int attempt = 0;; attempt++) {
    int index = attempt < config.delay_count ? attempt : config.delay_count - 1;
    int delay = config.delays_ms[index];
    if (now_ms() + delay > deadline) break;
    if (wait_or_cancel(conn, delay)) break;
    int answered = 0;
    MQLONG reason = establish_session(conn, 1, &answered);
    if (reason == MQRC_NONE) return MQRC_NONE;
    if (answered) last_refusal = reason;
  }
  set_reconnect_error(conn, last_refusal == MQRC_RECONNECT_QMID_MISMATCH ? last_refusal : MQRC_RECONNECT_FAILED);
  return MQRC_RECONNECT_FAILED;
}

/*
 * Called with the connection's lock held once its socket has failed. `outcome_matters`:
 * the interrupted call changed the queue manager (a persistent put, a commit) and cannot
 * simply be sent again. Returns CALL_REDRIVE when the call may be sent again on the new
 * session, else CALL_FAIL with the reason for the application.
 */
standin_after_break handle_break(standin_connection *conn, MQLONG *reason, int outcome_matters) {
  close_socket(conn);
  MQLONG broken_reason = conn->broken_reason;
  set_reconnect_error(conn, broken_reason);
  if (conn->reconnect_kind == WIRE_RECONNECT_NONE || !conn->goodbye_reconnect) {
    conn->state = CONN_BROKEN;
    *reason = broken_reason;
    return CALL_FAIL;
  }
  conn->state = CONN_BROKEN;
  set_reconnect_status(conn, MQCC_WARNING, MQRC_RECONNECTING);
  int was_in_uow = conn->in_uow;
  if (reconnect(conn) != MQRC_NONE) {
    conn->state = CONN_RECONNECT_FAILED;
    set_reconnect_status(conn, MQCC_FAILED, MQRC_RECONNECT_FAILED);
    *reason = MQRC_RECONNECT_FAILED;
    return CALL_FAIL;
  }
  conn->state = CONN_CONNECTED;
  set_reconnect_status(conn, MQCC_WARNING, MQRC_RECONNECTED);
  if (was_in_uow) {
    conn->in_uow = 0;
    conn->uow_backed_out = 1;
  }
  if (outcome_matters) {
    *reason = MQRC_CALL_INTERRUPTED;
    return CALL_FAIL;
  }
  return CALL_REDRIVE;
}

/* Before a call: MQRC_NONE when the connection can carry it, reconnecting first if the queue manager went away while it was idle. */
MQLONG ensure_usable(standin_connection *conn) {
  if (conn->state == CONN_BROKEN) return conn->broken_reason;
  if (conn->state == CONN_RECONNECT_FAILED) return MQRC_RECONNECT_FAILED;
  if (conn->fd >= 0 && !socket_has_hangup(conn->fd)) return MQRC_NONE;
  int reconnect_wanted = 0;
  read_goodbye(conn, &reconnect_wanted);
  MQLONG reason = MQRC_NONE;
  return handle_break(conn, &reason, 0) == CALL_REDRIVE ? MQRC_NONE : reason;
}

/* The monitor saw an idle connection's socket close: reconnect now, unless a call already dealt with it. */
void reconnect_idle_connection(standin_connection *conn, unsigned generation) {
  pthread_mutex_lock(&conn->lock);
  if (conn->registered && conn->state == CONN_CONNECTED && conn->generation == generation && conn->fd >= 0 && socket_has_hangup(conn->fd)) {
    int reconnect_wanted = 0;
    read_goodbye(conn, &reconnect_wanted);
    MQLONG reason = MQRC_NONE;
    handle_break(conn, &reason, 0);
  }
  pthread_mutex_unlock(&conn->lock);
}
