#include "CheckList.h"

namespace clang::tidy::appsec {

const std::vector<::appsec::CheckInfo> &allChecks() {
  static const std::vector<::appsec::CheckInfo> Checks = {
#define APPSEC_CHECK(Class, Name, Reqs, Cwe, Severity, Precision, Summary)     \
  {Name, Reqs, Cwe, Severity, Precision, Summary},
#include "AppSecChecks.def"
  };
  return Checks;
}

} // namespace clang::tidy::appsec
