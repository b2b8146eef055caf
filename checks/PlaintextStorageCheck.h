//===- PlaintextStorageCheck.h - appsec-plaintext-storage ---------------===//
#pragma once

#include "DataProtectionCheck.h"

namespace clang::tidy::appsec {

/// Finds passwords, secrets and end-user data written unencrypted to files
/// and databases, and passwords stored as a fast digest: the shared analysis
/// counting the data-protection labels at sinks of category store.
///
/// For the user-facing documentation see docs/checks/appsec-plaintext-storage.md
class PlaintextStorageCheck : public DataProtectionCheck {
public:
  PlaintextStorageCheck(StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::appsec
