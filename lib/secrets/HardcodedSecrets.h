//===- HardcodedSecrets.h - secrets written into the source -------------===//
//
// A key or password handed to a library call is a secret; written as a
// string literal it is in the repository, in every build and in the binary.
// Which arguments are secrets is data: sink models of the categories
// jwt-key (jwt-cpp algorithm objects, cpp-jwt secret(), libjwt jwt_decode,
// Poco Signer) and credential (mysql_real_connect's password, libpq
// connection strings with password=, curl CURLOPT_PASSWORD/USERPWD, ...).
// An argument is written in the source when it is a non-empty string
// literal, directly or through std::string, c_str(), or a constant (const,
// constexpr, or a `const char *` global) initialised with one.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "models/ModelSet.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

#include <string>
#include <vector>

namespace appsec {

struct HardcodedSecret {
  const clang::Expr *Use = nullptr;              ///< the argument
  const clang::StringLiteral *Literal = nullptr; ///< where the secret is written
  const clang::VarDecl *Via = nullptr;           ///< the constant it came through
  SinkCategory Category = SinkCategory::Credential;
  std::string What; ///< the model's words: "logs in to PostgreSQL with that password"
};

/// The secret arguments of a call of \p Callee (arguments \p Args, object
/// \p Object) that are written in the source, by the jwt-key and credential
/// sink models in \p Models.
std::vector<HardcodedSecret> hardcodedSecrets(const clang::FunctionDecl *Callee,
                                              llvm::ArrayRef<const clang::Expr *> Args,
                                              const clang::Expr *Object, const ModelSet &Models,
                                              const clang::ASTContext &Ctx);

} // namespace appsec
