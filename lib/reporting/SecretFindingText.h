//===- SecretFindingText.h - words for secret-handling findings ---------===//
#pragma once

#include "lattice/Finding.h"
#include "reporting/FindingText.h"
#include "secrets/HardcodedSecrets.h"

namespace appsec {

/// "the JWT key that jwt::algorithm::hs256 verifies tokens with is written in
/// the source; ..." (the secret itself is never quoted).
DiagnosticText hardcodedSecretText(const HardcodedSecret &S, const clang::FunctionDecl *Callee);

/// "a secret ('dbPassword') reaches spdlog::info(), which writes it to the
/// log; leave it out or mask it (sensitive data in a log, CWE-532)", with
/// the path as notes.
DiagnosticText sensitiveLogText(const SinkFinding &F);

/// "a password ('password') reaches sqlite3_bind_text(), which binds it into
/// a statement that stores it; store a password hash (Argon2, bcrypt, scrypt,
/// PBKDF2) instead (sensitive data stored in plaintext, CWE-312)"; a password
/// hashed with a fast digest, a secret and end-user data each with their own
/// advice.
DiagnosticText plaintextStorageText(const SinkFinding &F);

/// "a secret ('apiToken') reaches curl_easy_setopt(), which sends a request
/// to that URL; send it in a header (Authorization) or the body: servers,
/// proxies and browsers keep URLs in logs, history and Referer headers
/// (secret in a URL, CWE-598)", with the path as notes.
DiagnosticText secretInUrlText(const SinkFinding &F);

/// "a password the user sent in the request ('password') reaches
/// curl_easy_setopt(), which authenticates with that secret: the app logs
/// in elsewhere with its users' credentials; an app must not collect
/// Atlassian passwords or API tokens; use OAuth 2.0 (3LO) or the app's own
/// Connect JWT instead (credential, CWE-522)", with the path as notes.
DiagnosticText credentialCollectionText(const SinkFinding &F);

} // namespace appsec
