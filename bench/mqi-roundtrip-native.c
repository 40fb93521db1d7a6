/*
 * The floor under bench/mqi-roundtrip.ts: the same put+get loop calling the stand-in
 * library straight from C, without the ibmmq package. Usage: mqi-roundtrip-native CONNAME COUNT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmqc.h>
#include <cmqxc.h>

int main(int argc, char **argv) {
  if (argc != 3) return 2;
  MQCNO cno = {MQCNO_DEFAULT};
  MQCD cd = {MQCD_CLIENT_CONN_DEFAULT};
  cno.Version = MQCNO_VERSION_2;
  cno.ClientConnPtr = &cd;
  memset(cd.ChannelName, ' ', sizeof cd.ChannelName);
  memcpy(cd.ChannelName, "DEV.APP.SVRCONN", 15);
  memset(cd.ConnectionName, ' ', sizeof cd.ConnectionName);
  memcpy(cd.ConnectionName, argv[1], strlen(argv[1]));
  MQHCONN hconn;
  MQHOBJ hobj;
  MQLONG cc, reason, length;
  MQCHAR48 qmgr = "QM1";
  MQCONNX(qmgr, &cno, &hconn, &cc, &reason);
  if (cc == MQCC_FAILED) return fprintf(stderr, "MQCONNX %d\n", reason), 1;
  MQOD od = {MQOD_DEFAULT};
  strncpy(od.ObjectName, "DEV.QUEUE.1", MQ_Q_NAME_LENGTH);
  MQOPEN(hconn, &od, MQOO_OUTPUT | MQOO_INPUT_AS_Q_DEF, &hobj, &cc, &reason);
  if (cc == MQCC_FAILED) return fprintf(stderr, "MQOPEN %d\n", reason), 1;
  char body[100], buffer[1024];
  memset(body, 'x', sizeof body);
  int count = atoi(argv[2]);
  struct timespec started, ended;
  clock_gettime(CLOCK_MONOTONIC, &started);
  for (int i = 0; i < count; i++) {
    MQMD md = {MQMD_DEFAULT}, got = {MQMD_DEFAULT};
    MQPMO pmo = {MQPMO_DEFAULT};
    MQGMO gmo = {MQGMO_DEFAULT};
    pmo.Options = MQPMO_NO_SYNCPOINT | MQPMO_NEW_MSG_ID;
    MQPUT(hconn, hobj, &md, &pmo, sizeof body, body, &cc, &reason);
    if (cc == MQCC_FAILED) return fprintf(stderr, "MQPUT %d\n", reason), 1;
    MQGET(hconn, hobj, &got, &gmo, sizeof buffer, buffer, &length, &cc, &reason);
    if (cc == MQCC_FAILED) return fprintf(stderr, "MQGET %d\n", reason), 1;
  }
  clock_gettime(CLOCK_MONOTONIC, &ended);
  double seconds = (double)(ended.tv_sec - started.tv_sec) + (double)(ended.tv_nsec - started.tv_nsec) / 1e9;
  printf("{\"messages\":%d,\"seconds\":%f}\n", count, seconds);
  MQDISC(&hconn, &cc, &reason);
  return 0;
}
