// Every C/POSIX source family reaching one sink, and sinks not covered elsewhere.
// RUN: %check_appsec_tidy %s appsec-command-injection %t -- -- -std=gnu11 -D_GNU_SOURCE
#include <netinet/in.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <wordexp.h>

extern char **environ;

void sources(int sock, FILE *in) {
  char a[64], b[64], c[64], d[64], e[64];
  struct sockaddr_in peer;
  socklen_t len = sizeof peer;
  recvfrom(sock, a, sizeof a, 0, (struct sockaddr *)&peer, &len);
  system(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted network data from recvfrom() reaches system(), {{.*}}
  scanf("%63s", b);
  system(b);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted console input from scanf() reaches system(), {{.*}}
  fread(c, 1, sizeof c - 1, in);
  system(c);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted file contents from fread() reaches system(), {{.*}}
  fscanf(stdin, "%63s", d);
  system(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted console input from fscanf() reaches system(), {{.*}}
  char *line = NULL;
  size_t cap = 0;
  getline(&line, &cap, stdin);
  system(line);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted console input from getline() reaches system(), {{.*}}
  system(secure_getenv("HOOK"));
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted environment data from secure_getenv() reaches system(), {{.*}}
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  read(fd, e, sizeof e - 1);
  system(e);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted network data from read() reaches system(), {{.*}}
}

void propagation_through_sscanf(int sock) {
  char raw[64], word[64];
  recv(sock, raw, sizeof raw - 1, 0);
  sscanf(raw, "cmd=%63s", word);
  system(word);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: untrusted network data from recv() reaches system(), {{.*}}
}

void more_sinks(int sock) {
  char arg[64];
  recv(sock, arg, sizeof arg - 1, 0);
  wordexp_t w;
  wordexp(arg, &w, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: untrusted network data from recv() reaches wordexp(), which expands it like a shell {{.*}}
  pid_t pid;
  char *argv_sh[] = {"sh", "-c", arg, NULL};
  posix_spawn(&pid, "/bin/sh", NULL, NULL, argv_sh, environ);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: untrusted network data from recv() reaches posix_spawn(), {{.*}}
  char *argv_tool[] = {"convert", arg, NULL};
  posix_spawn(&pid, "/usr/bin/convert", NULL, NULL, argv_tool, environ); // not a shell
}

void scanf_number_is_not_a_string(void) {
  int n;
  char cmd[64];
  scanf("%d", &n);
  snprintf(cmd, sizeof cmd, "kill %d", n);
  system(cmd);
}
