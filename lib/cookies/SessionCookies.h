//===- SessionCookies.h - which cookies hold a session ------------------===//
//
// Requirement 7 asks for Secure and HttpOnly on session cookies: the ones
// that identify or authenticate the user. A cookie is taken for one
//  - by its name: its words include session, sess, sid, auth, token, jwt,
//    login, logged, remember, refresh, access, bearer, credential
//    (`sessionid`, `Floaty_access_token`, `loggedIn`, `X-Refresh-token`),
//    or the name is a secret's name for the secret rules (SensitiveData);
//  - by its value: the value is read through a secret's name or a name
//    with those words (`sessionToken`, `jwtAccess`), or made by a call so
//    named (`generateSessionId()`) or by jwt-cpp's sign().
// A CSRF token cookie (csrf, xsrf) is no session cookie; it is meant to be
// read by the page's scripts (double-submit), so it needs Secure, not
// HttpOnly, when all cookies are checked.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "cookies/CookieApis.h"

#include "llvm/ADT/StringRef.h"

namespace appsec {

bool sessionCookieName(llvm::StringRef Name);
bool csrfCookieName(llvm::StringRef Name);
/// \p C holds a session, by its name or its value (see above).
bool holdsSession(const CookieAttributes &C);

} // namespace appsec
