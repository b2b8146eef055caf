#include "ConnectQshCheck.h"

#include "jwt/QueryStringHash.h"
#include "support/LlvmCompat.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
namespace jwt = ::appsec::jwt;

namespace clang::tidy::appsec {

namespace {
std::string routeOf(const ::appsec::RequestHandler *H) {
  if (!H || H->Route.empty())
    return "";
  return " (route '" + H->Route + "', " + ::appsec::frameworkName(H->Fw) + ")";
}

const char *kHowToCheck =
    "compare the token's qsh with the SHA-256 hex of this request's canonical "
    "form (METHOD&path&sorted query) and reject the request if they differ";
} // namespace

ConnectQshCheck::ConnectQshCheck(StringRef Name, ClangTidyContext *Context)
    : AppSecCheck(Name, Context), ConnectApp(Options.get("ConnectApp", "auto").str()),
      ContextTokenRoutes(Options.get("ContextTokenRoutes", "^/api/").str()) {
  if (ConnectApp != "auto" && ConnectApp != "true" && ConnectApp != "false") {
    configurationDiag("invalid ConnectApp '%0' (expected auto, true or false); using auto",
                      DiagnosticIDs::Error)
        << ConnectApp;
    ConnectApp = "auto";
  }
  if (!ContextTokenRoutes.empty()) {
    llvm::Regex R(ContextTokenRoutes);
    std::string Error;
    if (R.isValid(Error))
      ContextRoutes.emplace(std::move(R));
    else
      configurationDiag("invalid ContextTokenRoutes regex '%0': %1; no route is a "
                        "context-token route",
                        DiagnosticIDs::Error)
          << ContextTokenRoutes << Error;
  }
}

void ConnectQshCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AppSecCheck::storeOptions(Opts);
  Options.store(Opts, "ConnectApp", ConnectApp);
  Options.store(Opts, "ContextTokenRoutes", ContextTokenRoutes);
}

void ConnectQshCheck::registerMatchers(MatchFinder *Finder) {
  if (ConnectApp != "false")
    Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void ConnectQshCheck::check(const MatchFinder::MatchResult &Result) {
  jwt::QshAnalysis A(*Result.Context, ContextRoutes ? &*ContextRoutes : nullptr);
  if (ConnectApp == "auto" && !A.mentionsConnect())
    return;
  for (const jwt::UncheckedQsh &U : A.uncheckedVerifications()) {
    std::string Head = "Connect JWT verified by " + U.What + routeOf(U.Handler) + ", but ";
    std::string Why;
    switch (U.Gap) {
    case jwt::QshGap::Never:
      Why = "its qsh claim is never compared with the hash of the request, so a "
            "token issued for one URL is accepted for any other";
      break;
    case jwt::QshGap::ReadOnly:
      Why = "its qsh claim is read and never compared with the hash of the request";
      break;
    case jwt::QshGap::PresenceOnly:
      Why = "its qsh claim is only checked to be present (" + U.Detail +
            "), never compared with the hash of the request";
      break;
    case jwt::QshGap::Constant:
      Why = "its qsh claim is compared only with the constant " + U.Detail +
            ", not with the hash of the request";
      break;
    case jwt::QshGap::Incomplete:
      Why = "its qsh claim is compared with a SHA-256 that lacks " + U.Detail +
            ", so it is not the hash of the canonical request";
      break;
    case jwt::QshGap::ContextOnly:
      Why = "its qsh claim is compared only with \"context-qsh\" (for the callers that "
            "ask for it), and for the other callers with nothing";
      break;
    case jwt::QshGap::NotRequestHash:
      Why = "its qsh claim is compared with a value that is not computed from the "
            "request (no SHA-256 of the method, '&', the path and the sorted query)";
      break;
    }
    report(::appsec::beginLoc(U.Verify), Head + Why + "; " + kHowToCheck);
    if (U.Evidence)
      note(U.Evidence->getBeginLoc(), U.Gap == jwt::QshGap::PresenceOnly
                                          ? "qsh is only tested for presence here"
                                      : U.Gap == jwt::QshGap::ReadOnly
                                          ? "qsh is read here"
                                          : "qsh is compared here");
    if (U.Handler && !U.Handler->Route.empty())
      note(U.Handler->Registration, "the route is registered here");
  }
  for (const jwt::ContextQshOnRoute &C : A.contextQshOnOtherRoutes()) {
    std::string Route = routeOf(C.Handler);
    std::string Tail =
        ", which is not a context-token route: a token from AP.context.getToken() "
        "can then be replayed against it; require the request's own qsh there, and "
        "accept \"context-qsh\" only on routes the app's frontend calls, declared with "
        "option ContextTokenRoutes or [[clang::annotate(\"appsec::context_token_route\")]]";
    if (C.CallerChose) {
      report(C.Report->getBeginLoc(),
             "this call asks for the fixed qsh \"context-qsh\" to be accepted" + Route + Tail);
      note(C.Acceptance->getBeginLoc(), "\"context-qsh\" is accepted here when the caller asks for it");
    } else {
      report(C.Report->getBeginLoc(), "the fixed qsh \"context-qsh\" is accepted here for every "
                                      "caller, also" + Route + Tail);
    }
    note(C.Handler->Registration, "the route is registered here");
  }
}

} // namespace clang::tidy::appsec
