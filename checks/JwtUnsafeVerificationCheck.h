//===- JwtUnsafeVerificationCheck.h - appsec-jwt-unsafe-verification -----===//
#pragma once

#include "AppSecCheck.h"

#include <set>

namespace clang::tidy::appsec {

/// Finds JWT verification that is present but broken: the `none` algorithm
/// allowed, cpp-jwt verify(false), error codes of verify calls never checked,
/// libjwt jwt_decode with an empty key or an ignored result, Poco::JWT
/// verification that never looks at the expiry, and the token's own `alg`
/// header choosing the verifier. Library knowledge lives in lib/jwt/.
///
/// For the user-facing documentation see docs/checks/appsec-jwt-unsafe-verification.md
class JwtUnsafeVerificationCheck : public AppSecCheck {
public:
  using AppSecCheck::AppSecCheck;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override { Analysed.clear(); }

private:
  void checkCall(const CallExpr *Call, ASTContext &Ctx);
  void checkFunction(const FunctionDecl *F, ASTContext &Ctx);
  std::set<const FunctionDecl *> Analysed;
};

} // namespace clang::tidy::appsec
