// Options per check on the shared analysis. Sources (per check) chooses the
// labels a check counts; TaintStepBudget set for one check gives that check
// an engine of its own while the others keep sharing one walk.
//
// Defaults: both checks count every origin.
// RUN: %check_appsec_tidy -check-suffix=DEFAULT %s appsec-command-injection,appsec-path-traversal %t -- -- -std=gnu11
//
// command-injection counts remote data only, path-traversal local data only.
// RUN: %check_appsec_tidy -check-suffix=SPLIT %s appsec-command-injection,appsec-path-traversal %t -- \
// RUN:   --config="{CheckOptions: {appsec-command-injection.Sources: 'remote', appsec-path-traversal.Sources: 'local'}}" -- -std=gnu11
//
// A work budget too small for main's branches (the first block is always
// walked), for path-traversal only: its fopen(argv[2]) goes unseen while
// command-injection, on the shared engine, still sees system(argv[1]).
// RUN: %check_appsec_tidy -check-suffix=BUDGET %s appsec-command-injection,appsec-path-traversal %t -- \
// RUN:   --config="{CheckOptions: {appsec-path-traversal.TaintStepBudget: 2}}" -- -std=gnu11
//
// An unknown label is a configuration error; the check then counts all.
// RUN: %check_appsec_tidy -check-suffix=BAD -expect-clang-tidy-error %s appsec-command-injection %t -- \
// RUN:   --config="{CheckOptions: {appsec-command-injection.Sources: 'remote,socket'}}" -- -std=gnu11
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

// CHECK-MESSAGES-BAD: error: unknown label 'socket' in Sources; expected auto, all, remote, local or label names (network, file, environment, command-line, console, web-request, jwt-decoded, end-user-data, password, secret, fast-hashed-password, unknown-origin, token-key-url, token-alg); using all [clang-tidy-config]

void fromTheNetwork(int sock) {
  char cmd[128];
  recv(sock, cmd, sizeof cmd, 0);
  system(cmd);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:10: warning: untrusted network data from recv() reaches system(), {{.*}} [appsec-command-injection]
  // CHECK-MESSAGES-SPLIT: :[[@LINE-2]]:10: warning: untrusted network data from recv() reaches system(), {{.*}} [appsec-command-injection]
  // CHECK-MESSAGES-BUDGET: :[[@LINE-3]]:10: warning: untrusted network data from recv() reaches system(), {{.*}} [appsec-command-injection]
  // CHECK-MESSAGES-BAD: :[[@LINE-4]]:10: warning: untrusted network data from recv() reaches system(), {{.*}} [appsec-command-injection]
  fopen(cmd, "r");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:9: warning: untrusted network data from recv() reaches fopen(), {{.*}} [appsec-path-traversal]
  // CHECK-MESSAGES-BUDGET: :[[@LINE-2]]:9: warning: untrusted network data from recv() reaches fopen(), {{.*}} [appsec-path-traversal]
}

int main(int argc, char **argv) {
  if (argc < 3)
    return 1;
  system(argv[1]);
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:10: warning: untrusted command-line input from 'argv' reaches system(), {{.*}} [appsec-command-injection]
  // CHECK-MESSAGES-BUDGET: :[[@LINE-2]]:10: warning: untrusted command-line input from 'argv' reaches system(), {{.*}} [appsec-command-injection]
  // CHECK-MESSAGES-BAD: :[[@LINE-3]]:10: warning: untrusted command-line input from 'argv' reaches system(), {{.*}} [appsec-command-injection]
  FILE *f = fopen(argv[2], "r");
  // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:19: warning: untrusted command-line input from 'argv' reaches fopen(), {{.*}} [appsec-path-traversal]
  // CHECK-MESSAGES-SPLIT: :[[@LINE-2]]:19: warning: untrusted command-line input from 'argv' reaches fopen(), {{.*}} [appsec-path-traversal]
  if (f)
    fclose(f);
  return 0;
}
