/*
 * Establishing a session with a lab listener: the CONNECT handshake tried along the
 * connection-name list, re-opening the connection's object handles after a
 * reconnection, and the status MQSTAT reports about reconnection.
 */
#include <string.h>
#include <unistd.h>
#include "standin.h"
#include "wire.h"

static int build_connect(standin_connection *conn, int reconnecting) {
  unsigned char *at = frame_begin(&conn->out, WIRE_OP_CONNECT, WIRE_CONNECT_BYTES);
  if (!at) return -1;
  put_i32(at, WIRE_PROTOCOL_VERSION);
  memcpy(at + 4, conn->requested_qmgr, 48);
  memcpy(at + 52, conn->channel, 20);
  put_i32(at + 72, conn->cno_options);
  memcpy(at + 76, conn->appl_name, 28);
  put_i32(at + 104, (int32_t)getpid());
  put_i32(at + 108, reconnecting ? (int32_t)conn->conn_id : 0);
  put_i32(at + 112, conn->reconnect_kind);
  if (reconnecting && conn->reconnect_kind == WIRE_RECONNECT_SAME_QMGR) memcpy(at + 116, conn->qmid, 48);
  else put_chars(at + 116, "", 48);
  return 0;
}

/* Opens every handle the application holds again, in the order they were opened. */
static MQLONG reopen_handles(standin_connection *conn) {
  for (int i = 0; i < conn->handle_count; i++) {
    standin_handle *handle = &conn->handles[i];
    if (!handle->in_use) continue;
    unsigned char *at = frame_begin(&conn->out, WIRE_OP_OPEN, WIRE_OPEN_BYTES);
    if (!at) return MQRC_STORAGE_NOT_AVAILABLE;
    put_i32(at, handle->object_type);
    memcpy(at + 4, handle->object_name, 48);
    memcpy(at + 52, handle->object_qmgr, 48);
    put_i32(at + 100, handle->options);
    if (exchange(conn) != EXCHANGE_OK) return MQRC_CONNECTION_BROKEN;
    if (get_i32(conn->in.data + 8) == MQCC_FAILED) return get_i32(conn->in.data + 12);
    handle->server_hobj = get_i32(conn->in.data + WIRE_REPLY_HEADER_BYTES);
  }
  return MQRC_NONE;
}

/*
 * Tries each address in order until a listener accepts the connection. Returns MQRC_NONE,
 * or the reason to report: the last refusal a listener answered with (standby, wrong
 * queue manager, quiescing), else MQRC_HOST_NOT_AVAILABLE when nothing answered.
 */
MQLONG establish_session(standin_connection *conn, int reconnecting, int *answered) {
  MQLONG refusal = MQRC_HOST_NOT_AVAILABLE;
  *answered = 0;
  for (int i = 0; i < conn->address_count; i++) {
    conn->fd = open_socket(&conn->addresses[i]);
    if (conn->fd < 0) continue;
    conn->generation++;
    conn->in.length = 0;
    conn->in_frame = 0;
    MQLONG reason = MQRC_NONE;
    int listener_answered = 0;
    if (build_connect(conn, reconnecting) != 0) reason = MQRC_STORAGE_NOT_AVAILABLE;
    else if (exchange(conn) != EXCHANGE_OK) reason = MQRC_HOST_NOT_AVAILABLE;
    else if (get_i32(conn->in.data + 8) == MQCC_FAILED) {
      reason = get_i32(conn->in.data + 12);
      listener_answered = 1;
    }
    if (reason == MQRC_NONE) {
      const unsigned char *reply = conn->in.data + WIRE_REPLY_HEADER_BYTES;
      memcpy(conn->qmgr_name, reply, 48);
      memcpy(conn->qmid, reply + 48, 48);
      conn->conn_id = (uint32_t)get_i32(reply + 96);
      conn->address_index = i;
      if (reconnecting) reason = reopen_handles(conn);
      if (reason == MQRC_NONE) return MQRC_NONE;
      listener_answered = 1;
    }
    if (listener_answered) {
      refusal = reason;
      *answered = 1;
    }
    close_socket(conn);
  }
  return refusal;
}

MQLONG connect_first_available(standin_connection *conn) {
  int answered = 0;
  MQLONG reason = establish_session(conn, 0, &answered);
  if (reason == MQRC_NONE) conn->state = CONN_CONNECTED;
  return reason;
}

void set_reconnect_status(standin_connection *conn, MQLONG cc, MQLONG reason) {
  pthread_mutex_lock(&conn->status_lock);
  conn->recon_cc = cc;
  conn->recon_reason = reason;
  memcpy(conn->recon_qmgr, conn->qmgr_name, sizeof conn->recon_qmgr);
  put_chars((unsigned char *)conn->recon_address, conn->addresses[conn->address_index].display, sizeof conn->recon_address);
  pthread_mutex_unlock(&conn->status_lock);
}

void set_reconnect_error(standin_connection *conn, MQLONG reason) {
  pthread_mutex_lock(&conn->status_lock);
  conn->recon_error_cc = MQCC_FAILED;
  conn->recon_error_reason = reason;
  pthread_mutex_unlock(&conn->status_lock);
}
