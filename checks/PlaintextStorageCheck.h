//===- PlaintextStorageCheck.h - appsec-plaintext-storage ---------------===//
#pragma once

#include "TaintCheck.h"

namespace clang::tidy::appsec {

/// Finds secrets, passwords and end-user data written in plaintext to files
/// and databases: the shared analysis counting the labels secret, password
/// and end-user data, at sinks of category store.
///
/// For the user-facing documentation see docs/checks/appsec-plaintext-storage.md
class PlaintextStorageCheck : public TaintCheck {
public:
  PlaintextStorageCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void reportFinding(const ::appsec::SinkFinding &F) override;

private:
  bool EndUserData; ///< option ReportEndUserData: also personal data, not only secrets
};

} // namespace clang::tidy::appsec
