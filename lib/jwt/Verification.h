//===- Verification.h - which calls verify a JWT -------------------------===//
//
// One answer to "does this call verify the request's token?", shared by the
// handler-level JWT check and the middleware analysis:
//  - a library verification: jwt-cpp verifier::verify, cpp-jwt jwt::decode
//    (verifies unless told not to), libjwt jwt_decode with a key (1.x),
//    jwt_validate (1.12+), jwt_checker_verify (3.x), l8w8jwt_decode(_raw),
//    Poco::JWT Signer::verify/tryVerify;
//  - a call of a function in the project's own code whose name says it
//    authenticates (VerificationFunctions patterns: verify*, authenticate*,
//    authori[sz]e*, validate/check/require*...jwt/token/auth...), or that is
//    annotated [[clang::annotate("appsec::verifies_jwt")]];
//  - a call of a function defined in this translation unit whose body makes
//    such a call (followed three levels deep).
// A verification whose boolean/status result is thrown away (the call is a
// statement of its own) does not count: the request is served either way.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/Support/Regex.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace appsec::jwt {

/// The default VerificationFunctions patterns (case-insensitive regexes on
/// the unqualified function name), ';'-separated.
extern const char *const DefaultVerificationFunctions;

class VerificationIndex {
public:
  /// \p NamePatterns: ';'-separated regexes; an invalid one is reported
  /// through \p Error and skipped.
  VerificationIndex(clang::ASTContext &Ctx, llvm::StringRef NamePatterns,
                    std::string *Error = nullptr);

  /// \p Call verifies a token (see the file comment); its result may still
  /// be ignored, see resultIgnored().
  bool isVerification(const clang::CallExpr *Call);
  /// Which result of the verification \p Call means success: +1 (true, as
  /// for verify(), count(sid)) or -1 (false: `key != stored`, strcmp).
  int successPolarity(const clang::CallExpr *Call) const;
  /// \p Call (a verification) is a statement of its own in \p F and returns
  /// a value: its verdict is thrown away.
  bool resultIgnored(const clang::CallExpr *Call, const clang::FunctionDecl *F) const;
  /// \p Call decodes a token without checking it (jwt-cpp jwt::decode, libjwt
  /// jwt_decode with a NULL key): appsec-jwt-missing-verification reports its
  /// claim reads, so handler-level analysis treats it as handled.
  bool isUnverifiedDecode(const clang::CallExpr *Call) const;
  /// \p F's body (in this translation unit, or in another one the summary
  /// store knows) makes a verification whose result is used.
  bool functionVerifies(const clang::FunctionDecl *F);
  /// What is known of a function defined in another unit: whether its body
  /// verifies (nullopt: nothing known). Set by the engine from its summary
  /// store.
  using ElsewhereFn = std::function<std::optional<bool>(const clang::FunctionDecl *)>;
  void setElsewhere(ElsewhereFn F) { Elsewhere = std::move(F); }
  std::optional<bool> verifiesElsewhere(const clang::FunctionDecl *F) const {
    return Elsewhere && F ? Elsewhere(F) : std::nullopt;
  }
  /// Whether a function defined in another unit handles a JWT (decodes or
  /// verifies one, by the summary store): a gate of that kind shows that the
  /// application authenticates with JWTs.
  using JwtElsewhereFn = std::function<bool(const clang::FunctionDecl *)>;
  void setJwtElsewhere(JwtElsewhereFn F) { JwtElsewhere = std::move(F); }
  bool handlesJwtElsewhere(const clang::FunctionDecl *F) const {
    return JwtElsewhere && F && JwtElsewhere(F);
  }
  /// \p Name matches the VerificationFunctions patterns.
  bool hasVerifierName(llvm::StringRef Name) const;
  /// The project's own code (outside system headers) declares a verifier
  /// function (by name or annotation): the translation unit belongs to an
  /// application that authenticates requests with JWTs. (Calls of a JWT
  /// library are the other evidence; the check sees those with a matcher.)
  bool translationUnitUsesJwt();
  /// Of those, one is named for a token (verifyToken, validate_jwt) or
  /// annotated as verifying a JWT: the application's authentication is a
  /// JWT's, and findings may ask for one.
  bool translationUnitNamesJwt();
  /// "jwt-cpp verifier::verify()", "authenticate()", ... for messages.
  std::string describe(const clang::CallExpr *Call) const;

private:
  bool isVerificationAt(const clang::CallExpr *Call, unsigned Depth);
  bool functionVerifiesAt(const clang::FunctionDecl *F, unsigned Depth);
  bool isUserCode(const clang::Decl *D) const;

  clang::ASTContext &Ctx;
  std::vector<std::unique_ptr<llvm::Regex>> Patterns;
  std::map<const clang::FunctionDecl *, bool> Verifies;
  ElsewhereFn Elsewhere;
  JwtElsewhereFn JwtElsewhere;
  void indexVerifierNames();
  int UsesJwt = -1, NamesJwt = -1;
};

} // namespace appsec::jwt
