//===- JwtUnsafeVerificationCheck.h - appsec-jwt-unsafe-verification -----===//
#pragma once

#include "AppSecCheck.h"
#include "EngineClient.h"

#include <set>

namespace clang::tidy::appsec {

/// Finds JWT verification that is present but broken: the `none` algorithm
/// allowed, cpp-jwt verify(false), error codes of verify calls never checked,
/// libjwt jwt_decode with an empty key or an ignored result (and jwt_validate
/// of libjwt 1.12+), Poco::JWT verification that never looks at the expiry,
/// the token's own `alg` header choosing the verifier, a key fetched from the
/// token's `jku`/`x5u` URL, and l8w8jwt decodes that skip the signature,
/// never check the validation result or leave validate_exp off. Option
/// RequireExpiry: also report jwt-cpp/cpp-jwt verifications that accept a
/// token without `exp`. Library knowledge lives in lib/jwt/, the wording in
/// lib/reporting/JwtUnsafeFindingText.cpp.
///
/// For the user-facing documentation see docs/checks/appsec-jwt-unsafe-verification.md
class JwtUnsafeVerificationCheck : public AppSecCheck {
public:
  JwtUnsafeVerificationCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override { Analysed.clear(); }
  void onEndOfTranslationUnit() override;

private:
  const bool RequireExpiry;
  std::set<const FunctionDecl *> Analysed;
  /// Key URLs the token names itself (label token-key-url) at fetches
  /// (ssrf sinks) and verification keys (jwt-key sinks).
  EngineClient Engine;
};

} // namespace clang::tidy::appsec
