/*
 * MQOPEN, MQCLOSE, MQINQ, MQSET. The application's object handles are the library's
 * own numbers: each maps to the server's handle of the current session, and a
 * reconnection opens them all again, so the application keeps using the same ones.
 */
#include <stdlib.h>
#include <string.h>
#include "standin.h"
#include "wire.h"

static standin_handle *allocate_handle(standin_connection *conn, MQHOBJ *hobj) {
  for (int i = 0; i < conn->handle_count; i++) {
    if (conn->handles[i].in_use) continue;
    *hobj = i + 1;
    return &conn->handles[i];
  }
  int count = conn->handle_count ? conn->handle_count * 2 : 16;
  standin_handle *grown = realloc(conn->handles, (size_t)count * sizeof *grown);
  if (!grown) return NULL;
  memset(grown + conn->handle_count, 0, (size_t)(count - conn->handle_count) * sizeof *grown);
  conn->handles = grown;
  *hobj = conn->handle_count + 1;
  conn->handle_count = count;
  return &conn->handles[*hobj - 1];
}

static int build_open(standin_connection *conn, const void *args) {
  const standin_handle *handle = args;
  unsigned char *at = frame_begin(&conn->out, WIRE_OP_OPEN, WIRE_OPEN_BYTES);
  if (!at) return -1;
  put_i32(at, handle->object_type);
  memcpy(at + 4, handle->object_name, 48);
  memcpy(at + 52, handle->object_qmgr, 48);
  put_i32(at + 100, handle->options);
  return 0;
}

void MQOPEN(MQHCONN hconn, PMQVOID object_descriptor, MQLONG options, PMQHOBJ hobj, PMQLONG cc, PMQLONG reason) {
  PMQOD od = object_descriptor;
  *hobj = MQHO_UNUSABLE_HOBJ;
  standin_connection *conn = begin_call(hconn, cc, reason);
  if (!conn) return;
  MQHOBJ number = MQHO_UNUSABLE_HOBJ;
  standin_handle *handle = allocate_handle(conn, &number);
  if (!handle) {
    fail_call(cc, reason, MQRC_STORAGE_NOT_AVAILABLE);
    return end_call(conn);
  }
  handle->object_type = od->ObjectType;
  memcpy(handle->object_name, od->ObjectName, MQ_OBJECT_NAME_LENGTH);
  memcpy(handle->object_qmgr, od->ObjectQMgrName, MQ_Q_MGR_NAME_LENGTH);
  handle->options = options;
  MQLONG why = MQRC_NONE;
  if (!perform(conn, build_open, handle, 0, &why)) {
    fail_call(cc, reason, why);
    return end_call(conn);
  }
  reply_status(conn, cc, reason);
  if (*cc != MQCC_FAILED) {
    const unsigned char *reply = conn->in.data + WIRE_REPLY_HEADER_BYTES;
    handle->server_hobj = get_i32(reply);
    memcpy(handle->resolved_q, reply + 4, 48);
    memcpy(handle->resolved_qmgr, reply + 52, 48);
    if (od->Version >= MQOD_VERSION_3) {
      memcpy(od->ResolvedQName, handle->resolved_q, 48);
      memcpy(od->ResolvedQMgrName, handle->resolved_qmgr, 48);
    }
    handle->in_use = 1;
    *hobj = number;
  }
  end_call(conn);
}

static int build_close(standin_connection *conn, const void *args) {
  const standin_handle *handle = args;
  unsigned char *at = frame_begin(&conn->out, WIRE_OP_CLOSE, WIRE_CLOSE_BYTES);
  if (!at) return -1;
  put_i32(at, handle->server_hobj);
  put_i32(at + 4, handle->options);
  return 0;
}

void MQCLOSE(MQHCONN hconn, PMQHOBJ hobj, MQLONG options, PMQLONG cc, PMQLONG reason) {
  (void)options;
  standin_connection *conn = begin_call(hconn, cc, reason);
  if (!conn) return;
  standin_handle *handle = find_handle(conn, *hobj);
  MQLONG why = MQRC_NONE;
  if (!handle) fail_call(cc, reason, MQRC_HOBJ_ERROR);
  else if (!perform(conn, build_close, handle, 0, &why)) fail_call(cc, reason, why);
  else reply_status(conn, cc, reason);
  if (handle && *cc != MQCC_FAILED) {
    handle->in_use = 0;
    *hobj = MQHO_UNUSABLE_HOBJ;
  }
  end_call(conn);
}

typedef struct {
  const standin_handle *handle;
  MQLONG selector_count;
  const MQLONG *selectors;
  MQLONG int_count;
  const MQLONG *ints; /* MQSET only */
  MQLONG char_length;
  const MQCHAR *chars; /* MQSET only */
  int op;
} attribute_request;

static int build_attributes(standin_connection *conn, const void *args) {
  const attribute_request *request = args;
  int with_values = request->op == WIRE_OP_SET;
  size_t bytes = WIRE_INQ_BYTES + 4 * (size_t)request->selector_count;
  if (with_values) bytes += 4 * (size_t)request->int_count + (size_t)request->char_length;
  unsigned char *at = frame_begin(&conn->out, request->op, bytes);
  if (!at) return -1;
  put_i32(at, request->handle->server_hobj);
  put_i32(at + 4, request->selector_count);
  put_i32(at + 8, request->int_count);
  put_i32(at + 12, request->char_length);
  at += WIRE_INQ_BYTES;
  for (MQLONG i = 0; i < request->selector_count; i++, at += 4) put_i32(at, request->selectors[i]);
  if (!with_values) return 0;
  for (MQLONG i = 0; i < request->int_count; i++, at += 4) put_i32(at, request->ints[i]);
  if (request->char_length > 0) memcpy(at, request->chars, (size_t)request->char_length);
  return 0;
}

static int check_attribute_counts(MQLONG selector_count, MQLONG int_count, MQLONG char_length, PMQLONG cc, PMQLONG reason) {
  if (selector_count < 0 || selector_count > 256) fail_call(cc, reason, MQRC_SELECTOR_COUNT_ERROR);
  else if (int_count < 0) fail_call(cc, reason, MQRC_INT_ATTR_COUNT_ERROR);
  else if (char_length < 0) fail_call(cc, reason, MQRC_CHAR_ATTR_LENGTH_ERROR);
  else return 1;
  return 0;
}

void MQINQ(MQHCONN hconn, MQHOBJ hobj, MQLONG selector_count, PMQLONG selectors, MQLONG int_count, PMQLONG ints,
           MQLONG char_length, PMQCHAR chars, PMQLONG cc, PMQLONG reason) {
  if (!check_attribute_counts(selector_count, int_count, char_length, cc, reason)) return;
  standin_connection *conn = begin_call(hconn, cc, reason);
  if (!conn) return;
  standin_handle *handle = find_handle(conn, hobj);
  attribute_request request = {handle, selector_count, selectors, int_count, NULL, char_length, NULL, WIRE_OP_INQ};
  MQLONG why = MQRC_NONE;
  if (!handle) fail_call(cc, reason, MQRC_HOBJ_ERROR);
  else if (!perform(conn, build_attributes, &request, 0, &why)) fail_call(cc, reason, why);
  else {
    reply_status(conn, cc, reason);
  }
  if (handle && *cc != MQCC_FAILED) {
    const unsigned char *reply = conn->in.data + WIRE_REPLY_HEADER_BYTES;
    MQLONG returned_ints = get_i32(reply);
    for (MQLONG i = 0; i < returned_ints && i < int_count; i++) ints[i] = get_i32(reply + 4 + 4 * i);
    const unsigned char *char_part = reply + 4 + 4 * returned_ints;
    MQLONG returned_chars = get_i32(char_part);
    MQLONG copied = returned_chars < char_length ? returned_chars : char_length;
    if (copied > 0) memcpy(chars, char_part + 4, (size_t)copied);
  }
  end_call(conn);
}

void MQSET(MQHCONN hconn, MQHOBJ hobj, MQLONG selector_count, PMQLONG selectors, MQLONG int_count, PMQLONG ints,
           MQLONG char_length, PMQCHAR chars, PMQLONG cc, PMQLONG reason) {
  if (!check_attribute_counts(selector_count, int_count, char_length, cc, reason)) return;
  standin_connection *conn = begin_call(hconn, cc, reason);
  if (!conn) return;
  standin_handle *handle = find_handle(conn, hobj);
  attribute_request request = {handle, selector_count, selectors, int_count, ints, char_length, chars, WIRE_OP_SET};
  MQLONG why = MQRC_NONE;
  if (!handle) fail_call(cc, reason, MQRC_HOBJ_ERROR);
  else if (!perform(conn, build_attributes, &request, 0, &why)) fail_call(cc, reason, why);
  else reply_status(conn, cc, reason);
  end_call(conn);
}
