//===- HardcodedSecretCheck.h - appsec-hardcoded-secret -----------------===//
#pragma once

#include "AppSecCheck.h"

#include "models/ModelSet.h"

#include <memory>

namespace clang::tidy::appsec {

/// Finds keys and passwords written into the source: string literals (or
/// constants initialised with one) handed to the calls the models mark as
/// taking a JWT key or a credential. Library knowledge lives in
/// lib/secrets/ and the models; the wording in lib/reporting/.
///
/// For the user-facing documentation see docs/checks/appsec-hardcoded-secret.md
class HardcodedSecretCheck : public AppSecCheck {
public:
  HardcodedSecretCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  std::string ModelFiles;
  std::shared_ptr<const ::appsec::ModelSet> Models;
};

} // namespace clang::tidy::appsec
