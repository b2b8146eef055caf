//===- JwtMissingVerificationCheck.h - appsec-jwt-missing-verification ---===//
#pragma once

#include "AppSecCheck.h"

#include <set>

namespace clang::tidy::appsec {

/// Finds claims read from a JWT that was decoded but never verified in the
/// function or in a helper it calls (jwt-cpp jwt::decode without
/// verifier.verify; libjwt jwt_decode with a NULL key). Library knowledge
/// lives in lib/jwt/.
///
/// For the user-facing documentation see docs/checks/appsec-jwt-missing-verification.md
class JwtMissingVerificationCheck : public AppSecCheck {
public:
  using AppSecCheck::AppSecCheck;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override { Analysed.clear(); }

private:
  std::set<const FunctionDecl *> Analysed;
};

} // namespace clang::tidy::appsec
