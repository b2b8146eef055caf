//===- SensitiveLoggingCheck.h - appsec-sensitive-logging ---------------===//
#pragma once

#include "AppSecCheck.h"
#include "EngineClient.h"

namespace clang::tidy::appsec {

/// Finds secrets and end-user data written to logs: the shared analysis
/// counting the labels secret and end-user data, at sinks of category log.
///
/// For the user-facing documentation see docs/checks/appsec-sensitive-logging.md
class SensitiveLoggingCheck : public AppSecCheck {
public:
  SensitiveLoggingCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  EngineClient Engine;
  bool EndUserData; ///< option ReportEndUserData: also personal data, not only secrets
};

} // namespace clang::tidy::appsec
