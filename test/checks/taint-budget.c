// A function whose analysis stops at its work budget says so, when asked
// (ReportBudgetExhaustion), once per function for all the checks that share
// the analysis; without the option the only sign is a missing finding.
// RUN: %check_appsec_tidy %s appsec-command-injection %t -- --config="{CheckOptions: {TaintStepBudget: 3}}" -- -std=gnu11
// RUN: %check_appsec_tidy -check-suffix=REPORT %s appsec-command-injection,appsec-path-traversal %t -- --config="{CheckOptions: {TaintStepBudget: 3, ReportBudgetExhaustion: true}}" -- -std=gnu11
// RUN: %check_appsec_tidy -check-suffix=ENOUGH %s appsec-command-injection %t -- --config="{CheckOptions: {ReportBudgetExhaustion: true}}" -- -std=gnu11
#include <stdlib.h>

int main(int argc, char **argv) {
  // CHECK-MESSAGES-REPORT: :[[@LINE-1]]:5: remark: the appsec analysis of 'main' stopped at its work budget (3 steps, option TaintStepBudget); findings in it may be missing: raise the budget or split the function [appsec-{{command-injection|path-traversal}}]
  if (argc < 2)
    return 1;
  for (int i = 0; i < argc; ++i)
    if (argv[i][0] == '-')
      return 2;
  return system(argv[1]);
  // CHECK-MESSAGES-ENOUGH: :[[@LINE-1]]:17: warning: untrusted command-line input from 'argv' reaches system(), {{.*}} [appsec-command-injection]
}
