// Flows through functions defined in other translation units, read from a
// summary store: the other units write their summaries first
// (AppSecSummaryExport; deeper.c before commands.c, which calls into it),
// then this unit reads them (AppSecSummaryStore). Without the store the
// helpers are bodies nobody can see: the flows through them are missed, and
// the validation done by one of them is not seen either.
// RUN: rm -rf %t.store %t.bad && mkdir -p %t.bad
// RUN: %appsec_tidy --checks='-*,appsec-command-injection' --config="{CheckOptions: {AppSecSummaryExport: '%t.store'}}" %inputs/cross-unit/deeper.c -- -std=gnu11 > /dev/null 2>&1
// RUN: %appsec_tidy --checks='-*,appsec-command-injection' --config="{CheckOptions: {AppSecSummaryStore: '%t.store', AppSecSummaryExport: '%t.store'}}" %inputs/cross-unit/commands.c -- -std=gnu11 > /dev/null 2>&1
// RUN: %check_appsec_tidy -check-suffix=STORE %s appsec-command-injection %t -- --config="{CheckOptions: {AppSecSummaryStore: '%t.store'}}" -- -std=gnu11
// RUN: %check_appsec_tidy -check-suffix=ALONE %s appsec-command-injection %t -- -- -std=gnu11
//
// A store with an unreadable file (a summary without its sink category) and
// a stale one (another format version): one remark, and the findings of a
// unit analysed alone.
// RUN: echo '{"version": 2, "unit": "/x.c", "functions": {"run_it": {"sinks": [{"params": 1}]}}, "imports": []}' > %t.bad/broken.json
// RUN: echo '{"version": 0, "unit": "/y.c", "functions": {}, "imports": []}' > %t.bad/old.json
// RUN: %check_appsec_tidy -check-suffix=BAD %s appsec-command-injection %t -- --config="{CheckOptions: {AppSecSummaryStore: '%t.bad'}}" -- -std=gnu11
#include <stdlib.h>

void run_it(const char *cmd);
const char *pass_through(const char *s);
int is_word(const char *s);
void run_fixed(const char *ignored);
void forward(const char *cmd);

// CHECK-MESSAGES-BAD: taint-cross-unit.c.tmp.c:1:1: remark: the summary store {{.*}}.bad has 2 unreadable files, left out: broken.json (key 'category' not found), ...; findings through the functions they describe are missing until the store is rebuilt (appsec-scan rebuilds it) [appsec-command-injection]
int main(int argc, char **argv) {
  if (argc < 6)
    return 1;
  run_it(argv[1]);
  // CHECK-MESSAGES-STORE: :[[@LINE-1]]:3: warning: untrusted command-line input from 'argv' reaches system(), which runs it as a shell command {{.*}} [appsec-command-injection]
  system(pass_through(argv[2]));
  // CHECK-MESSAGES-STORE: :[[@LINE-1]]:10: warning: untrusted command-line input from 'argv' reaches system(), {{.*}} [appsec-command-injection]
  forward(argv[3]);
  // CHECK-MESSAGES-STORE: :[[@LINE-1]]:3: warning: untrusted command-line input from 'argv' reaches popen(), {{.*}} [appsec-command-injection]

  // Silent: validated by a function of the other unit, or not used at all.
  if (is_word(argv[4]))
    system(argv[4]);
  // CHECK-MESSAGES-ALONE: :[[@LINE-1]]:12: warning: untrusted command-line input from 'argv' reaches system(), {{.*}} [appsec-command-injection]
  // CHECK-MESSAGES-BAD: :[[@LINE-2]]:12: warning: untrusted command-line input from 'argv' reaches system(), {{.*}} [appsec-command-injection]
  run_fixed(argv[5]);
  return 0;
}
