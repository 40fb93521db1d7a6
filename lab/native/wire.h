/*
 * The lab's MQI wire protocol, as the stand-in client library speaks it.
 * The same definitions live in lab/mq/wire-protocol.ts; a test keeps them equal.
 *
 * A frame is a little-endian u32 length (of what follows), then a u8 op and three
 * padding bytes, then the op's fixed fields. A reply carries the request's op with
 * WIRE_REPLY set, then CompCode and Reason (i32 each), then the op's reply fields.
 * One request is in flight per connection at a time; the server only ever sends a
 * frame of its own (WIRE_OP_GOODBYE) just before it closes the connection.
 */
#ifndef MQCHAOS_WIRE_H
#define MQCHAOS_WIRE_H

#define WIRE_PROTOCOL_VERSION 1
#define WIRE_HEADER_BYTES 8 /* u32 length + u8 op + 3 padding */
#define WIRE_REPLY_HEADER_BYTES 16 /* header + i32 CompCode + i32 Reason */
#define WIRE_MAX_FRAME_BYTES (110 * 1024 * 1024)

#define WIRE_REPLY 0x80
#define WIRE_OP_CONNECT 1
#define WIRE_OP_DISCONNECT 2
#define WIRE_OP_OPEN 3
#define WIRE_OP_CLOSE 4
#define WIRE_OP_PUT 5
#define WIRE_OP_PUT1 6
#define WIRE_OP_GET 7
#define WIRE_OP_INQ 8
#define WIRE_OP_SET 9
#define WIRE_OP_BEGIN 10
#define WIRE_OP_COMMIT 11
#define WIRE_OP_BACKOUT 12
#define WIRE_OP_GOODBYE 127

/* CONNECT: version, qm name, channel, MQCNO options, application name, pid,
   previous connection id (0 = a new connection), reconnect kind, QMID required. */
#define WIRE_CONNECT_BYTES (4 + 48 + 20 + 4 + 28 + 4 + 4 + 4 + 48)
/* CONNECT reply: qm name, QMID, connection id. */
#define WIRE_CONNECT_REPLY_BYTES (48 + 48 + 4)
#define WIRE_RECONNECT_NONE 0
#define WIRE_RECONNECT_ANY 1
#define WIRE_RECONNECT_SAME_QMGR 2

/* An object descriptor: type, name, queue manager name. */
#define WIRE_OD_BYTES (4 + 48 + 48)
/* OPEN: od, options. Reply: server hobj, resolved queue, resolved queue manager. */
#define WIRE_OPEN_BYTES (WIRE_OD_BYTES + 4)
#define WIRE_OPEN_REPLY_BYTES (4 + 48 + 48)
/* CLOSE: hobj, options. */
#define WIRE_CLOSE_BYTES 8

/* The message descriptor fields the lab keeps, in its own layout. */
#define WIRE_MD_BYTES 256
#define WIRE_MD_MSG_ID 0
#define WIRE_MD_CORREL_ID 24
#define WIRE_MD_PERSISTENCE 48
#define WIRE_MD_PRIORITY 52
#define WIRE_MD_EXPIRY 56
#define WIRE_MD_MSG_TYPE 60
#define WIRE_MD_REPORT 64
#define WIRE_MD_FEEDBACK 68
#define WIRE_MD_ENCODING 72
#define WIRE_MD_CCSID 76
#define WIRE_MD_BACKOUT_COUNT 80
#define WIRE_MD_PUT_APPL_TYPE 84
#define WIRE_MD_FORMAT 88
#define WIRE_MD_REPLY_TO_Q 96
#define WIRE_MD_REPLY_TO_QMGR 144
#define WIRE_MD_USER_IDENTIFIER 192
#define WIRE_MD_PUT_APPL_NAME 204
#define WIRE_MD_PUT_DATE 232
#define WIRE_MD_PUT_TIME 240

/* PUT: hobj, put-message options, md, data length, data. Reply: md as put. */
#define WIRE_PUT_BYTES (4 + 4 + WIRE_MD_BYTES + 4)
/* PUT1: od, put-message options, md, data length, data. Reply: md as put. */
#define WIRE_PUT1_BYTES (WIRE_OD_BYTES + 4 + WIRE_MD_BYTES + 4)
/* GET: hobj, get-message options, wait interval ms, match options, MsgId,
   CorrelId, buffer length. Reply: data length, md, then the data (at most the buffer). */
#define WIRE_GET_BYTES (4 + 4 + 4 + 4 + 24 + 24 + 4)
#define WIRE_GET_REPLY_BYTES (4 + WIRE_MD_BYTES)
/* INQ: hobj, selector count, int count, char length, selectors.
   Reply: int count, ints, char length, chars. */
#define WIRE_INQ_BYTES 16
/* SET: hobj, selector count, int count, char length, selectors, ints, chars. */
#define WIRE_SET_BYTES 16
/* GOODBYE: whether a reconnectable client should reconnect (0/1). */
#define WIRE_GOODBYE_BYTES 4

#endif
