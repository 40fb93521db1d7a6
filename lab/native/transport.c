/* One TCP connection to a lab listener: connect, send a frame, read its reply. */
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include "standin.h"
#include "wire.h"

static const int CONNECT_TIMEOUT_S = 5;

/* Connected socket, or -1 when nothing answers at the address. */
int open_socket(const standin_address *address) {
  struct addrinfo hints, *found = NULL;
  memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(address->host, address->port, &hints, &found) != 0) return -1;
  int fd = -1;
  for (struct addrinfo *at = found; at; at = at->ai_next) {
    fd = socket(at->ai_family, at->ai_socktype | SOCK_CLOEXEC, at->ai_protocol);
    if (fd < 0) continue;
    struct timeval timeout = {CONNECT_TIMEOUT_S, 0};
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    if (connect(fd, at->ai_addr, at->ai_addrlen) == 0) break;
    close(fd);
    fd = -1;
  }
  freeaddrinfo(found);
  if (fd >= 0) {
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  }
  return fd;
}

void close_socket(standin_connection *conn) {
  if (conn->fd >= 0) close(conn->fd);
  conn->fd = -1;
  conn->in.length = 0;
  conn->in_frame = 0;
}

static int send_all(int fd, const unsigned char *data, size_t length) {
  while (length > 0) {
    ssize_t sent = send(fd, data, length, MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return -1;
    data += sent;
    length -= (size_t)sent;
  }
  return 0;
}

/* Reads until `in` holds at least `need` bytes. */
static int fill(standin_connection *conn, size_t need) {
  if (buffer_reserve(&conn->in, need) != 0) return -1;
  while (conn->in.length < need) {
    ssize_t got = recv(conn->fd, conn->in.data + conn->in.length, conn->in.capacity - conn->in.length, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return -1;
    conn->in.length += (size_t)got;
  }
  return 0;
}

/* Drops the previous reply, keeping any bytes that arrived after it. */
static void discard_previous_reply(standin_connection *conn) {
  if (conn->in_frame == 0) return;
  size_t rest = conn->in.length - conn->in_frame;
  if (rest > 0) memmove(conn->in.data, conn->in.data + conn->in_frame, rest);
  conn->in.length = rest;
  conn->in_frame = 0;
}

/* Reads one whole frame into `in`; its op, or -1 when the connection ended. */
static int read_frame(standin_connection *conn) {
  discard_previous_reply(conn);
  if (fill(conn, 4) != 0) return -1;
  uint32_t length = (uint32_t)get_i32(conn->in.data);
  if (length < 4 || length > WIRE_MAX_FRAME_BYTES) return -1;
  if (fill(conn, 4 + (size_t)length) != 0) return -1;
  conn->in_frame = 4 + (size_t)length;
  return conn->in.data[4];
}

static void note_goodbye(standin_connection *conn) {
  conn->broken_reason = conn->in_frame >= WIRE_REPLY_HEADER_BYTES ? get_i32(conn->in.data + 12) : MQRC_CONNECTION_BROKEN;
  conn->goodbye_reconnect = conn->in_frame >= WIRE_REPLY_HEADER_BYTES + WIRE_GOODBYE_BYTES
                                ? get_i32(conn->in.data + WIRE_REPLY_HEADER_BYTES) != 0
                                : 1;
}

/* Sends the frame in `out` and reads its reply into `in` (CompCode at +8, Reason at +12). */
standin_exchange exchange(standin_connection *conn) {
  int op = conn->out.data[4];
  put_i32(conn->out.data, (int32_t)(conn->out.length - 4));
  conn->broken_reason = MQRC_CONNECTION_BROKEN;
  conn->goodbye_reconnect = 1;
  if (conn->fd < 0 || send_all(conn->fd, conn->out.data, conn->out.length) != 0) return EXCHANGE_BROKEN;
  int reply = read_frame(conn);
  if (reply == (op | WIRE_REPLY) && conn->in_frame >= WIRE_REPLY_HEADER_BYTES) return EXCHANGE_OK;
  if (reply == WIRE_OP_GOODBYE) note_goodbye(conn);
  return EXCHANGE_BROKEN;
}

/* Whether the server has closed (or said goodbye on) an idle connection. */
int socket_has_hangup(int fd) {
  struct pollfd watch = {fd, POLLIN | POLLRDHUP, 0};
  return poll(&watch, 1, 0) > 0 && watch.revents != 0;
}

/* The reason an idle connection ended: the server's goodbye if it sent one, else 2009. */
MQLONG read_goodbye(standin_connection *conn, int *reconnect) {
  conn->broken_reason = MQRC_CONNECTION_BROKEN;
  conn->goodbye_reconnect = 1;
  if (conn->fd >= 0 && read_frame(conn) == WIRE_OP_GOODBYE) note_goodbye(conn);
  *reconnect = conn->goodbye_reconnect;
  return conn->broken_reason;
}
