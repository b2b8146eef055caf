// Half-typed code (as clangd sees it), a huge function, recursion and deep
// call chains: no crash, no hang, and the flows that can be seen are reported.
// RUN: %check_appsec_tidy -expect-clang-tidy-error %s appsec-command-injection %t -- -- -std=c++17
// RUN: %check_appsec_tidy -check-suffix=BUDGET %s appsec-command-injection %t -- --config="{CheckOptions: {TaintStepBudget: 50}}" -- -std=c++17 -DVALID_ONLY
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>

#define R4(x) x x x x
#define R16(x) R4(R4(x))
#define R256(x) R16(R16(x))
#define R4096(x) R16(R256(x))

void huge(int sock, int n) {
  char buf[64];
  recv(sock, buf, sizeof buf, 0);
  std::system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted network data from recv() reaches system(), {{.*}}
  R4096(if (n > 3) { n = n * 3 + 1; } else { n = n / 2; })
  std::system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted network data from recv() reaches system(), {{.*}}
}

int ping(int n, const char *s);
int pong(int n, const char *s) { return n ? ping(n - 1, s) : std::system(s); }
// CHECK-MESSAGES: :[[@LINE-1]]:74: warning: untrusted network data from recv() reaches system(), {{.*}}
int ping(int n, const char *s) { return n ? pong(n - 1, s) : 0; }

void recursive(int sock) {
  char buf[64];
  recv(sock, buf, sizeof buf, 0);
  ping(10, buf);
}

#ifndef VALID_ONLY
void half_typed(int sock) {
  char buf[64];
  recv(sock, buf, sizeof buf, 0);
  std::system(buf
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: expected ')' [clang-diagnostic-error]

void unknown_things(int sock) {
  char buf[64];
  recv(sock, buf, sizeof buf, 0);
  undeclared_function(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: use of undeclared identifier 'undeclared_function' [clang-diagnostic-error]
  std::system(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted network data from recv() reaches system(), {{.*}}
}
#endif

// With a tiny budget the analysis gives up on large functions: it reports
// what it found before stopping (an under-approximation), never hangs.
// CHECK-MESSAGES-BUDGET: :17:15: warning: untrusted network data from recv() reaches system(), {{.*}}
// CHECK-MESSAGES-BUDGET: :25:74: warning: untrusted network data from recv() reaches system(), {{.*}}
