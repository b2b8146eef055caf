//===- SensitiveLoggingCheck.h - appsec-sensitive-logging ---------------===//
#pragma once

#include "DataProtectionCheck.h"

namespace clang::tidy::appsec {

/// Finds secrets and end-user data written to logs: the shared analysis
/// counting the labels secret and end-user data at sinks of category log.
///
/// For the user-facing documentation see docs/checks/appsec-sensitive-logging.md
class SensitiveLoggingCheck : public DataProtectionCheck {
public:
  SensitiveLoggingCheck(StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::appsec
