//===- CredentialChecks.h - authentication that is not a JWT ------------===//
//
// A JWT is one way to authenticate a request. A handler that rejects the
// request unless a credential it carries matches something the server holds
// is authenticated too:
//  - a session cookie looked up in a session store
//    (`sessions.count(sid)`, `store.find(cookie) == store.end()`);
//  - an API key or bearer secret compared with a stored value
//    (`req.get_header_value("X-API-Key") != config.apiKey`, strcmp,
//    CRYPTO_memcmp, sodium_memcmp);
//  - HTTP basic credentials checked the same way (Poco
//    HTTPBasicCredentials::getPassword() compared with a stored value).
// The credential is a request value whose key names one (session, sid,
// api-key, x-api-key, authorization, token, cookie), read in the call or in
// the initialiser of a local it was stored in. A comparison with a string
// literal is not a check against stored values (a hard-coded key is a
// secret-handling problem of its own).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace appsec::jwt {

/// 0 if \p Call checks no credential; otherwise which result means the
/// credential matched: +1 when true does (`==`, count, contains), -1 when
/// false does (`!=`, strcmp and memcmp-like calls, `find(...) == end()`).
int credentialCheckPolarity(const clang::CallExpr *Call, const clang::ASTContext &Ctx);

} // namespace appsec::jwt
