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
//    named (`generateSessionId()`) or by jwt-cpp's sign(); the names in the
//    expression that writes the header count too (`"a=" + authToken`, a
//    local followed to its initialiser, mg_printf's arguments).
// "login" and "logged" do not count next to words about the form (name,
// email, attempts: `loginName`).
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
/// \p C holds a session, by its name or its value (see above); \p Written
/// is the value as the code wrote it (the header text's expression, the
/// call of mg_printf), whose names count as the value's.
bool holdsSession(const CookieAttributes &C, const clang::Expr *Written);

} // namespace appsec
