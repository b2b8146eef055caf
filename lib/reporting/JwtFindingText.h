//===- JwtFindingText.h - what the JWT checks say ------------------------===//
//
// The messages and notes of appsec-jwt-missing-verification and
// appsec-jwt-unsafe-verification, built from the engine's results
// (jwt/HandlerAuthentication, jwt/JwtFlow, jwt/L8w8jwtFlow) so the checks
// only report them (JwtFindingText.cpp, JwtUnsafeFindingText.cpp). Each message says what to add where the fix
// is mechanical; the requirement clause is appended by the check.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "jwt/HandlerAuthentication.h"
#include "lattice/Finding.h"
#include "reporting/FindingText.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceLocation.h"

#include <string>
#include <utility>
#include <optional>
#include <vector>

namespace appsec {


/// "cpp-httplib handler for route '/api/notes'", "Poco request handler
/// 'ExportHandler::handleRequest'", "cpprestsdk request handler".
std::string handlerDescription(const RequestHandler &H);

/// The finding for a handler that does not verify the request's JWT.
DiagnosticText unverifiedHandlerText(const jwt::HandlerVerdict &V, const clang::SourceManager &SM);

/// The finding for a claim read from a token decoded from untrusted data
/// that no verification reached (the engine's jwt-claim sink findings: jwt-cpp,
/// libjwt), with the path from the request through the decode as notes.
DiagnosticText unverifiedClaimText(const SinkFinding &F);

/// A key URL the token names in its own header (label token-key-url) that
/// reaches a fetch (an ssrf sink) or a verification key (a jwt-key sink).
DiagnosticText keyFromTokenText(const SinkFinding &F);

/// The algorithm the token names in its own header (label token-alg) that
/// reaches an allow-list (a jwt-algorithm sink at an argument) or decides a
/// branch that configures a different verifier on each side.
DiagnosticText algorithmFromTokenText(const SinkFinding &F);

/// A verification's error code never read after the call (jwt-cpp
/// verify(decoded, ec), cpp-jwt jwt::decode(..., ec, ...)); none for results
/// of other libraries.
std::optional<DiagnosticText> uncheckedResultText(const UncheckedResult &R);

/// One finding per decoded token, at its first unverified read: the fix (verify
/// the token) is the same for every read of it.
std::vector<const SinkFinding *> firstReadPerToken(std::vector<const SinkFinding *> Reads,
                                                   const clang::SourceManager &SM);

/// The handler and claim findings of appsec-jwt-missing-verification, in
/// that order: claims read first (firstReadPerToken), then the handler
/// verdicts. A claim read inside a gate that is itself reported for passing
/// the request on unverified (GateNeverVerifies) is a note of that finding,
/// not one of its own: both ask for the same verification in the same place.
std::vector<DiagnosticText> missingVerificationTexts(const std::vector<const SinkFinding *> &ClaimReads,
                                                     const std::vector<jwt::HandlerVerdict> &Verdicts,
                                                     const clang::SourceManager &SM);

/// The findings for claims read from l8w8jwt tokens \p F decodes without
/// validating, at the first use with a note at the decode.
std::vector<DiagnosticText> decodedOnlyTexts(const clang::FunctionDecl *F, clang::ASTContext &Ctx);

/// Broken verification visible in one JWT API call: jwt-cpp
/// allow_algorithm(none), cpp-jwt verify(false) (with a fix-it) or "none" in
/// algorithms(...), libjwt jwt_decode with an empty key or ignored result,
/// jwt_validate or Poco tryVerify results ignored.
std::vector<DiagnosticText> unsafeCallTexts(const clang::CallExpr *Call, clang::ASTContext &Ctx);

/// Broken verification visible over one function: unchecked error codes,
/// the token's alg choosing the verifier, Poco expiry never read, keys from
/// the token's jku/x5u URL, l8w8jwt parameters and results, and (with
/// \p RequireExpiry) tokens without exp accepted.
std::vector<DiagnosticText> unsafeFunctionTexts(const clang::FunctionDecl *F, clang::ASTContext &Ctx,
                                                bool RequireExpiry);

} // namespace appsec
