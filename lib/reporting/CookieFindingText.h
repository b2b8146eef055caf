//===- CookieFindingText.h - words for cookie findings ------------------===//
#pragma once

#include "cookies/CookieApis.h"
#include "reporting/FindingText.h"

namespace appsec {

/// Which attributes a finding asks for.
struct MissingCookieAttributes {
  bool Secure = false, HttpOnly = false, SameSite = false;
  bool any() const { return Secure || HttpOnly || SameSite; }
};

/// "session cookie 'sid' is set without Secure and HttpOnly: it also
/// travels over plain HTTP and page scripts can read it; call
/// setSecure(true) and setHttpOnly(true) (CWE-614, CWE-1004)", at the call
/// that puts the cookie in the response, with a note where it was made.
/// \p Session: the cookie was found to hold a session (else "cookie").
DiagnosticText insecureCookieText(const SetCookie &S, MissingCookieAttributes Missing,
                                  bool Session);

} // namespace appsec
