//===- ConnectQshCheck.h - appsec-connect-qsh ----------------------------===//
#pragma once

#include "AppSecCheck.h"

#include "llvm/Support/Regex.h"

#include <optional>

namespace clang::tidy::appsec {

/// Finds Atlassian Connect JWTs verified without comparing their qsh claim
/// with the hash of the request, and "context-qsh" accepted on routes that
/// are not context-token routes. The analysis lives in
/// lib/jwt/QueryStringHash.
///
/// Options: ConnectApp (auto|true|false), ContextTokenRoutes (regex).
/// For the user-facing documentation see docs/checks/appsec-connect-qsh.md
class ConnectQshCheck : public AppSecCheck {
public:
  ConnectQshCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  std::string ConnectApp;
  std::string ContextTokenRoutes;
  std::optional<llvm::Regex> ContextRoutes;
};

} // namespace clang::tidy::appsec
