//===- SecretFindingText.h - words for secret-handling findings ---------===//
#pragma once

#include "reporting/FindingText.h"
#include "secrets/HardcodedSecrets.h"

namespace appsec {

/// "the JWT key that jwt::algorithm::hs256 verifies tokens with is written in
/// the source; ..." (the secret itself is never quoted).
DiagnosticText hardcodedSecretText(const HardcodedSecret &S, const clang::FunctionDecl *Callee);

} // namespace appsec
