#include "JwtMissingVerificationCheck.h"

#include "frameworks/Middleware.h"
#include "frameworks/RequestHandlers.h"
#include "jwt/HandlerAuthentication.h"
#include "jwt/JwtApi.h"
#include "jwt/JwtFlow.h"
#include "jwt/L8w8jwtFlow.h"
#include "jwt/Verification.h"
#include "support/AstHelpers.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
namespace jwt = ::appsec::jwt;

namespace clang::tidy::appsec {

namespace {
AST_MATCHER(FunctionDecl, isJwtApi) { return jwt::isJwtApiFunction(&Node); }

/// "cpp-httplib handler for route '/api/notes'", "Poco request handler 'handleRequest'".
std::string handlerName(const ::appsec::RequestHandler &H) {
  std::string Fw = ::appsec::frameworkName(H.Fw);
  if (!H.Route.empty())
    return Fw + " handler for route '" + H.Route + "'";
  if (!isa<CXXMethodDecl>(H.Function) || !cast<CXXMethodDecl>(H.Function)->getParent()->isLambda())
    return Fw + " request handler '" + H.Function->getNameAsString() + "'";
  return Fw + " request handler";
}
} // namespace

JwtMissingVerificationCheck::JwtMissingVerificationCheck(StringRef Name, ClangTidyContext *Context)
    : AppSecCheck(Name, Context),
      PublicRoutes(Options.get("PublicRoutes", jwt::DefaultPublicRoutes).str()),
      VerificationFunctions(
          Options.getLocalOrGlobal("VerificationFunctions", jwt::DefaultVerificationFunctions).str()),
      MiddlewareElsewhere(Options.get("MiddlewareElsewhere", "").str()),
      ReportHandlers(Options.get("ReportHandlers", "auto").str()) {
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
}

void JwtMissingVerificationCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                              callee(functionDecl(isJwtApi())))
                         .bind("call"),
                     this);
  if (ReportHandlers == "never")
    return;
  Finder->addMatcher(functionDecl(isDefinition(), isExpansionInMainFile()).bind("fn"), this);
  Finder->addMatcher(lambdaExpr(isExpansionInMainFile()).bind("lambda"), this);
}

void JwtMissingVerificationCheck::onStartOfTranslationUnit() {
  Analysed.clear();
  Functions.clear();
  SawJwtApi = false;
  Ctx = nullptr;
}

void JwtMissingVerificationCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const auto *F = Result.Nodes.getNodeAs<FunctionDecl>("fn")) {
    if (!F->isTemplateInstantiation())
      Functions.push_back(F);
    return;
  }
  if (const auto *L = Result.Nodes.getNodeAs<LambdaExpr>("lambda")) {
    Functions.push_back(L->getCallOperator());
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  SawJwtApi = true;
  const FunctionDecl *F = ::appsec::enclosingFunction(Call, *Ctx);
  if (F && !F->isTemplateInstantiation() && Analysed.insert(F).second)
    reportDecodedOnly(F, *Ctx);
}

void JwtMissingVerificationCheck::reportDecodedOnly(const FunctionDecl *F, ASTContext &Ctx) {
  for (const jwt::UnverifiedRead &U : jwt::unverifiedClaimReads(F, Ctx)) {
    if (U.Lib == jwt::Library::JwtCpp) {
      if (!U.Object) {
        report(U.Read->getBeginLoc(),
               "claim read straight from jwt-cpp jwt::decode(), which only "
               "parses the token; nothing verifies its signature. Keep the "
               "decoded token and verify it first: "
               "jwt::verify().allow_algorithm(jwt::algorithm::hs256{shared_secret})"
               ".verify(decoded)");
        continue;
      }
      std::string Name = U.Object->getNameAsString();
      report(U.Read->getBeginLoc(),
             "claim read from jwt-cpp token '" + Name + "', which is decoded but "
             "never verified; verify it before trusting its claims: "
             "jwt::verify().allow_algorithm(jwt::algorithm::hs256{shared_secret})"
             ".verify(" + Name + ")");
      note(U.Decode->getBeginLoc(), "decoded here; jwt::decode() only parses the token");
      continue;
    }
    std::string Name = U.Object->getNameAsString();
    report(U.Read->getBeginLoc(),
           "claim read from libjwt token '" + Name + "', which was decoded "
           "without a key, so its signature was never checked; pass the "
           "shared secret: jwt_decode(&" + Name + ", token, key, key_len)");
    note(U.Decode->getBeginLoc(), "decoded here with a NULL key; libjwt then checks no signature");
  }
  for (const jwt::L8w8jwtDecode &D : jwt::l8w8jwtUnverifiedClaimUses(F, Ctx)) {
    std::string C = D.Claims->getNameAsString();
    if (!D.Validates) {
      report(D.FirstClaimUse->getBeginLoc(),
             "payload '" + C + "' used from l8w8jwt_decode_raw_no_validation(), "
             "which checks neither the signature nor any claim; decode the "
             "token with l8w8jwt_decode() and use its claims only if the "
             "validation result == L8W8JWT_VALID");
      note(D.Call->getBeginLoc(), "decoded here without validation");
      continue;
    }
    std::string R = D.Result->getNameAsString();
    report(D.FirstClaimUse->getBeginLoc(),
           "claims '" + C + "' used although the validation result '" + R +
           "' of l8w8jwt_decode() is never compared to L8W8JWT_VALID; l8w8jwt "
           "hands out the claims of forged and expired tokens too; use them "
           "only if " + R + " == L8W8JWT_VALID");
    note(D.Call->getBeginLoc(),
         "decoded here; its return value only says the token could be parsed");
  }
}

void JwtMissingVerificationCheck::onEndOfTranslationUnit() {
  if (Ctx && ReportHandlers != "never" && !Functions.empty())
    reportHandlers();
  Functions.clear();
}

void JwtMissingVerificationCheck::reportHandlers() {
  ::appsec::HandlerIndex Handlers(*Ctx);
  ::appsec::MiddlewareIndex Middleware(*Ctx);
  for (const FunctionDecl *F : Functions) {
    Handlers.scan(F);
    Middleware.scan(F);
  }
  Middleware.finish();
  if (Handlers.all().empty())
    return;

  std::string Error;
  jwt::VerificationIndex Verifier(*Ctx, VerificationFunctions, &Error);
  if (!Error.empty())
    configurationDiag("%0: VerificationFunctions: %1") << "appsec-jwt-missing-verification" << Error;
  Error.clear();
  jwt::HandlerAuthOptions Opts;
  Opts.PublicRoutes = PublicRoutes;
  Opts.MiddlewareElsewhere = MiddlewareElsewhere;
  jwt::HandlerAuthentication Auth(*Ctx, Verifier, Middleware, Handlers, Opts, &Error);
  if (!Error.empty())
    configurationDiag("%0: PublicRoutes: %1") << "appsec-jwt-missing-verification" << Error;
  for (const FunctionDecl *F : Functions)
    Auth.addCaller(F);

  // Only applications that authenticate with JWTs are held to it (see docs).
  if (ReportHandlers == "auto" && !SawJwtApi && !Verifier.translationUnitUsesJwt())
    return;

  const SourceManager &SM = Ctx->getSourceManager();
  for (const auto &[Key, H] : Handlers.all()) {
    if (!SM.isInMainFile(SM.getExpansionLoc(H.Registration)) || H.Function->isTemplateInstantiation())
      continue;
    jwt::HandlerAuthResult R = Auth.analyse(H);
    const std::string Who = handlerName(H);
    const bool Elsewhere = SM.getExpansionLineNumber(H.Registration) !=
                           SM.getExpansionLineNumber(H.Function->getLocation());
    switch (R.Verdict) {
    case jwt::HandlerAuth::NeverVerifies:
      report(H.Registration,
             Who + " serves requests without verifying a JWT; verify the token (signature "
                   "with a pinned algorithm, exp, iss) in the handler, in a function it calls "
                   "or in middleware that runs first, or list the route in PublicRoutes if it "
                   "is meant to be public");
      if (Elsewhere)
        note(H.Function->getLocation(), "handler defined here");
      break;
    case jwt::HandlerAuth::ResultIgnored:
      report(R.IgnoredCall->getBeginLoc(),
             Who + " calls " + Verifier.describe(R.IgnoredCall) +
                 " but ignores its result, so a request whose token fails verification is "
                 "served anyway; check the result and answer 401 when it fails");
      note(H.Registration, "route registered here");
      break;
    case jwt::HandlerAuth::SomePathsSkip:
      report(R.Read->getBeginLoc(),
             Who + " uses " + R.ReadWhat + " on a path where the JWT is not verified; make "
                   "every path verify the token, or reject the request, before using "
                   "request data");
      note(R.Verification->getBeginLoc(),
           "the token is verified here, but not on every path to the use above");
      break;
    default:
      break;
    }
  }
}

} // namespace clang::tidy::appsec
