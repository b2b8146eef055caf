//===- JwtMissingVerificationCheck.h - appsec-jwt-missing-verification ---===//
#pragma once

#include "AppSecCheck.h"
#include "EngineClient.h"

#include <set>
#include <vector>

namespace clang::tidy::appsec {

/// Finds request handlers that serve a request without verifying its JWT
/// (in the handler, a function it calls, or middleware that runs first),
/// and claims read from a token that was decoded but never verified.
/// Engine: lib/jwt/HandlerAuthentication, lib/jwt/Verification,
/// lib/frameworks/Middleware, lib/jwt/JwtFlow.
///
/// Options: PublicRoutes, VerificationFunctions, MiddlewareElsewhere,
/// ReportHandlers (auto | always | never).
///
/// For the user-facing documentation see docs/checks/appsec-jwt-missing-verification.md
class JwtMissingVerificationCheck : public AppSecCheck {
public:
  JwtMissingVerificationCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:

  std::string PublicRoutes;
  std::string VerificationFunctions;
  std::string MiddlewareElsewhere;
  std::string ReportHandlers;
  bool ReportAuthenticationEndpoints;

  EngineClient Engine; ///< claims of decoded tokens: the jwt-claim sinks
  ASTContext *Ctx = nullptr;
  bool SawJwtApi = false;
  std::set<const FunctionDecl *> Analysed;
  std::vector<const FunctionDecl *> Functions;
};

} // namespace clang::tidy::appsec
