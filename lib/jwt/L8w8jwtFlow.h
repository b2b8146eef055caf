//===- L8w8jwtFlow.h - how one function uses l8w8jwt ---------------------===//
//
// l8w8jwt (GlitchedPolygons, C) verifies in l8w8jwt_decode() what a
// struct l8w8jwt_decoding_params asks for, and reports the outcome in a
// separate validation result. This file answers, over one function body,
// what each decode call was asked to check and whether its outcome is looked
// at. Upstream facts relied on (l8w8jwt 2.x, src/decode.c):
//  - l8w8jwt_decoding_params_init() zeroes the struct and sets alg = -2;
//  - alg = -1 skips the signature check, and an alg that is no
//    L8W8JWT_ALG_* value (such as that -2) matches no verifier, so no
//    signature is checked and no failure flag is raised;
//  - validate_exp = 0 (the default) never looks at `exp`;
//  - the return value says only whether the token could be parsed; the
//    claims are handed out even when the validation result has failure flags.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <vector>

namespace appsec::jwt {

struct L8w8jwtDecode {
  const clang::CallExpr *Call = nullptr;
  bool Validates = true; ///< false for l8w8jwt_decode_raw_no_validation

  /// The local struct l8w8jwt_decoding_params passed by address; null if the
  /// parameters are not a local struct of this function.
  const clang::VarDecl *Params = nullptr;
  /// All fields of Params are known: it is initialised here (init call,
  /// initialiser list or memset) and never handed to another function.
  bool ParamsKnown = false;
  const clang::CallExpr *Init = nullptr; ///< l8w8jwt_decoding_params_init(&Params)

  enum class Alg { Given, SkipsSignature, NotAnAlgorithm, NeverSet };
  Alg AlgState = Alg::Given;
  const clang::Expr *AlgValue = nullptr; ///< the -1 / unknown constant written
  int64_t AlgConstant = 0;

  /// validate_exp is never turned on and `exp` is not read from the claims.
  bool ExpiryUnchecked = false;
  const clang::Expr *ExpiryOff = nullptr; ///< an explicit `validate_exp = 0`
  const clang::Expr *EmptyKey = nullptr;  ///< verification_key = ""

  /// The local validation result and whether it is compared to L8W8JWT_VALID.
  const clang::VarDecl *Result = nullptr;
  enum class Use { Checked, Partial, Unchecked };
  Use ResultUse = Use::Checked;
  const clang::Expr *PartialTest = nullptr; ///< e.g. `vr & L8W8JWT_EXP_FAILURE`

  /// The first use of the claims (out_claims) or of the payload JSON
  /// (out_payload) after the call, and the variable holding them.
  const clang::Expr *FirstClaimUse = nullptr;
  const clang::VarDecl *Claims = nullptr;
};

/// Every l8w8jwt decode call of \p F (nested lambdas excluded), in order.
std::vector<L8w8jwtDecode> l8w8jwtDecodes(const clang::FunctionDecl *F,
                                          clang::ASTContext &Ctx);

/// The decodes of \p F whose claims are used although nothing checked them:
/// a validating decode whose result is Unchecked or Partial, or a
/// l8w8jwt_decode_raw_no_validation in a function with no validating decode
/// whose result is checked (the Connect "peek at iss, then verify" flow).
std::vector<L8w8jwtDecode> l8w8jwtUnverifiedClaimUses(const clang::FunctionDecl *F,
                                                      clang::ASTContext &Ctx);

} // namespace appsec::jwt
