// RUN: %check_appsec_tidy %s appsec-format-string %t -- -- -std=gnu11
// hiredis 0.14 (Debian 12, /usr/include/hiredis): the command format of
// redisCommand and its family is a printf-like format that hiredis expands
// itself (no format attribute). Data passed through %s/%b stays one
// argument; data in the format can add arguments and commands.
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

void commands(redisContext *c, redisAsyncContext *ac, int sock) {
  char key[128] = {0};
  recv(sock, key, sizeof key - 1, 0);
  char cmd[256];
  snprintf(cmd, sizeof cmd, "GET %s", key);

  redisReply *r = redisCommand(c, cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: untrusted network data from recv() reaches redisCommand(), which uses it as a hiredis command format (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
  freeReplyObject(r);
  redisAppendCommand(c, cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: untrusted network data from recv() reaches redisAppendCommand(), which uses it as a hiredis command format {{.*}} [appsec-format-string]
  redisAsyncCommand(ac, NULL, NULL, cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: untrusted network data from recv() reaches redisAsyncCommand(), which uses it as a hiredis command format {{.*}} [appsec-format-string]
  char *formatted;
  redisFormatCommand(&formatted, cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: untrusted network data from recv() reaches redisFormatCommand(), which uses it as a hiredis command format {{.*}} [appsec-format-string]

  // The data as an argument of a fixed format, or of an argv command.
  r = redisCommand(c, "GET %s", key);
  freeReplyObject(r);
  redisAppendCommand(c, "SET last %b", key, strlen(key));
  redisAsyncCommand(ac, NULL, NULL, "GET %s", key);
  const char *argv[] = {"GET", key};
  size_t argvlen[] = {3, strlen(key)};
  r = redisCommandArgv(c, 2, argv, argvlen);
  freeReplyObject(r);
}

static redisContext *shared;

static void *command_va(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  void *reply = redisvCommand(shared, fmt, ap);
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: untrusted network data from recv() reaches redisvCommand(), which uses it as a hiredis command format {{.*}} [appsec-format-string]
  va_end(ap);
  return reply;
}

void wrapped(int sock) {
  char key[128] = {0};
  recv(sock, key, sizeof key - 1, 0);
  freeReplyObject(command_va(key));
  freeReplyObject(command_va("GET %s", key));
}
