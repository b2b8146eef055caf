// Sources: auto decides per program when a summary store says what the
// program's other units are: the main() of a service whose routes are in
// another unit takes its command line and environment from whoever runs the
// service, not from the people who send it requests. Without the store the
// unit alone decides (it has no handlers, so local input counts), and with
// Sources: all local input always counts.
// RUN: rm -rf %t.store
// RUN: %appsec_tidy --checks='-*,appsec-command-injection' --config="{CheckOptions: {AppSecSummaryExport: '%t.store'}}" %inputs/cross-unit/routes.cpp -- -std=c++17 > /dev/null 2>&1
// RUN: %check_appsec_tidy -check-suffix=SERVICE %s appsec-command-injection,appsec-path-traversal %t -- --config="{CheckOptions: {AppSecSummaryStore: '%t.store'}}" -- -std=c++17
// RUN: %check_appsec_tidy -check-suffix=ALONE %s appsec-command-injection,appsec-path-traversal %t -- -- -std=c++17
// RUN: %check_appsec_tidy -check-suffix=ALONE %s appsec-command-injection,appsec-path-traversal %t -- --config="{CheckOptions: {AppSecSummaryStore: '%t.store', appsec-command-injection.Sources: all, appsec-path-traversal.Sources: all}}" -- -std=c++17
#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv) {
  if (argc < 2)
    return 1;
  std::FILE *config = std::fopen(argv[1], "r");
  // CHECK-MESSAGES-ALONE: :[[@LINE-1]]:34: warning: untrusted command-line input from 'argv' reaches fopen(), {{.*}} [appsec-path-traversal]
  if (config)
    std::fclose(config);
  if (const char *hook = std::getenv("STARTUP_HOOK"))
    std::system(hook);
  // CHECK-MESSAGES-ALONE: :[[@LINE-1]]:17: warning: untrusted environment data from getenv() reaches system(), {{.*}} [appsec-command-injection]
  return 0;
}
