#include "jwt/HandlerAuthentication.h"
#include "jwt/CredentialChecks.h"
#include "jwt/IdentityEndpoints.h"

#include "frameworks/RequestReads.h"

#include "models/FunctionNames.h"
#include "support/AstHelpers.h"
#include "support/BodyStatements.h"
#include "support/LlvmCompat.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

#include <optional>


using namespace clang;

namespace appsec::jwt {

const char *const DefaultPublicRoutes =
    "^/atlassian-connect\\.json$;^/health;^/healthz$;^/ready;^/live;^/ping$;^/metrics$;"
    "^/static/;^/assets/;^/favicon\\.ico$;^/robots\\.txt$";

namespace {

/// \p F calls a function of the application: not the standard library, the
/// web framework or a JSON/JWT library (a vendored framework is not in a
/// system header, so its namespace tells).
bool callsApplication(const FunctionDecl *F) {
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def) || !Def->getBody())
    return true;
  const SourceManager &SM = F->getASTContext().getSourceManager();
  for (const CallExpr *C : callsIn(Def->getBody())) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee)
      return true; // through a pointer: unknown
    bool Library = SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())) ||
                   inLibraryNamespace(Callee);
    if (!Library)
      return true;
    // Even in a library, only building the answer is "no work": responses,
    // strings, JSON, the callback that sends it. `svr.stop()` or
    // std::filesystem::remove_all are work.
    static const llvm::Regex Answer("response|json|string|content|status|header|body|send|"
                                    "write|printf|reply|move|forward|make_shared|make_unique|"
                                    "c_str|size|empty|begin|end|format|allocator",
                                    llvm::Regex::IgnoreCase);
    std::string What = Callee->getNameAsString();
    if (const auto *M = dyn_cast<CXXMethodDecl>(Callee))
      What = M->getParent()->getNameAsString() + "::" + What;
    bool Building = isa<CXXConstructorDecl>(Callee) || isa<CXXConversionDecl>(Callee) ||
                    Callee->isOverloadedOperator() || Answer.match(What);
    if (!Building)
      return true;
  }
  return false;
}

} // namespace

HandlerAuthentication::HandlerAuthentication(ASTContext &Ctx, VerificationIndex &Verifier,
                                             const MiddlewareIndex &Middleware,
                                             const HandlerIndex &Handlers,
                                             AuthenticationOutcomes OutcomeOf,
                                             const HandlerAuthOptions &Options, std::string *Error)
    : Ctx(Ctx), Verifier(Verifier), Middleware(Middleware), Handlers(Handlers),
      OutcomeOf(std::move(OutcomeOf)), Options(Options) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::StringRef(Options.PublicRoutes).split(Parts, ';', -1, false);
  for (llvm::StringRef P : Parts) {
    P = P.trim();
    if (P.empty())
      continue;
    auto R = std::make_unique<llvm::Regex>(P);
    std::string Why;
    if (!R->isValid(Why)) {
      if (Error && Error->empty())
        *Error = "invalid regular expression '" + P.str() + "': " + Why;
      continue;
    }
    Public.push_back(std::move(R));
  }
}

void HandlerAuthentication::addCaller(const FunctionDecl *Caller) {
  const FunctionDecl *Def = nullptr;
  if (!Caller || !Caller->hasBody(Def) || !Def->getBody())
    return;
  for (const CallExpr *C : callsIn(Def->getBody()))
    if (const FunctionDecl *Callee = C->getDirectCallee())
      if (Handlers.find(Callee) && Callee->getCanonicalDecl() != Def->getCanonicalDecl())
        CallSites.emplace(Callee->getCanonicalDecl(), std::make_pair(Def, C));
}

bool HandlerAuthentication::isPublic(const RequestHandler &H) const {
  if (anyDeclarationHasAnnotation(H.Function, "appsec::public_route"))
    return true;
  if (H.Route.empty())
    return false;
  for (const auto &R : Public)
    if (R->match(H.Route))
      return true;
  return false;
}

namespace {

/// Code that runs before a handler and can stop the request there.
struct Gate {
  const FunctionDecl *Function = nullptr;
  std::string Name;   ///< "Drogon filter 'AuthFilter'"
  std::string Passes; ///< how it passes the request on, for the fix hint
  SourceLocation Location;
  std::string Ident;  ///< the class or function name ("AuthFilter", "checkJwt")
};

/// The gates in front of \p H whose code this translation unit can see:
/// Drogon filters named in the route, Crow middleware of the app and the
/// route, and the registrations that run before every handler.
std::vector<Gate> gatesBefore(const RequestHandler &H, const MiddlewareIndex &Middleware) {
  std::vector<Gate> Out;
  for (const std::string &Name : H.FilterNames)
    if (const FunctionDecl *F = Middleware.drogonFilter(Name))
      Out.push_back({F, "Drogon filter '" + Name + "'", "before calling the chain callback",
                     F->getLocation(), Name});
  for (const CXXRecordDecl *RD : H.Middlewares)
    if (const FunctionDecl *F = MiddlewareIndex::crowBeforeHandle(RD))
      Out.push_back({F, "Crow middleware '" + RD->getNameAsString() + "'",
                     "in before_handle", F->getLocation(), RD->getNameAsString()});
  for (const MiddlewareRegistration *R : Middleware.before(H)) {
    std::string Passes = "before it passes the request on";
    if (R->Fw == Framework::CppHttplib)
      Passes = "before returning HandlerResponse::Unhandled";
    std::string Ident = R->Function->getNameAsString();
    if (const auto *M = dyn_cast<CXXMethodDecl>(R->Function))
      Ident = M->getParent()->getNameAsString() + "::" + Ident;
    Out.push_back({R->Function, std::string(frameworkName(R->Fw)) + " " + R->Kind, Passes,
                   R->Location, Ident});
  }
  return Out;
}

} // namespace

bool gateVerifies(const RequestHandler &H, const MiddlewareIndex &Middleware,
                  VerificationIndex &Verifier) {
  // A Drogon filter whose class this translation unit cannot see is given
  // the benefit of the doubt (see docs).
  for (const std::string &Name : H.FilterNames)
    if (!Middleware.drogonFilter(Name))
      return true;
  // A gate whose code is in another file (a before_handle or a pre-routing
  // function only declared here) is judged by its name: AuthMiddleware,
  // verifyJwt, TokenGuard verify; RequestLog does not (see docs).
  static const llvm::Regex AuthName("auth|jwt|token|bearer|session|login|guard|credential|verif",
                                    llvm::Regex::IgnoreCase);
  return llvm::any_of(gatesBefore(H, Middleware), [&](const Gate &G) {
    if (Verifier.functionVerifies(G.Function))
      return true;
    const FunctionDecl *Def = nullptr;
    if (G.Function->hasBody(Def))
      return false;
    if (std::optional<bool> Known = Verifier.verifiesElsewhere(G.Function))
      return *Known; // the summary store has its body's verdict
    return Verifier.hasVerifierName(G.Ident) || AuthName.match(G.Ident);
  });
}

bool HandlerAuthentication::coveredByMiddleware(const RequestHandler &H) {
  llvm::SmallVector<llvm::StringRef, 4> Elsewhere;
  llvm::StringRef(Options.MiddlewareElsewhere).split(Elsewhere, ';', -1, false);
  for (llvm::StringRef E : Elsewhere)
    if (E.trim().equals_insensitive(frameworkName(H.Fw)))
      return true;
  return gateVerifies(H, Middleware, Verifier);
}

bool HandlerAuthentication::coveredByCallers(const RequestHandler &H) {
  auto [Begin, End] = CallSites.equal_range(H.Function->getCanonicalDecl());
  if (Begin == End)
    return false;
  for (auto It = Begin; It != End; ++It) {
    const auto &[Caller, Call] = It->second;
    if (Handlers.find(Caller))
      continue; // another handler: judged on its own (it passes the request on)
    const AuthenticationOutcome *O = OutcomeOf(Caller);
    if (!O || !O->Complete)
      return false;
    auto C = O->HandlerCalls.find(Call);
    if (C == O->HandlerCalls.end() || C->second)
      return false; // not reached, or reached before any authentication
  }
  return true;
}

HandlerAuthResult HandlerAuthentication::analyse(const RequestHandler &H) {
  HandlerAuthResult R;
  if (isPublic(H)) {
    R.Verdict = HandlerAuth::Public;
    return R;
  }
  // oat++: the ENDPOINT proxy reads the parameters and calls the endpoint;
  // an AUTHORIZATION parameter makes it run the authorization handler first.
  if (H.Fw == Framework::Oatpp)
    for (const CallExpr *C : callsIn(H.Function->getBody())) {
      llvm::StringRef N = calleeName(C);
      if (N == "handleDefaultAuthorization" || N == "handleAuthorization") {
        R.Verdict = HandlerAuth::ByMiddleware;
        return R;
      }
    }
  if (coveredByMiddleware(H)) {
    R.Verdict = HandlerAuth::ByMiddleware;
    return R;
  }
  RequestHandler Body = handlerBody(H);
  const AuthenticationOutcome *O = Body.Function ? OutcomeOf(Body.Function) : nullptr;
  if (!O || !O->Complete) {
    R.Verdict = HandlerAuth::Skipped; // not analysed, or past the work budget
    return R;
  }
  R.Verification = O->Verification;
  if (!O->Verification) {
    if (coveredByCallers(H)) {
      R.Verdict = HandlerAuth::ByCaller;
      return R;
    }
    R.IgnoredCall = O->Ignored;
    // Reads nothing from the request and does no work of the application (a
    // fixed greeting, a static page): there is nothing to protect.
    if (!O->Ignored && !readsRequest(Body, Ctx) && !callsApplication(Body.Function)) {
      R.Verdict = HandlerAuth::Public;
      return R;
    }
    R.Verdict = O->Ignored ? HandlerAuth::ResultIgnored : HandlerAuth::NeverVerifies;
    return R;
  }
  if (O->UnsettledRead.Read) {
    R.Verdict = HandlerAuth::SomePathsSkip;
    R.Read = O->UnsettledRead.Read;
    R.ReadWhat = O->UnsettledRead.What;
    return R;
  }
  R.Verdict = HandlerAuth::Verified;
  return R;
}


/// Routes that never verify behind a gate (filter, middleware, pre-routing
/// handler) that reads the token and passes the request on without
/// verifying it: one finding at the gate, which is where the fix goes,
/// instead of one per route.
std::vector<HandlerVerdict> groupByGate(std::vector<HandlerVerdict> Verdicts,
                                        const MiddlewareIndex &Middleware,
                                        VerificationIndex &Verifier) {
  std::vector<HandlerVerdict> Out;
  std::map<const FunctionDecl *, size_t> GateVerdict;
  for (HandlerVerdict &V : Verdicts) {
    std::optional<Gate> Found;
    const Stmt *TokenRead = nullptr;
    if (V.Result.Verdict == HandlerAuth::NeverVerifies)
      for (Gate &G : gatesBefore(V.Handler, Middleware))
        if ((TokenRead = tokenRead(G.Function)) && !Verifier.functionVerifies(G.Function)) {
          Found = std::move(G);
          break;
        }
    if (!Found) {
      Out.push_back(std::move(V));
      continue;
    }
    auto [It, New] = GateVerdict.emplace(Found->Function, Out.size());
    if (New) {
      HandlerVerdict F;
      F.Handler = V.Handler;
      F.Handler.Function = Found->Function;
      F.Handler.Registration = Found->Location;
      F.Result.Verdict = HandlerAuth::GateNeverVerifies;
      F.GateName = Found->Name;
      F.GatePasses = Found->Passes;
      F.TokenRead = TokenRead;
      F.CredentialsInUse = V.CredentialsInUse;
      Out.push_back(std::move(F));
    }
    Out[It->second].GuardedRoutes.emplace_back(V.Handler.Registration, V.Handler.Route);
  }
  return Out;
}

std::vector<HandlerVerdict> findUnverifiedHandlers(ASTContext &Ctx,
                                                   llvm::ArrayRef<const FunctionDecl *> Functions,
                                                   const AuthenticationOutcomes &OutcomeOf,
                                                   const VerificationIndex::ElsewhereFn &Elsewhere,
                                                   const VerificationIndex::JwtElsewhereFn &JwtElsewhere,
                                                   const HandlerAuthOptions &Options,
                                                   llvm::StringRef VerificationFunctions,
                                                   bool Always, bool SawJwtApi,
                                                   std::vector<std::string> &ConfigErrors) {
  std::vector<HandlerVerdict> Verdicts;
  HandlerIndex Handlers(Ctx);
  MiddlewareIndex Middleware(Ctx);
  for (const FunctionDecl *F : Functions) {
    Handlers.scan(F);
    Middleware.scan(F);
  }
  Middleware.finish();
  if (Handlers.all().empty())
    return Verdicts;

  std::string Error;
  VerificationIndex Verifier(Ctx, VerificationFunctions, &Error);
  Verifier.setElsewhere(Elsewhere);
  Verifier.setJwtElsewhere(JwtElsewhere);
  if (!Error.empty())
    ConfigErrors.push_back("VerificationFunctions: " + Error);
  Error.clear();
  HandlerAuthentication Auth(Ctx, Verifier, Middleware, Handlers, OutcomeOf, Options, &Error);
  if (!Error.empty())
    ConfigErrors.push_back("PublicRoutes: " + Error);
  // Only applications that authenticate with JWTs are held to it. A routes
  // file whose middleware or filters decode the token in another unit is
  // one (the summary store says so).
  bool GateHandlesJwt = !SawJwtApi && llvm::any_of(Handlers.all(), [&](const auto &KV) {
    return llvm::any_of(gatesBefore(KV.second, Middleware), [&](const Gate &G) {
      const FunctionDecl *Def = nullptr;
      return !G.Function->hasBody(Def) && Verifier.handlesJwtElsewhere(G.Function);
    });
  });
  if (!Always && !SawJwtApi && !GateHandlesJwt && !Verifier.translationUnitUsesJwt())
    return Verdicts;
  bool CredentialsInUse = false;
  for (const FunctionDecl *F : Functions) {
    Auth.addCaller(F);
    if (!CredentialsInUse && F->hasBody())
      for (const CallExpr *C : callsIn(F->getBody()))
        if (credentialCheckPolarity(C, Ctx)) {
          CredentialsInUse = true;
          break;
        }
  }

  const SourceManager &SM = Ctx.getSourceManager();
  for (const auto &[Key, H] : Handlers.all()) {
    if (!SM.isInMainFile(SM.getExpansionLoc(H.Registration)) || H.Function->isTemplateInstantiation())
      continue;
    HandlerAuthResult R = Auth.analyse(H);
    if (R.Verdict != HandlerAuth::NeverVerifies && R.Verdict != HandlerAuth::ResultIgnored &&
        R.Verdict != HandlerAuth::SomePathsSkip)
      continue;
    HandlerVerdict V;
    V.Handler = H;
    V.Result = R;
    V.IdentityRole = identityRole(H, Ctx);
    V.CredentialsInUse = CredentialsInUse;
    V.JwtInUse = SawJwtApi || GateHandlesJwt || Verifier.translationUnitNamesJwt();
    V.VerificationIsCredentialCheck = R.Verification && credentialCheckPolarity(R.Verification, Ctx);
    if (!V.IdentityRole.empty() && !Options.ReportIdentityEndpoints)
      continue; // a login/token/registration endpoint: there to establish identity
    if (R.IgnoredCall)
      V.IgnoredCallee = Verifier.describe(R.IgnoredCall);
    Verdicts.push_back(std::move(V));
  }
  return groupByGate(std::move(Verdicts), Middleware, Verifier);
}

} // namespace appsec::jwt
