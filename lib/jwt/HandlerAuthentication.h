//===- HandlerAuthentication.h - does a request handler verify a JWT? ----===//
//
// For each request handler (frameworks/RequestHandlers), decides whether a
// JWT verification (jwt/Verification) happens before the handler trusts the
// request:
//  - Public: the route matches a PublicRoutes pattern, or the handler is
//    annotated [[clang::annotate("appsec::public_route")]];
//  - ByMiddleware: middleware that runs first verifies
//    (frameworks/Middleware, Crow middleware classes, Drogon filters named in
//    the route; a Drogon filter whose class is not visible is assumed to
//    verify; oat++ AUTHORIZATION parameters);
//  - ByCaller: the handler is a plain function (Boost.Beast, annotated) that
//    this translation unit only calls after a verification, or from other
//    handlers (which are analysed themselves);
//  - Verified: every path from the handler's entry to a read of request
//    data (other than the token itself, the method and the path) goes
//    through a verification whose result is used;
//  - NeverVerifies / SomePathsSkip / ResultIgnored: the findings.
// The walk is over the handler's CFG, bounded in blocks; a handler too big
// to walk is left alone (Skipped).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frameworks/Middleware.h"
#include "frameworks/RequestHandlers.h"
#include "jwt/Verification.h"

#include "clang/AST/ASTContext.h"
#include "llvm/Support/Regex.h"

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
  unsigned MaxBlocks = 4000;
};

/// Default PublicRoutes: the Connect descriptor, health checks, static files.
extern const char *const DefaultPublicRoutes;

class HandlerAuthentication {
public:
  HandlerAuthentication(clang::ASTContext &Ctx, VerificationIndex &Verifier,
                        const MiddlewareIndex &Middleware, const HandlerIndex &Handlers,
                        const HandlerAuthOptions &Options, std::string *Error = nullptr);

  /// Calls made in \p Caller: handlers reached by a direct call are judged
  /// by their call sites (see ByCaller). Give every analysed function.
  void addCaller(const clang::FunctionDecl *Caller);

  HandlerAuthResult analyse(const RequestHandler &H);

private:
  struct Walk {
    const clang::Stmt *FirstRead = nullptr;
    std::string ReadWhat;
    const clang::CallExpr *Verification = nullptr;
    const clang::CallExpr *Ignored = nullptr;
    bool ReachesEnd = false;  ///< some path reaches the exit unverified
    bool TooBig = false;
    bool TargetUnverified = false;
  };
  /// Walks \p F's CFG from the entry, stopping each path at a verification.
  /// Reads of request data are looked for when \p H is given; \p Target, if
  /// given, is a statement whose unverified reachability is asked.
  Walk walk(const clang::FunctionDecl *F, const RequestHandler *H, const clang::Stmt *Target);
  std::string requestRead(const clang::Stmt *S, const RequestHandler &H,
                          const clang::FunctionDecl *F) const;
  bool isPublic(const RequestHandler &H) const;
  /// Some statement of \p H's body reads request data (requestRead).
  bool readsRequest(const RequestHandler &H) const;
  bool coveredByMiddleware(const RequestHandler &H);
  bool coveredByCallers(const RequestHandler &H);

  clang::ASTContext &Ctx;
  VerificationIndex &Verifier;
  const MiddlewareIndex &Middleware;
  const HandlerIndex &Handlers;
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
};

/// The whole handler analysis of one translation unit: indexes the handlers
/// and middleware of \p Functions (the main file's functions and lambdas),
/// and returns the verdicts NeverVerifies, ResultIgnored and SomePathsSkip
/// of handlers registered in the main file. Unless \p Always, nothing is
/// returned for a file that shows no JWT authentication (no JWT library call,
/// \p SawJwtApi false, and no verifier function declared in the project's
/// own code). Invalid option patterns are added to \p ConfigErrors.
std::vector<HandlerVerdict> findUnverifiedHandlers(clang::ASTContext &Ctx,
                                                   llvm::ArrayRef<const clang::FunctionDecl *> Functions,
                                                   const HandlerAuthOptions &Options,
                                                   llvm::StringRef VerificationFunctions,
                                                   bool Always, bool SawJwtApi,
                                                   std::vector<std::string> &ConfigErrors);

} // namespace appsec::jwt
