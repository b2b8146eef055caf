//===- QueryStringHash.h - is a Connect JWT bound to its request? --------===//
//
// Atlassian Connect JWTs carry a `qsh` claim: the SHA-256 of the canonical
// request (METHOD '&' path '&' sorted query) the token was issued for, or the
// fixed value "context-qsh" for context tokens from AP.context.getToken().
// An app must compare the claim with the hash of the request it serves, and
// accept "context-qsh" only on the routes its own frontend calls.
//
// This file answers, over one translation unit:
//  - which JWT verifications (jwt-cpp verifier.verify, cpp-jwt jwt::decode,
//    keyed libjwt jwt_decode, Poco Signer::verify/tryVerify, hand-written
//    HS256 verifiers) are not followed by such a comparison in the function,
//    the functions it calls, or its callers (a few levels each way);
//  - where "context-qsh" is accepted on behalf of a request handler whose
//    route is not a context-token route.
// A qsh computation is recognised by its ingredients (see
// docs/checks/appsec-connect-qsh.md). Work is bounded: call chains are
// followed at most kCallDepth levels and every function body is walked once.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frameworks/RequestHandlers.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/Support/Regex.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace appsec::jwt {

/// What a qsh claim is compared with.
enum class QshValue {
  Computed,       ///< a hash of the request (ingredients found, or a qsh-named helper)
  Delegated,      ///< a parameter no caller in this file supplies: the caller's duty
  ContextQsh,     ///< the literal "context-qsh"
  Incomplete,     ///< a SHA-256 missing the '&'-joined form or the sorted query
  NotRequestHash, ///< something that is not a hash of the request
  Constant,       ///< another constant
};

/// Why a verification is reported.
enum class QshGap {
  Never,          ///< nothing looks at the qsh claim
  ReadOnly,       ///< qsh is read but never compared
  PresenceOnly,   ///< only its presence is checked
  Constant,       ///< compared only with a constant other than "context-qsh"
  NotRequestHash, ///< compared with a value that is not a hash of the request
  Incomplete,     ///< compared with a SHA-256 that lacks ingredients
  ContextOnly,    ///< compared only with "context-qsh", when a caller asks for it
};

struct UncheckedQsh {
  const clang::CallExpr *Verify = nullptr; ///< the verification call
  std::string What;                         ///< "jwt-cpp verifier.verify()", ...
  QshGap Gap = QshGap::Never;
  const clang::Stmt *Evidence = nullptr;    ///< the comparison / presence test / read
  std::string Detail;                       ///< the constant, or the missing ingredients
  const RequestHandler *Handler = nullptr;  ///< a handler the verification runs for
};

struct ContextQshOnRoute {
  const clang::Stmt *Report = nullptr;     ///< the comparison, or the caller's argument
  const clang::Stmt *Acceptance = nullptr; ///< the comparison with "context-qsh"
  const RequestHandler *Handler = nullptr; ///< the route that must not accept it
  bool CallerChose = false;                ///< the caller's argument enables it
};

class QshAnalysis {
public:
  static constexpr unsigned kCallDepth = 3;

  /// \p ContextRoutes matches the routes that take context tokens (may be
  /// null: none by pattern; the annotation still counts).
  QshAnalysis(clang::ASTContext &Ctx, const llvm::Regex *ContextRoutes);
  ~QshAnalysis();

  /// The file mentions the Connect protocol: a string literal "qsh",
  /// "context-qsh", one naming atlassian-connect, or the "JWT " scheme.
  bool mentionsConnect() const;

  std::vector<UncheckedQsh> uncheckedVerifications();
  std::vector<ContextQshOnRoute> contextQshOnOtherRoutes();

  struct Impl;

private:
  std::unique_ptr<Impl> P;
};

} // namespace appsec::jwt
