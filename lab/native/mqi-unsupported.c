/*
 * MQI verbs the lab does not model (asynchronous consume, publish/subscribe, message
 * handles and properties). The ibmmq package needs every symbol it looks up to be a
 * real MQI function: a missing one is replaced by a stub with another signature.
 */
#include "standin.h"

static void refuse(PMQLONG cc, PMQLONG reason) { fail_call(cc, reason, MQRC_FUNCTION_NOT_SUPPORTED); }

void MQCB(MQHCONN h, MQLONG op, PMQVOID cbd, MQHOBJ o, PMQVOID md, PMQVOID gmo, PMQLONG cc, PMQLONG reason) {
  (void)h, (void)op, (void)cbd, (void)o, (void)md, (void)gmo;
  refuse(cc, reason);
}

void MQCTL(MQHCONN h, MQLONG op, PMQVOID ctlo, PMQLONG cc, PMQLONG reason) {
  (void)h, (void)op, (void)ctlo;
  refuse(cc, reason);
}

void MQSUB(MQHCONN h, PMQVOID sd, PMQHOBJ o, PMQHOBJ sub, PMQLONG cc, PMQLONG reason) {
  (void)h, (void)sd, (void)o, (void)sub;
  refuse(cc, reason);
}

void MQSUBRQ(MQHCONN h, MQHOBJ sub, MQLONG action, PMQVOID sro, PMQLONG cc, PMQLONG reason) {
  (void)h, (void)sub, (void)action, (void)sro;
  refuse(cc, reason);
}

void MQCRTMH(MQHCONN h, PMQVOID cmho, PMQHMSG msg, PMQLONG cc, PMQLONG reason) {
  (void)h, (void)cmho, (void)msg;
  refuse(cc, reason);
}

void MQDLTMH(MQHCONN h, PMQHMSG msg, PMQVOID dmho, PMQLONG cc, PMQLONG reason) {
  (void)h, (void)msg, (void)dmho;
  refuse(cc, reason);
}

void MQSETMP(MQHCONN h, MQHMSG msg, PMQVOID smpo, PMQVOID name, PMQVOID pd, MQLONG type, MQLONG length, PMQVOID value,
             PMQLONG cc, PMQLONG reason) {
  (void)h, (void)msg, (void)smpo, (void)name, (void)pd, (void)type, (void)length, (void)value;
  refuse(cc, reason);
}

void MQDLTMP(MQHCONN h, MQHMSG msg, PMQVOID dmpo, PMQVOID name, PMQLONG cc, PMQLONG reason) {
  (void)h, (void)msg, (void)dmpo, (void)name;
  refuse(cc, reason);
}

void MQINQMP(MQHCONN h, MQHMSG msg, PMQVOID impo, PMQVOID name, PMQVOID pd, PMQLONG type, MQLONG length, PMQVOID value,
             PMQLONG data_length, PMQLONG cc, PMQLONG reason) {
  (void)h, (void)msg, (void)impo, (void)name, (void)pd, (void)type, (void)length, (void)value, (void)data_length;
  refuse(cc, reason);
}
