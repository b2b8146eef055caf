#include "JwtMissingVerificationCheck.h"

#include "jwt/HandlerAuthentication.h"
#include "jwt/JwtApi.h"
#include "jwt/Verification.h"
#include "reporting/JwtFindingText.h"
#include "support/AstHelpers.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
namespace jwt = ::appsec::jwt;

namespace clang::tidy::appsec {

namespace {
AST_MATCHER(FunctionDecl, isJwtApi) { return jwt::isJwtApiFunction(&Node); }
} // namespace

JwtMissingVerificationCheck::JwtMissingVerificationCheck(StringRef Name, ClangTidyContext *Context)
    : AppSecCheck(Name, Context),
      PublicRoutes(Options.get("PublicRoutes", jwt::DefaultPublicRoutes).str()),
      VerificationFunctions(
          Options.getLocalOrGlobal("VerificationFunctions", jwt::DefaultVerificationFunctions).str()),
      MiddlewareElsewhere(Options.get("MiddlewareElsewhere", "").str()),
      ReportHandlers(Options.get("ReportHandlers", "auto").str()),
      ReportAuthenticationEndpoints(
          Options.get("ReportAuthenticationEndpoints", "false").equals_insensitive("true")),
      Engine(Options, "", ::appsec::maskOf(::appsec::Label::JwtDecoded)) {
  if (ReportHandlers != "auto" && ReportHandlers != "always" && ReportHandlers != "never") {
    configurationDiag("invalid ReportHandlers value '%0' for %1: expected auto, always or never; "
                      "using auto")
        << ReportHandlers << Name;
    ReportHandlers = "auto";
  }
}

void JwtMissingVerificationCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AppSecCheck::storeOptions(Opts);
  Options.store(Opts, "PublicRoutes", PublicRoutes);
  Options.store(Opts, "VerificationFunctions", VerificationFunctions);
  Options.store(Opts, "MiddlewareElsewhere", MiddlewareElsewhere);
  Options.store(Opts, "ReportHandlers", ReportHandlers);
  Options.store(Opts, "ReportAuthenticationEndpoints",
                ReportAuthenticationEndpoints ? "true" : "false");
  Engine.storeOptions(Options, Opts);
}

void JwtMissingVerificationCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()), callee(functionDecl(isJwtApi()))).bind("call"),
      this);
  Engine.registerMatchers(Finder, this);
}

void JwtMissingVerificationCheck::onStartOfTranslationUnit() {
  Analysed.clear();
  Functions.clear();
  SawJwtApi = false;
  Ctx = nullptr;
}

void JwtMissingVerificationCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const auto *F = Result.Nodes.getNodeAs<FunctionDecl>("engine-fn")) {
    if (!F->isTemplateInstantiation())
      Functions.push_back(F);
  } else if (const auto *L = Result.Nodes.getNodeAs<LambdaExpr>("engine-lambda")) {
    Functions.push_back(L->getCallOperator());
  }
  if (!Result.Nodes.getNodeAs<CallExpr>("call")) {
    Engine.add(Result, [this](const std::string &Error) {
      configurationDiag("%0", DiagnosticIDs::Error) << Error;
    });
  } else if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    SawJwtApi = true;
    const FunctionDecl *F = ::appsec::enclosingFunction(Call, *Ctx);
    if (F && !F->isTemplateInstantiation() && Analysed.insert(F).second)
      for (const ::appsec::DiagnosticText &T : ::appsec::decodedOnlyTexts(F, *Ctx))
        report(T);
  }
}

void JwtMissingVerificationCheck::onEndOfTranslationUnit() {
  if (Ctx) {
    std::vector<jwt::HandlerVerdict> Verdicts;
    std::vector<std::string> Errors;
    if (ReportHandlers != "never" && !Functions.empty()) {
      jwt::HandlerAuthOptions Opts;
      Opts.PublicRoutes = PublicRoutes;
      Opts.MiddlewareElsewhere = MiddlewareElsewhere;
      Opts.ReportIdentityEndpoints = ReportAuthenticationEndpoints;
      auto OutcomeOf = [this](const FunctionDecl *F) { return Engine.authentication(F); };
      auto Elsewhere = [this](const FunctionDecl *F) { return Engine.verifiesElsewhere(F); };
      auto JwtElsewhere = [this](const FunctionDecl *F) { return Engine.handlesJwtElsewhere(F); };
      Verdicts = jwt::findUnverifiedHandlers(*Ctx, Functions, OutcomeOf, Elsewhere, JwtElsewhere, Opts,
                                             VerificationFunctions,
                                             ReportHandlers == "always", SawJwtApi, Errors);
    }
    for (const ::appsec::DiagnosticText &T : ::appsec::missingVerificationTexts(
             Engine.findings(::appsec::SinkCategory::JwtClaim), Verdicts, Ctx->getSourceManager()))
      report(T);
    for (const std::string &E : Errors)
      configurationDiag("appsec-jwt-missing-verification: %0") << E;
  }
  Engine.reset();
  Functions.clear();
}

} // namespace clang::tidy::appsec
