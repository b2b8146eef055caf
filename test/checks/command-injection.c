// RUN: %check_appsec_tidy %s appsec-command-injection %t -- -- -std=c11 -D_GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

// ---- sources reaching system()/popen() --------------------------------------

void from_socket(int sock) {
  char buf[100] = "ls ";
  size_t len = strlen(buf);
  recv(sock, buf + len, sizeof(buf) - len - 1, 0);
  system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted network data from recv() reaches system(), which runs it as a shell command (OS command injection, CWE-78); violates Atlassian requirement 8 (Validate untrusted data) [appsec-command-injection]
}

void from_env(void) {
  char cmd[256] = "grep -r ";
  strncat(cmd, getenv("PATTERN"), 100);
  FILE *p = popen(cmd, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted environment data from getenv() reaches popen(), which runs it as a shell command {{.*}}
  pclose(p);
}

void from_stdin_pointer_alias(void) {
  char dataBuffer[100] = "";
  char *data = dataBuffer;
  size_t dataLen = strlen(data);
  if (fgets(data + dataLen, (int)(100 - dataLen), stdin) != NULL) {
    data[strcspn(data, "\n")] = '\0';
  }
  system(dataBuffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted console input from fgets() reaches system(), {{.*}}
}

void from_file(void) {
  char line[128];
  FILE *f = fopen("/etc/jobs.conf", "r");
  if (f && fgets(line, sizeof line, f))
    system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: untrusted file contents from fgets() reaches system(), {{.*}}
}

void from_read_stdin(void) {
  char b[64] = {0};
  read(0, b, sizeof b - 1);
  system(b);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted console input from read() reaches system(), {{.*}}
}

// ---- exec*: arguments are code only when the program is a shell -------------

void exec_shell(int sock) {
  char arg[64];
  recv(sock, arg, sizeof arg, 0);
  execl("/bin/sh", "sh", "-c", arg, (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: untrusted network data from recv() reaches execl(), which executes it {{.*}}
  char *argv2[] = {"sh", "-c", arg, NULL};
  execv("/bin/sh", argv2);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: untrusted network data from recv() reaches execv(), {{.*}}
  execl(arg, "tool", (char *)NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: untrusted network data from recv() reaches execl(), {{.*}}
}

void exec_program_with_untrusted_argument(int sock) {
  char name[64];
  recv(sock, name, sizeof name, 0);
  // Not a shell: the value is one argv entry, not code.
  execl("/usr/bin/convert", "convert", name, "out.png", (char *)NULL);
}

// ---- flows through helpers (summaries) --------------------------------------

static void run(const char *command) {
  system(command);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted network data from recv() reaches system(), {{.*}}
}

static char *read_request(int sock, char *out) {
  recv(sock, out, 99, 0);
  return out;
}

void through_helpers(int sock) {
  char buf[100];
  char *cmd = read_request(sock, buf);
  run(cmd);
}

void through_function_pointer(int sock) {
  void (*fp)(const char *) = run;
  char buf[100];
  recv(sock, buf, 99, 0);
  fp(buf); // reported once, at the sink inside run()
}

static char *g_pending;
static void run_pending(void) {
  system(g_pending);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted network data from recv() reaches system(), {{.*}}
}
void through_global(int sock) {
  static char buf[100];
  recv(sock, buf, 99, 0);
  g_pending = buf;
  run_pending();
}

// ---- sanitizers, validation and dead code must stay silent -------------------

void numeric_conversion(int sock) {
  char buf[32], cmd[64];
  recv(sock, buf, sizeof buf - 1, 0);
  int pid = atoi(buf);
  snprintf(cmd, sizeof cmd, "kill -9 %d", pid);
  system(cmd);
}

void allow_list(int sock) {
  char mode[16];
  recv(sock, mode, sizeof mode - 1, 0);
  if (strcmp(mode, "start") != 0 && strcmp(mode, "stop") != 0)
    return;
  char cmd[64] = "service app ";
  strcat(cmd, mode);
  system(cmd);
}

int is_valid_job_name(const char *s);
void validator_function(int sock) {
  char job[32];
  recv(sock, job, sizeof job - 1, 0);
  if (!is_valid_job_name(job))
    return;
  char cmd[64] = "run-job ";
  strcat(cmd, job);
  system(cmd);
}

__attribute__((annotate("appsec::sanitizer:command"))) char *shell_quote(const char *s);
void annotated_sanitizer(int sock) {
  char arg[32];
  recv(sock, arg, sizeof arg - 1, 0);
  char cmd[128] = "echo ";
  strcat(cmd, shell_quote(arg));
  system(cmd);
}

static const int DEBUG = 0;
static int feature_enabled = 0;
static int always_false(void) { return 0; }
void dead_code(int sock) {
  char buf[100] = "ls";
  if (DEBUG)
    recv(sock, buf, 99, 0);
  if (feature_enabled)
    recv(sock, buf, 99, 0);
  if (always_false())
    recv(sock, buf, 99, 0);
  system(buf);
}

void overwritten(int sock) {
  char buf[100];
  recv(sock, buf, 99, 0);
  strcpy(buf, "uptime");
  system(buf);
}

void constant_command(void) {
  system("ls -l /tmp");
}

void suppressed(int sock) {
  char buf[100];
  recv(sock, buf, 99, 0);
  system(buf); // NOLINT(appsec-command-injection)
}

int main(int argc, char **argv) {
  char cmd[256] = "echo ";
  strcat(cmd, argv[1]);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted command-line input from 'argv' reaches system(), {{.*}}
  return 0;
}
