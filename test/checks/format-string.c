// RUN: %check_appsec_tidy %s appsec-format-string %t -- -- -std=gnu11
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <syslog.h>
#include <wchar.h>

void direct(int sock) {
  char msg[128] = {0};
  recv(sock, msg, sizeof msg - 1, 0);
  printf(msg);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted network data from recv() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); violates Atlassian requirement 8 (Validate untrusted data) [appsec-format-string]
  fprintf(stderr, msg);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted network data from recv() reaches fprintf(), {{.*}}
  syslog(LOG_INFO, msg);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted network data from recv() reaches syslog(), {{.*}}
  char out[64];
  snprintf(out, sizeof out, msg);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: untrusted network data from recv() reaches snprintf(), {{.*}}
}

static void log_va(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vprintf(fmt, ap);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: untrusted environment data from getenv() reaches vprintf(), {{.*}}
  va_end(ap);
}

__attribute__((format(printf, 2, 3))) void app_log(int level, const char *fmt, ...);

void wrappers(void) {
  const char *lang = getenv("LANG");
  log_va(lang);
  app_log(1, lang);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: untrusted environment data from getenv() reaches app_log(), which uses it as a format string {{.*}}
}

void wide(void) {
  wchar_t buf[64];
  if (fgetws(buf, 64, stdin))
    wprintf(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: untrusted console input from fgetws() reaches wprintf(), {{.*}}
}

// ---- must stay silent --------------------------------------------------------

void as_argument(int sock) {
  char msg[128] = {0};
  recv(sock, msg, sizeof msg - 1, 0);
  printf("%s\n", msg);
  syslog(LOG_INFO, "%s", msg);
  app_log(1, "%s", msg);
}

void constant_format(void) {
  printf("hello %d\n", 42);
}
