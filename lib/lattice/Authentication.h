//===- Authentication.h - is the request authenticated here? -------------===//
//
// The part of the lattice the handler check asks about (the transfer is
// propagation/AuthenticationTransfer, the policy jwt/HandlerAuthentication):
//  - a must-fact, settled on every path here: the request was authenticated
//    (a verification whose success the path depends on), answered with an
//    error, or its token decoded without verification (whose claim reads
//    appsec-jwt-missing-verification reports on their own);
//  - a may-set: the last read of request data on each unsettled path.
// What one function's analysis found is an AuthenticationOutcome.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Expr.h"

#include <map>
#include <string>

namespace appsec {

/// A read of request data a handler trusts, made before any authentication.
struct UnauthenticatedRead {
  const clang::Stmt *Read = nullptr;
  std::string What; ///< "request body", "route parameter 'id'", ...
};

struct AuthenticationState {
  bool Settled = false;
  /// By the read's location (raw encoding): the last read on each path.
  std::map<unsigned, UnauthenticatedRead> Reads;

  /// Joins \p O (a reached state) into this one; true if anything changed.
  bool joinWith(const AuthenticationState &O) {
    bool Changed = false;
    if (Settled && !O.Settled) {
      Settled = false;
      Changed = true;
    }
    for (const auto &[Key, R] : O.Reads)
      Changed |= Reads.emplace(Key, R).second;
    return Changed;
  }
};

/// What the analysis of one function found about authentication.
struct AuthenticationOutcome {
  /// The walk finished within its budget (otherwise nothing below is known).
  bool Complete = true;
  /// A handler body: the earliest read that reaches the function's exit on
  /// a path without authentication, if any.
  UnauthenticatedRead UnsettledRead;
  /// The earliest verification (or decode) the walk met on any path.
  const clang::CallExpr *Verification = nullptr;
  /// The earliest verification whose result the code throws away.
  const clang::CallExpr *Ignored = nullptr;
  /// Calls of request handlers made here: true if some path reaches the call
  /// before the request was authenticated.
  std::map<const clang::CallExpr *, bool> HandlerCalls;
};

} // namespace appsec
