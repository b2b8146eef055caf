//===- HandlerAuthentication.h - does a request handler authenticate? ----===//
//
// The policy of the handler part of appsec-jwt-missing-verification: for
// each request handler (frameworks/RequestHandlers), is the request
// authenticated (jwt/Verification) before the handler trusts it?
//  - Public: the route matches a PublicRoutes pattern, or the handler is
//    annotated [[clang::annotate("appsec::public_route")]], or it answers
//    without reading the request or doing work of the application;
//  - ByMiddleware: middleware that runs first verifies
//    (frameworks/Middleware, Crow middleware classes, Drogon filters named in
//    the route; a Drogon filter whose class is not visible is assumed to
//    verify; oat++ AUTHORIZATION parameters);
//  - ByCaller: the handler is a plain function (Boost.Beast, annotated) that
//    this translation unit only calls after an authentication, or from other
//    handlers (which are analysed themselves);
//  - Verified: no read of request data (other than the token itself, the
//    method and the path) reaches the end of the handler on a path without
//    an authentication whose result is used;
//  - NeverVerifies / SomePathsSkip / ResultIgnored: the findings.
// The paths are the engine's: its analysis of each handler body and each
// caller of a handler (propagation/AuthenticationTransfer) yields an
// AuthenticationOutcome, which this policy reads; a function the engine did
// not finish within its budget is left alone (Skipped).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frameworks/Middleware.h"
#include "frameworks/RequestHandlers.h"
#include "jwt/Verification.h"
#include "lattice/Authentication.h"

#include "clang/AST/ASTContext.h"
#include "llvm/Support/Regex.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace appsec::jwt {

enum class HandlerAuth {
  Verified,
  ByMiddleware,
  ByCaller,
  Public,
  Skipped,
  NeverVerifies,
  SomePathsSkip,
  ResultIgnored,
  /// Code that runs before the handlers (a Drogon filter, a Crow middleware,
  /// a pre-routing handler, ...) reads the token and passes the request on
  /// without verifying it: one finding there for the routes it guards.
  GateNeverVerifies,
};

struct HandlerAuthResult {
  HandlerAuth Verdict = HandlerAuth::Verified;
  const clang::Stmt *Read = nullptr;              ///< SomePathsSkip: the unguarded read
  std::string ReadWhat;                           ///< "request body", "route parameter 'id'"
  const clang::CallExpr *Verification = nullptr;  ///< a verification on some path
  const clang::CallExpr *IgnoredCall = nullptr;   ///< ResultIgnored: the call
};

struct HandlerAuthOptions {
  std::string PublicRoutes;           ///< ';'-separated regexes on the route
  /// Frameworks (frameworkName(), ';'-separated) whose handlers are all
  /// covered by middleware registered in another translation unit.
  std::string MiddlewareElsewhere;
  /// Report login, token, refresh and registration endpoints too (see
  /// IdentityEndpoints.h); by default they are not endpoints that forgot to
  /// authenticate.
  bool ReportIdentityEndpoints = false;
};

/// Code that provably runs before \p H (Drogon filters named in the route,
/// Crow middleware, MiddlewareIndex::before registrations) verifies the
/// request's token; a Drogon filter this unit cannot see counts as verifying.
bool gateVerifies(const RequestHandler &H, const MiddlewareIndex &Middleware,
                  VerificationIndex &Verifier);

/// The engine's authentication outcome of a function (null if not tracked).
using AuthenticationOutcomes =
    std::function<const AuthenticationOutcome *(const clang::FunctionDecl *)>;

/// Default PublicRoutes: the Connect descriptor, health checks, static files.
extern const char *const DefaultPublicRoutes;

class HandlerAuthentication {
public:
  HandlerAuthentication(clang::ASTContext &Ctx, VerificationIndex &Verifier,
                        const MiddlewareIndex &Middleware, const HandlerIndex &Handlers,
                        AuthenticationOutcomes OutcomeOf, const HandlerAuthOptions &Options,
                        std::string *Error = nullptr);

  /// Calls made in \p Caller: handlers reached by a direct call are judged
  /// by their call sites (see ByCaller). Give every analysed function.
  void addCaller(const clang::FunctionDecl *Caller);

  HandlerAuthResult analyse(const RequestHandler &H);

private:
  bool isPublic(const RequestHandler &H) const;
  bool coveredByMiddleware(const RequestHandler &H);
  bool coveredByCallers(const RequestHandler &H);

  clang::ASTContext &Ctx;
  VerificationIndex &Verifier;
  const MiddlewareIndex &Middleware;
  const HandlerIndex &Handlers;
  AuthenticationOutcomes OutcomeOf;
  HandlerAuthOptions Options;
  std::vector<std::unique_ptr<llvm::Regex>> Public;
  /// handler (canonical) -> (calling function, call)
  std::multimap<const clang::FunctionDecl *, std::pair<const clang::FunctionDecl *, const clang::CallExpr *>>
      CallSites;
};

/// A handler the analysis found at fault.
struct HandlerVerdict {
  RequestHandler Handler;
  HandlerAuthResult Result;
  std::string IgnoredCallee; ///< ResultIgnored: "authenticate()", ...
  std::string IdentityRole;  ///< "issues a token (builder::sign())" when reported by option
  /// The file authenticates some requests by a session lookup or an API-key
  /// comparison (CredentialChecks): the finding asks for authentication, not
  /// for a JWT.
  bool CredentialsInUse = false;
  /// The file calls a JWT library or names its verifier for a token: the
  /// finding may ask for a JWT; otherwise it asks for authentication.
  bool JwtInUse = true;
  /// The verification met on another path (SomePathsSkip) checks a session
  /// or API key rather than a token.
  bool VerificationIsCredentialCheck = false;
  /// GateNeverVerifies: what the gate is ("Drogon filter 'AuthFilter'",
  /// "cpp-httplib pre-routing handler"), where it passes the request on
  /// ("before calling the chain callback"), where it reads the token, and
  /// the routes it guards (registration, route).
  std::string GateName;
  std::string GatePasses;
  const clang::Stmt *TokenRead = nullptr;
  std::vector<std::pair<clang::SourceLocation, std::string>> GuardedRoutes;
};

/// The whole handler analysis of one translation unit: indexes the handlers
/// and middleware of \p Functions (the main file's functions and lambdas),
/// and returns the verdicts NeverVerifies, ResultIgnored and SomePathsSkip
/// of handlers registered in the main file. Unless \p Always, nothing is
/// returned for a file that shows no JWT authentication (no JWT library call,
/// \p SawJwtApi false, no verifier function declared in the project's own
/// code, and no gate in front of a handler whose body in another unit handles
/// a JWT by \p JwtElsewhere). Invalid option patterns are added to
/// \p ConfigErrors.
std::vector<HandlerVerdict> findUnverifiedHandlers(clang::ASTContext &Ctx,
                                                   llvm::ArrayRef<const clang::FunctionDecl *> Functions,
                                                   const AuthenticationOutcomes &OutcomeOf,
                                                   const VerificationIndex::ElsewhereFn &Elsewhere,
                                                   const VerificationIndex::JwtElsewhereFn &JwtElsewhere,
                                                   const HandlerAuthOptions &Options,
                                                   llvm::StringRef VerificationFunctions,
                                                   bool Always, bool SawJwtApi,
                                                   std::vector<std::string> &ConfigErrors);

} // namespace appsec::jwt
