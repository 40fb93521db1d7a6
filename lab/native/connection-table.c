/*
 * The process's connections by hConn, and the monitor thread that notices when an idle
 * connection's queue manager goes away (as IBM's client's receive thread does), so that
 * reconnection starts at once rather than at the application's next call.
 */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include "standin.h"

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static standin_connection *table[STANDIN_MAX_CONNECTIONS];
static pthread_once_t monitor_once = PTHREAD_ONCE_INIT;
static int wake_pipe[2] = {-1, -1};
static const int MONITOR_IDLE_POLL_MS = 1000;

standin_connection *create_connection(void) {
  standin_connection *conn = calloc(1, sizeof *conn);
  if (!conn) return NULL;
  pthread_mutex_init(&conn->lock, NULL);
  pthread_mutex_init(&conn->status_lock, NULL);
  pthread_condattr_t attributes;
  pthread_condattr_init(&attributes);
  pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC);
  pthread_cond_init(&conn->cancel_cond, &attributes);
  pthread_condattr_destroy(&attributes);
  conn->fd = -1;
  conn->references = 1;
  return conn;
}

static void destroy_connection(standin_connection *conn) {
  free(conn->handles);
  free(conn->out.data);
  free(conn->in.data);
  pthread_mutex_destroy(&conn->lock);
  pthread_mutex_destroy(&conn->status_lock);
  pthread_cond_destroy(&conn->cancel_cond);
  free(conn);
}

static void wake_monitor(void) {
  if (wake_pipe[1] >= 0) {
    ssize_t ignored = write(wake_pipe[1], "w", 1);
    (void)ignored;
  }
}

static void *run_reconnect(void *argument) {
  standin_connection *conn = argument;
  reconnect_idle_connection(conn, conn->monitor_skip_generation);
  release_connection(conn);
  return NULL;
}

static void start_reconnect_thread(standin_connection *conn) {
  pthread_t thread;
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
  if (pthread_create(&thread, &attributes, run_reconnect, conn) != 0) release_connection(conn);
  pthread_attr_destroy(&attributes);
}

static void *run_monitor(void *unused) {
  (void)unused;
  struct pollfd watches[STANDIN_MAX_CONNECTIONS + 1];
  standin_connection *watched[STANDIN_MAX_CONNECTIONS + 1];
  unsigned watched_generation[STANDIN_MAX_CONNECTIONS + 1];
  for (;;) {
    int count = 0;
    watches[count++] = (struct pollfd){wake_pipe[0], POLLIN, 0};
    pthread_mutex_lock(&table_lock);
    for (int i = 0; i < STANDIN_MAX_CONNECTIONS; i++) {
      standin_connection *conn = table[i];
      if (!conn || conn->state != CONN_CONNECTED || conn->fd < 0) continue;
      if (conn->monitor_skip_generation == conn->generation) continue;
      conn->references++; /* held while watched: an MQDISC meanwhile must not free it */
      watched[count] = conn;
      watched_generation[count] = conn->generation;
      watches[count++] = (struct pollfd){conn->fd, POLLRDHUP, 0};
    }
    pthread_mutex_unlock(&table_lock);
    int ready = poll(watches, (nfds_t)count, MONITOR_IDLE_POLL_MS);
    if (ready > 0 && watches[0].revents) {
      char drained[64];
      while (read(wake_pipe[0], drained, sizeof drained) > 0) {}
    }
    for (int i = 1; i < count; i++) {
      standin_connection *conn = watched[i];
      int triggered = 0;
      if (ready > 0 && watches[i].revents) {
        pthread_mutex_lock(&table_lock);
        triggered = conn->registered && conn->generation == watched_generation[i];
        if (triggered) conn->monitor_skip_generation = watched_generation[i];
        pthread_mutex_unlock(&table_lock);
      }
      if (triggered) start_reconnect_thread(conn); /* the thread takes over the reference */
      else release_connection(conn);
    }
  }
  return NULL;
}

static void start_monitor(void) {
  if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return;
  pthread_t thread;
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
  pthread_create(&thread, &attributes, run_monitor, NULL);
  pthread_attr_destroy(&attributes);
}

MQHCONN register_connection(standin_connection *conn) {
  pthread_once(&monitor_once, start_monitor);
  pthread_mutex_lock(&table_lock);
  MQHCONN hconn = MQHC_UNUSABLE_HCONN;
  for (int i = 0; i < STANDIN_MAX_CONNECTIONS; i++) {
    if (table[i]) continue;
    table[i] = conn;
    conn->registered = 1;
    hconn = STANDIN_HCONN_BASE + i;
    break;
  }
  pthread_mutex_unlock(&table_lock);
  wake_monitor();
  return hconn;
}

static int slot_of(MQHCONN hconn) {
  int slot = hconn - STANDIN_HCONN_BASE;
  return slot >= 0 && slot < STANDIN_MAX_CONNECTIONS ? slot : -1;
}

/* The connection with one more reference, or NULL for an unknown hConn. */
standin_connection *acquire_connection(MQHCONN hconn) {
  int slot = slot_of(hconn);
  if (slot < 0) return NULL;
  pthread_mutex_lock(&table_lock);
  standin_connection *conn = table[slot];
  if (conn) conn->references++;
  pthread_mutex_unlock(&table_lock);
  return conn;
}

void release_connection(standin_connection *conn) {
  pthread_mutex_lock(&table_lock);
  int last = --conn->references == 0;
  pthread_mutex_unlock(&table_lock);
  if (last) destroy_connection(conn);
}

/* Forgets the hConn; the connection goes when its last user releases it. */
void unregister_connection(MQHCONN hconn) {
  int slot = slot_of(hconn);
  if (slot < 0) return;
  pthread_mutex_lock(&table_lock);
  standin_connection *conn = table[slot];
  table[slot] = NULL;
  if (conn) conn->registered = 0;
  pthread_mutex_unlock(&table_lock);
  wake_monitor();
  if (conn) release_connection(conn);
}
