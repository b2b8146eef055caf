//===- SecretInUrlCheck.h - appsec-secret-in-url ------------------------===//
#pragma once

#include "DataProtectionCheck.h"

namespace clang::tidy::appsec {

/// Finds secrets and passwords placed in the URL (path or query) of an
/// outgoing request: the shared analysis counting the secret labels at sinks
/// of category url.
///
/// For the user-facing documentation see docs/checks/appsec-secret-in-url.md
class SecretInUrlCheck : public DataProtectionCheck {
public:
  SecretInUrlCheck(StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::appsec
