//===- JwtFlow.h - how one function handles a JWT ------------------------===//
//
// Intra-function questions about JWT handling, answered over one function
// body (nested lambdas are functions of their own and are not entered):
//  - which jwt-cpp/cpp-jwt verifications accept a token without `exp`.
// Calls into functions defined in the same translation unit are followed
// (a few levels deep) to see whether a helper verifies the token.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "jwt/JwtApi.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

#include <vector>

namespace appsec::jwt {

struct ExpiryNotRequired {
  const clang::CallExpr *Call = nullptr; ///< verifier.verify(decoded) / jwt::decode(...)
  Library Lib = Library::JwtCpp;
};

/// jwt-cpp verifier.verify(decoded) with a verifier built in this function,
/// and cpp-jwt jwt::decode with verification on, in a function that never
/// requires `exp` (with_claim("exp", ...), has_expires_at(),
/// get_expires_at(), has_claim("exp"), get_claim_value(...expiration...))
/// and does not hand the decoded token to a caller or a helper. Both
/// libraries check `exp` only when the token has one.
std::vector<ExpiryNotRequired> expiryNotRequired(const clang::FunctionDecl *F,
                                                 clang::ASTContext &Ctx);

} // namespace appsec::jwt
