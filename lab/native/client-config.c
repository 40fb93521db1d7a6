/*
 * Where the client connects and how it reconnects: MQCD.ConnectionName lists, the
 * MQSERVER variable, and the CHANNELS stanza of the mqclient.ini named by MQCLNTCF
 * (ReconDelay, MQReconnectTimeout, DefRecon), as IBM's client reads them.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "standin.h"

/* Observed default delays of IBM's client (9.2-era); the last repeats until the timeout. */
static const int DEFAULT_DELAYS_MS[] = {102, 831, 2262, 3984};
static const int DEFAULT_RECONNECT_TIMEOUT_S = 1800;

static char *trim(char *text) {
  while (isspace((unsigned char)*text)) text++;
  char *end = text + strlen(text);
  while (end > text && isspace((unsigned char)end[-1])) *--end = '\0';
  return text;
}

/* ReconDelay=(1000,200)(2000,200)(4000,1000): a delay plus a random part of up to the second number. */
static void parse_recon_delay(const char *value, standin_client_config *config) {
  unsigned seed = (unsigned)getpid();
  int count = 0;
  const char *at = value;
  while (count < STANDIN_MAX_DELAYS && (at = strchr(at, '(')) != NULL) {
    int base = 0, spread = 0;
    int fields = sscanf(at, "(%d,%d)", &base, &spread);
    if (fields < 1) break;
    if (fields == 1) spread = 0;
    config->delays_ms[count++] = base + (spread > 0 ? (int)(rand_r(&seed) % (unsigned)(spread + 1)) : 0);
    at++;
  }
  if (count > 0) config->delay_count = count;
}

static int parse_def_recon(const char *value) {
  if (strcasecmp(value, "YES") == 0) return MQRCN_YES;
  if (strcasecmp(value, "QMGR") == 0) return MQRCN_Q_MGR;
  if (strcasecmp(value, "DISABLED") == 0) return MQRCN_DISABLED;
  if (strcasecmp(value, "NO") == 0) return MQRCN_NO;
  return -1;
}

void load_client_config(standin_client_config *config) {
  memcpy(config->delays_ms, DEFAULT_DELAYS_MS, sizeof DEFAULT_DELAYS_MS);
  config->delay_count = (int)(sizeof DEFAULT_DELAYS_MS / sizeof DEFAULT_DELAYS_MS[0]);
  config->reconnect_timeout_s = DEFAULT_RECONNECT_TIMEOUT_S;
  config->def_recon = -1;
  const char *file = getenv("MQCLNTCF");
  if (!file || !*file) return;
  FILE *ini = fopen(file, "r");
  if (!ini) return;
  char line[512];
  int in_channels = 0;
  while (fgets(line, sizeof line, ini)) {
    char *text = trim(line);
    if (*text == '#' || *text == ';' || *text == '\0') continue;
    size_t length = strlen(text);
    if (text[length - 1] == ':') {
      text[length - 1] = '\0';
      in_channels = strcasecmp(trim(text), "CHANNELS") == 0;
      continue;
    }
    char *equals = strchr(text, '=');
    if (!in_channels || !equals) continue;
    *equals = '\0';
    char *key = trim(text), *value = trim(equals + 1);
    if (strcasecmp(key, "ReconDelay") == 0) parse_recon_delay(value, config);
    else if (strcasecmp(key, "MQReconnectTimeout") == 0) config->reconnect_timeout_s = atoi(value);
    else if (strcasecmp(key, "DefRecon") == 0) config->def_recon = parse_def_recon(value);
  }
  fclose(ini);
}

/* `host(port),host(port)`, blank padded to the field length; a missing port is 1414. */
int parse_connection_names(const char *names, size_t length, standin_address *addresses, int max) {
  char list[MQ_CONN_NAME_LENGTH + 1];
  if (length > MQ_CONN_NAME_LENGTH) length = MQ_CONN_NAME_LENGTH;
  memcpy(list, names, length);
  list[length] = '\0';
  int count = 0;
  char *save = NULL;
  for (char *item = strtok_r(list, ",", &save); item && count < max; item = strtok_r(NULL, ",", &save)) {
    char *entry = trim(item);
    if (*entry == '\0') continue;
    standin_address *address = &addresses[count];
    snprintf(address->display, sizeof address->display, "%s", entry);
    char *open = strchr(entry, '(');
    if (open) {
      *open = '\0';
      char *close = strchr(open + 1, ')');
      if (close) *close = '\0';
      snprintf(address->port, sizeof address->port, "%s", trim(open + 1));
    } else {
      snprintf(address->port, sizeof address->port, "1414");
    }
    snprintf(address->host, sizeof address->host, "%s", trim(entry));
    if (address->host[0] != '\0') count++;
  }
  return count;
}

/* MQSERVER=CHANNEL/TCP/conname: the client's fallback when the application gives no MQCD. */
int read_mqserver_env(char *channel, standin_address *addresses, int max, int *count) {
  const char *value = getenv("MQSERVER");
  if (!value) return -1;
  const char *first = strchr(value, '/');
  const char *second = first ? strchr(first + 1, '/') : NULL;
  if (!first || !second || (size_t)(first - value) > MQ_CHANNEL_NAME_LENGTH) return -1;
  put_chars((unsigned char *)channel, "", MQ_CHANNEL_NAME_LENGTH);
  memcpy(channel, value, (size_t)(first - value));
  *count = parse_connection_names(second + 1, strlen(second + 1), addresses, max);
  return *count > 0 ? 0 : -1;
}
