//===- CheckInfo.h - what a check declares about itself -----------------===//
//
// Each appsec check declares, in checks/AppSecChecks.def (the one list of
// checks), the requirement(s) of the default catalog it enforces, its CWE,
// and the metadata reports need (SARIF security-severity and precision).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace appsec {

struct CheckInfo {
  std::string_view Name;         ///< "appsec-tls-verification-disabled"
  std::string_view Requirements; ///< default-catalog ids, comma separated: "3"
  std::string_view Cwe;          ///< "CWE-295"
  double SecuritySeverity;       ///< CVSS-like 0.1-10.0, as GitHub code scanning reads it
  std::string_view Precision;    ///< "very-high" | "high" | "medium" | "low"
  std::string_view Summary;      ///< one sentence, also the first sentence of the doc

  /// Requirements split at commas.
  std::vector<std::string> requirementIds() const;
};

/// Splits "a, b,c" into {"a","b","c"}.
std::vector<std::string> splitList(std::string_view Text);

} // namespace appsec
