/*
 * MQPUT, MQPUT1 and MQGET. Message descriptors travel in the lab's own layout (wire.h);
 * the application's MQMD (version 1 or 2) is read and written field by field.
 */
#include <string.h>
#include <time.h>
#include "standin.h"
#include "wire.h"

static void md_to_wire(const MQMD *md, unsigned char *w) {
  memcpy(w + WIRE_MD_MSG_ID, md->MsgId, 24);
  memcpy(w + WIRE_MD_CORREL_ID, md->CorrelId, 24);
  put_i32(w + WIRE_MD_PERSISTENCE, md->Persistence);
  put_i32(w + WIRE_MD_PRIORITY, md->Priority);
  put_i32(w + WIRE_MD_EXPIRY, md->Expiry);
  put_i32(w + WIRE_MD_MSG_TYPE, md->MsgType);
  put_i32(w + WIRE_MD_REPORT, md->Report);
  put_i32(w + WIRE_MD_FEEDBACK, md->Feedback);
  put_i32(w + WIRE_MD_ENCODING, md->Encoding);
  put_i32(w + WIRE_MD_CCSID, md->CodedCharSetId);
  put_i32(w + WIRE_MD_BACKOUT_COUNT, md->BackoutCount);
  put_i32(w + WIRE_MD_PUT_APPL_TYPE, md->PutApplType);
  memcpy(w + WIRE_MD_FORMAT, md->Format, 8);
  memcpy(w + WIRE_MD_REPLY_TO_Q, md->ReplyToQ, 48);
  memcpy(w + WIRE_MD_REPLY_TO_QMGR, md->ReplyToQMgr, 48);
  memcpy(w + WIRE_MD_USER_IDENTIFIER, md->UserIdentifier, 12);
  memcpy(w + WIRE_MD_PUT_APPL_NAME, md->PutApplName, 28);
  memcpy(w + WIRE_MD_PUT_DATE, md->PutDate, 8);
  memcpy(w + WIRE_MD_PUT_TIME, md->PutTime, 8);
}

/* What MQPUT returns in the descriptor: identifiers and the context the queue manager set. */
static void put_outputs_from_wire(const unsigned char *w, MQMD *md) {
  memcpy(md->MsgId, w + WIRE_MD_MSG_ID, 24);
  memcpy(md->CorrelId, w + WIRE_MD_CORREL_ID, 24);
  md->PutApplType = get_i32(w + WIRE_MD_PUT_APPL_TYPE);
  memcpy(md->UserIdentifier, w + WIRE_MD_USER_IDENTIFIER, 12);
  memcpy(md->PutApplName, w + WIRE_MD_PUT_APPL_NAME, 28);
  memcpy(md->PutDate, w + WIRE_MD_PUT_DATE, 8);
  memcpy(md->PutTime, w + WIRE_MD_PUT_TIME, 8);
}

static void md_from_wire(const unsigned char *w, MQMD *md) {
  put_outputs_from_wire(w, md);
  md->Persistence = get_i32(w + WIRE_MD_PERSISTENCE);
  md->Priority = get_i32(w + WIRE_MD_PRIORITY);
  md->Expiry = get_i32(w + WIRE_MD_EXPIRY);
  md->MsgType = get_i32(w + WIRE_MD_MSG_TYPE);
  md->Report = get_i32(w + WIRE_MD_REPORT);
  md->Feedback = get_i32(w + WIRE_MD_FEEDBACK);
  md->Encoding = get_i32(w + WIRE_MD_ENCODING);
  md->CodedCharSetId = get_i32(w + WIRE_MD_CCSID);
  md->BackoutCount = get_i32(w + WIRE_MD_BACKOUT_COUNT);
  memcpy(md->Format, w + WIRE_MD_FORMAT, 8);
  memcpy(md->ReplyToQ, w + WIRE_MD_REPLY_TO_Q, 48);
  memcpy(md->ReplyToQMgr, w + WIRE_MD_REPLY_TO_QMGR, 48);
}

typedef struct {
  const standin_handle *handle; /* MQPUT */
  const MQOD *od; /* MQPUT1 */
  const MQMD *md;
  MQLONG pmo_options;
  MQLONG length;
  const void *data;
} put_request;

static int build_put(standin_connection *conn, const void *args) {
  const put_request *request = args;
  int op = request->od ? WIRE_OP_PUT1 : WIRE_OP_PUT;
  size_t fixed = request->od ? WIRE_PUT1_BYTES : WIRE_PUT_BYTES;
  unsigned char *at = frame_begin(&conn->out, op, fixed + (size_t)request->length);
  if (!at) return -1;
  if (request->od) {
    put_i32(at, request->od->ObjectType);
    memcpy(at + 4, request->od->ObjectName, 48);
    memcpy(at + 52, request->od->ObjectQMgrName, 48);
    at += WIRE_OD_BYTES;
  } else {
    put_i32(at, request->handle->server_hobj);
    at += 4;
  }
  put_i32(at, request->pmo_options);
  md_to_wire(request->md, at + 4);
  put_i32(at + 4 + WIRE_MD_BYTES, request->length);
  if (request->length > 0) memcpy(at + 8 + WIRE_MD_BYTES, request->data, (size_t)request->length);
  return 0;
}

static int in_syncpoint_put(MQLONG options) { return (options & MQPMO_SYNCPOINT) != 0; }

/* A put whose outcome matters: persistent outside syncpoint (inside, the whole unit of work is at stake). */
static int put_flags(const MQMD *md, MQLONG options) {
  if (in_syncpoint_put(options)) return PERFORM_IN_UOW;
  return md->Persistence == MQPER_NOT_PERSISTENT ? 0 : PERFORM_OUTCOME_MATTERS;
}

static void run_put(standin_connection *conn, put_request *request, PMQMD md, PMQPMO pmo, PMQLONG cc, PMQLONG reason) {
  MQLONG why = MQRC_NONE;
  if (!perform(conn, build_put, request, put_flags(md, request->pmo_options), &why)) return fail_call(cc, reason, why);
  reply_status(conn, cc, reason);
  if (*cc == MQCC_FAILED) return;
  put_outputs_from_wire(conn->in.data + WIRE_REPLY_HEADER_BYTES, md);
  if (in_syncpoint_put(request->pmo_options)) conn->in_uow = 1;
  if (request->handle) {
    memcpy(pmo->ResolvedQName, request->handle->resolved_q, 48);
    memcpy(pmo->ResolvedQMgrName, request->handle->resolved_qmgr, 48);
  }
}

void MQPUT(MQHCONN hconn, MQHOBJ hobj, PMQVOID msg_desc, PMQVOID put_options, MQLONG length, PMQVOID buffer, PMQLONG cc,
           PMQLONG reason) {
  PMQMD md = msg_desc;
  PMQPMO pmo = put_options;
  standin_connection *conn = begin_call(hconn, cc, reason);
  if (!conn) return;
  standin_handle *handle = find_handle(conn, hobj);
  put_request request = {handle, NULL, md, pmo->Options, length, buffer};
  if (!handle) fail_call(cc, reason, MQRC_HOBJ_ERROR);
  else if (length < 0) fail_call(cc, reason, MQRC_BUFFER_LENGTH_ERROR);
  else run_put(conn, &request, md, pmo, cc, reason);
  end_call(conn);
}

void MQPUT1(MQHCONN hconn, PMQVOID object_descriptor, PMQVOID msg_desc, PMQVOID put_options, MQLONG length, PMQVOID buffer,
            PMQLONG cc, PMQLONG reason) {
  PMQMD md = msg_desc;
  PMQPMO pmo = put_options;
  standin_connection *conn = begin_call(hconn, cc, reason);
  if (!conn) return;
  put_request request = {NULL, object_descriptor, md, pmo->Options, length, buffer};
  if (length < 0) fail_call(cc, reason, MQRC_BUFFER_LENGTH_ERROR);
  else run_put(conn, &request, md, pmo, cc, reason);
  end_call(conn);
}

typedef struct {
  const standin_handle *handle;
  const MQMD *md;
  MQLONG options;
  MQLONG match_options;
  MQLONG wait_ms;
  struct timespec started;
  MQLONG buffer_length;
} get_request;

/* The wait left after time already spent (a get sent again after a reconnection). */
static MQLONG remaining_wait(const get_request *request) {
  if (!(request->options & MQGMO_WAIT) || request->wait_ms <= 0) return request->wait_ms;
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  long long spent = (long long)(now.tv_sec - request->started.tv_sec) * 1000 + (now.tv_nsec - request->started.tv_nsec) / 1000000;
  return spent >= request->wait_ms ? 0 : request->wait_ms - (MQLONG)spent;
}

static int build_get(standin_connection *conn, const void *args) {
  const get_request *request = args;
  unsigned char *at = frame_begin(&conn->out, WIRE_OP_GET, WIRE_GET_BYTES);
  if (!at) return -1;
  put_i32(at, request->handle->server_hobj);
  put_i32(at + 4, request->options);
  put_i32(at + 8, remaining_wait(request));
  put_i32(at + 12, request->match_options);
  memcpy(at + 16, request->md->MsgId, 24);
  memcpy(at + 40, request->md->CorrelId, 24);
  put_i32(at + 64, request->buffer_length);
  return 0;
}

void MQGET(MQHCONN hconn, MQHOBJ hobj, PMQVOID msg_desc, PMQVOID get_options, MQLONG buffer_length, PMQVOID buffer,
           PMQLONG data_length, PMQLONG cc, PMQLONG reason) {
  PMQMD md = msg_desc;
  PMQGMO gmo = get_options;
  standin_connection *conn = begin_call(hconn, cc, reason);
  if (!conn) return;
  standin_handle *handle = find_handle(conn, hobj);
  MQLONG match = gmo->Version >= MQGMO_VERSION_2 ? gmo->MatchOptions : (MQMO_MATCH_MSG_ID | MQMO_MATCH_CORREL_ID);
  get_request request = {handle, md, gmo->Options, match, gmo->WaitInterval, {0, 0}, buffer_length};
  clock_gettime(CLOCK_MONOTONIC, &request.started);
  int flags = (gmo->Options & MQGMO_SYNCPOINT) ? PERFORM_IN_UOW : 0;
  MQLONG why = MQRC_NONE;
  if (!handle) fail_call(cc, reason, MQRC_HOBJ_ERROR);
  else if (buffer_length < 0) fail_call(cc, reason, MQRC_BUFFER_LENGTH_ERROR);
  else if (!perform(conn, build_get, &request, flags, &why)) fail_call(cc, reason, why);
  else {
    reply_status(conn, cc, reason);
    const unsigned char *reply = conn->in.data + WIRE_REPLY_HEADER_BYTES;
    MQLONG length = get_i32(reply);
    if (length >= 0) {
      *data_length = length;
      md_from_wire(reply + 4, md);
      MQLONG copied = length < buffer_length ? length : buffer_length;
      if (copied > 0) memcpy(buffer, reply + WIRE_GET_REPLY_BYTES, (size_t)copied);
      if (gmo->Version >= MQGMO_VERSION_3) gmo->ReturnedLength = copied;
      memcpy(gmo->ResolvedQName, handle->resolved_q, 48);
      if (*cc != MQCC_FAILED && (gmo->Options & (MQGMO_SYNCPOINT | MQGMO_SYNCPOINT_IF_PERSISTENT)) &&
          ((gmo->Options & MQGMO_SYNCPOINT) || md->Persistence == MQPER_PERSISTENT) && !(gmo->Options & (MQGMO_BROWSE_FIRST | MQGMO_BROWSE_NEXT)))
        conn->in_uow = 1;
    }
  }
  end_call(conn);
}
