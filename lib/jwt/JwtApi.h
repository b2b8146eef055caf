//===- JwtApi.h - what the C/C++ JWT libraries' calls mean ---------------===//
//
// Library knowledge, one predicate per API shape, for five JWT libraries:
//   jwt-cpp   (Thalhammer, <jwt-cpp/jwt.h>): jwt::decode, jwt::verify()
//             builder (jwt::verifier), jwt::algorithm::*, jwt::decoded_jwt;
//   cpp-jwt   (arun11299, Debian libcpp-jwt-dev, <jwt/jwt.hpp>): jwt::decode
//             returning jwt::jwt_object, jwt::params::{verify,algorithms,...};
//   libjwt    (benmcollins 1.x, Debian libjwt-dev, <jwt.h>): jwt_decode,
//             jwt_get_grant*, jwt_get_alg;
//   Poco::JWT (<Poco/JWT/Signer.h>): Signer::verify/tryVerify, Token;
//   l8w8jwt   (GlitchedPolygons, C, <l8w8jwt/decode.h>): l8w8jwt_decode with
//             struct l8w8jwt_decoding_params, l8w8jwt_get_claim.
// jwt-cpp and cpp-jwt share the namespace `jwt`; they are told apart by the
// types their functions return.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

#include <vector>

namespace appsec::jwt {

enum class Library { JwtCpp, CppJwt, LibJwt, Poco, L8w8jwt };

/// "jwt-cpp", "cpp-jwt", "libjwt", "Poco::JWT", "l8w8jwt".
const char *libraryName(Library L);

/// True if \p FD belongs to one of the five libraries' APIs (namespace jwt,
/// namespace Poco::JWT, or a global C function named jwt_* or l8w8jwt_*).
/// Cheap: the checks use it to pick the calls worth looking at.
bool isJwtApiFunction(const clang::FunctionDecl *FD);

// --- jwt-cpp -------------------------------------------------------------------

/// jwt::decode(token) returning a jwt::decoded_jwt (parses, verifies nothing).
bool isJwtCppDecode(const clang::CallExpr *Call);
/// A call of jwt::verifier::<Method>, e.g. "verify" or "allow_algorithm".
bool isJwtCppVerifierCall(const clang::CallExpr *Call, llvm::StringRef Method);
/// \p E has type jwt::algorithm::none (e.g. `jwt::algorithm::none{}`).
bool isJwtCppNoneAlgorithm(const clang::Expr *E);
/// A getter of a decoded_jwt's payload (get_payload_claim, get_subject,
/// get_payload_json, ...).
bool isJwtCppClaimRead(const clang::CallExpr *Call);

// --- cpp-jwt -------------------------------------------------------------------

/// jwt::decode(token, algorithms(...), ...) returning a jwt::jwt_object.
bool isCppJwtDecode(const clang::CallExpr *Call);
/// A call of the decode parameter builder jwt::params::<Name>, e.g. "verify".
bool isCppJwtParam(const clang::CallExpr *Call, llvm::StringRef Name);

// --- libjwt --------------------------------------------------------------------

/// int jwt_decode(jwt_t **, const char *token, const unsigned char *key, int len).
bool isLibJwtDecode(const clang::CallExpr *Call);
enum class KeyState { Missing, Empty, Given };
/// What the key arguments of a jwt_decode call say: NULL key (Missing, no
/// signature check), an empty literal or a zero length (Empty), else Given.
KeyState libJwtKey(const clang::CallExpr *Decode, const clang::ASTContext &Ctx);
/// jwt_get_grant, jwt_get_grant_int, jwt_get_grant_bool, jwt_get_grants_json, ...
bool isLibJwtClaimRead(const clang::CallExpr *Call);

// --- Poco::JWT -----------------------------------------------------------------

/// Poco::JWT::Signer::<Method> ("verify", "tryVerify", ...).
bool isPocoSignerCall(const clang::CallExpr *Call, llvm::StringRef Method);

/// The algorithm names "none" (any case, a string literal) and the
/// constants named ALGO_NONE (Poco's Signer) anywhere in \p Call's
/// arguments: cpp-jwt algorithms({...}), Poco addAlgorithm/setAlgorithms.
std::vector<const clang::Expr *> noneAlgorithmsIn(const clang::CallExpr *Call);

// --- l8w8jwt -------------------------------------------------------------------

/// A JWT verification of l8w8jwt: l8w8jwt_decode(params, &validation_result,
/// &claims, &claims_length) or l8w8jwt_decode_raw(params, &validation_result,
/// &header, ...). Both check the signature (params->alg with
/// params->verification_key) and the claims params asks for, but report the
/// outcome in *validation_result (L8W8JWT_VALID = 0), not in the return value,
/// which only says whether the token could be parsed.
bool isL8w8jwtDecode(const clang::CallExpr *Call);
/// l8w8jwt_decode_raw_no_validation(params, &header, &header_length, &payload,
/// &payload_length, &signature, &signature_length): verifies nothing.
bool isL8w8jwtDecodeWithoutValidation(const clang::CallExpr *Call);
/// l8w8jwt_decoding_params_init(&params): zeroes the struct, alg = -2.
bool isL8w8jwtParamsInit(const clang::CallExpr *Call);
/// l8w8jwt_get_claim(claims, claims_length, "key", key_length).
bool isL8w8jwtClaimRead(const clang::CallExpr *Call);
/// \p T is (a typedef of) struct l8w8jwt_decoding_params.
bool isL8w8jwtDecodingParams(clang::QualType T);

// --- shared --------------------------------------------------------------------

/// The argument of \p Call bound to a `std::error_code &` parameter, or null.
const clang::Expr *errorCodeArgument(const clang::CallExpr *Call);

/// \p S builds or configures a verifier: jwt-cpp allow_algorithm or an
/// algorithm object, a cpp-jwt jwt::decode or algorithms(...), a keyed
/// libjwt jwt_decode, a Poco Signer or its algorithm setters.
bool configuresVerifier(const clang::Stmt *S, const clang::ASTContext &Ctx);

/// \p Terminator (an if, switch or ?: of \p F) chooses between verifiers:
/// an if whose branches configure different verifiers (or whose then-branch
/// configures one and leaves, with another configured after it), a switch
/// with two or more cases that configure one, a ?: with one on each side.
/// Whatever its condition tests then picks how a token is checked.
bool choosesVerifier(const clang::Stmt *Terminator, const clang::FunctionDecl *F,
                     clang::ASTContext &Ctx);

/// The text of the narrow string literal \p E is, also through the
/// std::string / string_view built from it; empty otherwise.
llvm::StringRef literalText(const clang::Expr *E);

/// \p T names a decoded token object whose claims a caller may still check
/// (jwt-cpp decoded_jwt, cpp-jwt jwt_object, Poco::JWT Token).
bool isDecodedTokenType(clang::QualType T);

} // namespace appsec::jwt
