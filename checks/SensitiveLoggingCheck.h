//===- SensitiveLoggingCheck.h - appsec-sensitive-logging ---------------===//
#pragma once

#include "TaintCheck.h"

namespace clang::tidy::appsec {

/// Finds secrets and end-user data written to logs: the shared analysis
/// counting the labels secret and end-user data, at sinks of category log.
///
/// For the user-facing documentation see docs/checks/appsec-sensitive-logging.md
class SensitiveLoggingCheck : public TaintCheck {
public:
  SensitiveLoggingCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void reportFinding(const ::appsec::SinkFinding &F) override;

private:
  bool EndUserData; ///< option ReportEndUserData: also personal data, not only secrets
};

} // namespace clang::tidy::appsec
