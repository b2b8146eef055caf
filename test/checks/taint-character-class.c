// RUN: %check_appsec_tidy %s appsec-command-injection,appsec-path-traversal,appsec-format-string %t -- -- -std=c11 -D_GNU_SOURCE
// Validation character by character, as C programs write it: a helper that
// returns -1 on the first character outside a class, and loops that leave
// the program when one is found. <ctype.h>'s isalnum and friends are macros
// over a table in C; the allowed characters are computed from the test.
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check(const char *s) {
  for (size_t i = 0; s[i] != '\0'; i++)
    if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '-')
      return -1;
  return 0;
}

// Allows '.' and '/': fine for a shell word, not for a path.
static int checkPath(const char *s) {
  for (size_t i = 0; i < strlen(s); i++)
    if (!(isalnum((unsigned char)s[i]) || s[i] == '.' || s[i] == '/'))
      return -1;
  return 0;
}

// Allows spaces: a second shell word gets through.
static int checkWords(const char *s) {
  for (size_t i = 0; s[i]; i++)
    if (!isalnum((unsigned char)s[i]) && s[i] != ' ')
      return -1;
  return 0;
}

static void readName(char *buf, size_t n) {
  if (!fgets(buf, (int)n, stdin))
    exit(1);
  buf[strcspn(buf, "\n")] = 0;
}

void helperNotZero(void) {
  char name[64], cmd[128];
  readName(name, sizeof name);
  if (check(name) != 0)
    return;
  snprintf(cmd, sizeof cmd, "ls -l /srv/%s", name);
  system(cmd);
}

void helperNegative(void) {
  char name[64], cmd[128];
  readName(name, sizeof name);
  if (check(name) < 0) {
    fprintf(stderr, "bad name\n");
    exit(1);
  }
  snprintf(cmd, sizeof cmd, "ls -l /srv/%s", name);
  system(cmd);
}

void helperMinusOne(void) {
  char name[64], cmd[128];
  readName(name, sizeof name);
  if (check(name) == -1)
    return;
  snprintf(cmd, sizeof cmd, "ls -l /srv/%s", name);
  system(cmd);
}

void helperWrongClass(void) {
  char name[64], cmd[128], path[128];
  readName(name, sizeof name);
  if (checkPath(name) != 0)
    return;
  snprintf(cmd, sizeof cmd, "ls -l /srv/%s", name);
  system(cmd);
  snprintf(path, sizeof path, "/srv/%s", name);
  fopen(path, "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: untrusted console input from fgets() reaches fopen(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
}

void helperSpaces(void) {
  char name[64], cmd[128];
  readName(name, sizeof name);
  if (checkWords(name) != 0)
    return;
  snprintf(cmd, sizeof cmd, "ls -l /srv/%s", name);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted console input from fgets() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
  printf(name);
}

// The result of the check is not looked at.
void helperIgnored(void) {
  char name[64], cmd[128];
  readName(name, sizeof name);
  check(name);
  snprintf(cmd, sizeof cmd, "ls -l /srv/%s", name);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted console input from fgets() reaches system(){{.*}} [appsec-command-injection]
}

int main(int argc, char **argv) {
  char cmd[128];
  if (argc < 2)
    return 1;
  // A pointer walks the argument; a bad character ends the program.
  const char *user = argv[1];
  for (const char *p = user; *p; ++p) {
    if (!isalnum((unsigned char)*p)) {
      fprintf(stderr, "bad user\n");
      exit(1);
    }
  }
  snprintf(cmd, sizeof cmd, "id %s", user);
  system(cmd);

  // The loop only stops at a bad character: the rest is used anyway.
  const char *group = getenv("GROUP");
  if (!group)
    return 1;
  for (size_t i = 0; group[i]; i++)
    if (!isalnum((unsigned char)group[i]))
      break;
  snprintf(cmd, sizeof cmd, "getent group %s", group);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted environment data from getenv() reaches system(){{.*}} [appsec-command-injection]

  // Only the first four characters are looked at.
  const char *host = getenv("PING_HOST");
  if (!host)
    return 1;
  for (int i = 0; i < 4; i++)
    if (!isalnum((unsigned char)host[i]))
      return 1;
  snprintf(cmd, sizeof cmd, "ping -c1 %s", host);
  system(cmd);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted environment data from getenv() reaches system(){{.*}} [appsec-command-injection]
  return 0;
}
