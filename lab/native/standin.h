/*
 * mqchaos lab stand-in for the MQ client library (libmqm_r.so): shared declarations.
 * An application's connection (hConn) is one TCP connection to a lab listener; every
 * MQI call is one request and one reply on it (wire.h). See lab/native/README.md.
 */
#ifndef MQCHAOS_STANDIN_H
#define MQCHAOS_STANDIN_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <cmqc.h>
#include <cmqxc.h>

#define STANDIN_MAX_CONNECTIONS 1024
#define STANDIN_MAX_ADDRESSES 16
#define STANDIN_MAX_DELAYS 16
#define STANDIN_HCONN_BASE 0x4c00000

typedef struct {
  char host[256];
  char port[8];
  char display[MQ_CONN_NAME_LENGTH + 1]; /* host(port) as written */
} standin_address;

/* mqclient.ini CHANNELS stanza, with the stand-in's defaults. */
typedef struct {
  int delays_ms[STANDIN_MAX_DELAYS];
  int delay_count;
  int reconnect_timeout_s;
  int def_recon; /* -1 unset, else MQRCN_* */
} standin_client_config;

typedef struct {
  MQLONG server_hobj;
  MQLONG object_type;
  char object_name[MQ_OBJECT_NAME_LENGTH];
  char object_qmgr[MQ_Q_MGR_NAME_LENGTH];
  MQLONG options;
  char resolved_q[MQ_Q_NAME_LENGTH];
  char resolved_qmgr[MQ_Q_MGR_NAME_LENGTH];
  int in_use;
} standin_handle;

typedef enum { CONN_CONNECTED, CONN_BROKEN, CONN_RECONNECT_FAILED } standin_state;

typedef struct {
  unsigned char *data;
  size_t length;
  size_t capacity;
} standin_buffer;

typedef struct standin_connection {
  int references; /* under the table lock; freed at zero once unregistered */
  int registered;
  pthread_mutex_t lock; /* one MQI call at a time, and the reconnection */
  pthread_mutex_t status_lock; /* MQSTAT and cancellation, never held across I/O */
  pthread_cond_t cancel_cond;
  int fd;
  unsigned generation; /* bumped with every new socket */
  unsigned monitor_skip_generation;
  standin_state state;
  MQLONG broken_reason;
  int reconnect_kind; /* WIRE_RECONNECT_* */
  int cancelled;
  char requested_qmgr[MQ_Q_MGR_NAME_LENGTH];
  char channel[MQ_CHANNEL_NAME_LENGTH];
  char appl_name[MQ_APPL_NAME_LENGTH];
  MQLONG cno_options;
  standin_address addresses[STANDIN_MAX_ADDRESSES];
  int address_count;
  int address_index; /* connected to */
  char qmgr_name[MQ_Q_MGR_NAME_LENGTH];
  char qmid[MQ_Q_MGR_NAME_LENGTH];
  uint32_t conn_id;
  int in_uow; /* syncpoint work since the last commit or backout */
  int uow_backed_out; /* the unit of work was lost with a broken connection */
  standin_handle *handles;
  int handle_count;
  standin_buffer out;
  standin_buffer in;
  size_t in_frame; /* bytes of `in` taken by the last reply */
  int goodbye_reconnect; /* the server said whether to reconnect when it ended the connection */
  /* MQSTAT_TYPE_RECONNECTION and _ERROR, under status_lock */
  MQLONG recon_cc, recon_reason;
  MQLONG recon_error_cc, recon_error_reason;
  char recon_qmgr[MQ_Q_MGR_NAME_LENGTH];
  char recon_address[MQ_OBJECT_NAME_LENGTH];
} standin_connection;

/* outcome of one request/reply exchange */
typedef enum { EXCHANGE_OK, EXCHANGE_BROKEN } standin_exchange;

/* what to do with a call the broken connection interrupted */
typedef enum { CALL_REDRIVE, CALL_FAIL } standin_after_break;

/* buffer.c */
int buffer_reserve(standin_buffer *buffer, size_t capacity);
unsigned char *frame_begin(standin_buffer *out, int op, size_t fixed_bytes);
void put_i32(unsigned char *at, int32_t value);
int32_t get_i32(const unsigned char *at);
void put_chars(unsigned char *at, const char *source, size_t length);

/* client-config.c */
void load_client_config(standin_client_config *config);
int parse_connection_names(const char *names, size_t length, standin_address *addresses, int max);
int read_mqserver_env(char *channel, standin_address *addresses, int max, int *count);

/* transport.c */
int open_socket(const standin_address *address);
standin_exchange exchange(standin_connection *conn);
int socket_has_hangup(int fd);
MQLONG read_goodbye(standin_connection *conn, int *reconnect);
void close_socket(standin_connection *conn);

/* connection-table.c */
standin_connection *create_connection(void);
MQHCONN register_connection(standin_connection *conn);
standin_connection *acquire_connection(MQHCONN hconn);
void release_connection(standin_connection *conn);
void unregister_connection(MQHCONN hconn);

/* session.c */
MQLONG establish_session(standin_connection *conn, int reconnecting, int *answered);
MQLONG connect_first_available(standin_connection *conn);
void set_reconnect_status(standin_connection *conn, MQLONG cc, MQLONG reason);
void set_reconnect_error(standin_connection *conn, MQLONG reason);

/* reconnect.c */
standin_after_break handle_break(standin_connection *conn, MQLONG *reason, int outcome_matters);
MQLONG ensure_usable(standin_connection *conn);
void reconnect_idle_connection(standin_connection *conn, unsigned generation);

/* calls.c */
standin_connection *begin_call(MQHCONN hconn, MQLONG *cc, MQLONG *reason);
void end_call(standin_connection *conn);
void reply_status(standin_connection *conn, MQLONG *cc, MQLONG *reason);
standin_handle *find_handle(standin_connection *conn, MQHOBJ hobj);
#define PERFORM_OUTCOME_MATTERS 1 /* not to be sent again after a reconnection */
#define PERFORM_IN_UOW 2 /* part of a unit of work: backed out by a reconnection */
typedef int (*standin_build)(standin_connection *conn, const void *args);
int perform(standin_connection *conn, standin_build build, const void *args, int flags, MQLONG *reason);
void fail_call(MQLONG *cc, MQLONG *reason, MQLONG why);

#endif
