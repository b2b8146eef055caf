// RUN: %check_appsec_tidy %s appsec-insecure-cookie %t -- -- -std=c++17 -isystem %mocks
// RUN: %check_appsec_tidy -check-suffix=ALL %s appsec-insecure-cookie %t -- \
// RUN:   --config="{CheckOptions: {appsec-insecure-cookie.AllCookies: 'true', appsec-insecure-cookie.RequireSameSite: 'false'}}" \
// RUN:   -- -std=c++17 -isystem %mocks
// Session cookies written as Set-Cookie header text: cpp-httplib and civetweb
// (Debian's headers), Drogon and oat++ (mocks). The text is followed through
// concatenation, locals and what is appended to them, string streams and
// helpers of this file; a part only known at run time where an attribute
// could be leaves that attribute unknown, and unknown is not reported.
// With AllCookies every cookie counts, with RequireSameSite off only
// Secure and HttpOnly do.
#include <civetweb.h>
#include <drogon/drogon.h>
#include <fmt/format.h>
#include <httplib.h>
#include "oatpp/web/server/api/ApiController.hpp"

#include <sstream>
#include <string>

std::string newSessionId();
std::string cookieAttributes(); // defined elsewhere: unknown
void intToStr(int n, std::string &out); // writes into out: not followed

void login(httplib::Response &res, const std::string &sessionToken, bool remember) {
  res.set_header("Set-Cookie", "sid=" + sessionToken + "; Path=/");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session cookie 'sid' is set without Secure, HttpOnly and SameSite: it also travels over plain HTTP, page scripts can read it (one XSS flaw steals it) and other sites' requests carry it (CSRF); add '; Secure; HttpOnly; SameSite=Lax' to the Set-Cookie value (CWE-614, CWE-1004 and CWE-1275); violates Atlassian requirement 7 (Security headers and cookie attributes) [appsec-insecure-cookie]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:7: warning: session cookie 'sid' is set without Secure and HttpOnly: it also travels over plain HTTP and page scripts can read it (one XSS flaw steals it); add '; Secure; HttpOnly' to the Set-Cookie value (CWE-614 and CWE-1004); {{.*}}

  // The session is in the value, not the name.
  res.set_header("Set-Cookie", "c=" + sessionToken + "; Path=/; HttpOnly; SameSite=Strict");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session cookie 'c' is set without Secure: it also travels over plain HTTP; add '; Secure' to the Set-Cookie value (CWE-614); {{.*}}
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:7: warning: session cookie 'c' is set without Secure: {{.*}}

  // Built in a local, attributes appended later (in a branch: taken as set).
  std::string cookie = "remember_me=" + sessionToken;
  cookie += "; HttpOnly";
  if (remember)
    cookie += "; Max-Age=2592000";
  res.set_header("Set-Cookie", cookie);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session cookie 'remember_me' is set without Secure and SameSite: {{.*}}; add '; Secure; SameSite=Lax' to the Set-Cookie value (CWE-614 and CWE-1275); {{.*}}
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:7: warning: session cookie 'remember_me' is set without Secure: {{.*}}

  // A string stream.
  std::ostringstream os;
  os << "auth=" << newSessionId() << "; Secure; SameSite=Lax";
  res.set_header("Set-Cookie", os.str());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session cookie 'auth' is set without HttpOnly: page scripts can read it (one XSS flaw steals it); add '; HttpOnly' to the Set-Cookie value (CWE-1004); {{.*}}
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:7: warning: session cookie 'auth' is set without HttpOnly: {{.*}}

  // SameSite=None without Secure: browsers drop it.
  res.set_header("Set-Cookie", "jwt=" + sessionToken + "; HttpOnly; SameSite=None");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session cookie 'jwt' is set without Secure: browsers refuse it with SameSite=None, and otherwise it also travels over plain HTTP; {{.*}}
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:7: warning: session cookie 'jwt' is set without Secure: {{.*}}
}

// A helper of this file builds the text.
std::string sessionCookie(const std::string &token) {
  return "session=" + token + "; Path=/; Secure";
}

void viaHelper(httplib::Response &res, const std::string &token) {
  res.set_header("Set-Cookie", sessionCookie(token));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session cookie 'session' is set without HttpOnly and SameSite: {{.*}}
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:7: warning: session cookie 'session' is set without HttpOnly: {{.*}}
}

void otherCookies(httplib::Response &res, const std::string &lang) {
  // Not a session cookie: reported only with AllCookies.
  res.set_header("Set-Cookie", "theme=dark; Path=/");
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:7: warning: cookie 'theme' is set without Secure and HttpOnly: {{.*}}
  res.set_header("Set-Cookie", "lang=" + lang + "; Path=/; Secure; HttpOnly; SameSite=Lax");

  // A CSRF token cookie is no session cookie, and the page's scripts read
  // it: with AllCookies it needs Secure, not HttpOnly.
  res.set_header("Set-Cookie", "XSRF-TOKEN=" + lang + "; Path=/; SameSite=Strict");
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:7: warning: cookie 'XSRF-TOKEN' is set without Secure: {{.*}}
}

// Written into httplib's header map; fmt::format with its arguments; the
// value's names in the written expression (a local followed to its
// initialiser keeps its name).
void moreForms(httplib::Response &res, const std::string &id, const std::string &token, bool https) {
  res.headers.emplace("Set-Cookie", "sessionId=" + id);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: session cookie 'sessionId' is set without Secure, HttpOnly and SameSite: {{.*}}
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:15: warning: session cookie 'sessionId' is set without Secure and HttpOnly: {{.*}}
  res.headers.insert({"Set-Cookie", "c=" + token + "; HttpOnly"});
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: session cookie 'c' is set without Secure and SameSite: {{.*}}
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:15: warning: session cookie 'c' is set without Secure: {{.*}}
  // The Secure of the conditional's first arm counts as set.
  res.set_header("Set-Cookie", fmt::format("auth={0};Path=/;HttpOnly{1}", id, https ? ";Secure" : ""));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session cookie 'auth' is set without SameSite: {{.*}}
  std::string authToken = newSessionId();
  res.set_header("Set-Cookie", "a=" + authToken + "; Secure; HttpOnly");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session cookie 'a' is set without SameSite: {{.*}}

  // Silent: a login form's e-mail is no session (reported with AllCookies);
  // a name written by a call not followed is not known to be a session's.
  res.set_header("Set-Cookie", "loginName=" + id + "; Path=/");
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:7: warning: cookie 'loginName' is set without Secure and HttpOnly: {{.*}}
  std::string counter;
  intToStr(3, counter);
  res.set_header("Set-Cookie", "session_" + counter + "=1; Path=/");
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:7: warning: a cookie is set without Secure and HttpOnly: {{.*}}
}

// Must stay silent.
void silent(httplib::Response &res, const std::string &sessionToken, const std::string &attrs,
            const std::string &name) {
  // All three attributes, in any case and spacing.
  res.set_header("Set-Cookie", "sid=" + sessionToken + ";path=/;secure;HTTPONLY;samesite=strict");
  // Deleting the cookie: nothing left to protect.
  res.set_header("Set-Cookie", "token=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  res.set_header("Set-Cookie", "sid=deleted; Path=/; Max-Age=0");
  // Attributes chosen at run time, or text from elsewhere: unknown.
  res.set_header("Set-Cookie", "sid=" + sessionToken + "; " + attrs);
  res.set_header("Set-Cookie", "sid=" + sessionToken + cookieAttributes());
  res.set_header("Set-Cookie", sessionToken);
  // Another header.
  res.set_header("X-Session", "sid=" + sessionToken);
  // The flag in one arm of a conditional: it may be set.
  res.set_header("Set-Cookie", sessionToken.empty() ? "sid=x; HttpOnly; SameSite=Lax"
                                                    : "sid=y; HttpOnly; SameSite=Lax; Secure");
}

// civetweb: a header line of mg_printf's format, and mg_response_header_add.
void civet(struct mg_connection *conn, const char *sid) {
  mg_printf(conn, "HTTP/1.1 200 OK\r\nSet-Cookie: session=%s; Path=/\r\n\r\n", sid);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: session cookie 'session' is set without Secure, HttpOnly and SameSite: {{.*}}
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: session cookie 'session' is set without Secure and HttpOnly: {{.*}}
  mg_printf(conn, "HTTP/1.1 200 OK\r\nSet-Cookie: session=%s; Path=/; Secure; HttpOnly; SameSite=Lax\r\n\r\n", sid);
  mg_printf(conn, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n%s", sid);
  // The session is in an argument's name.
  std::string sessionToken = sid;
  mg_printf(conn, "HTTP/1.1 200 OK\r\nSet-Cookie: x=%s; HttpOnly; SameSite=Lax\r\n\r\n", sessionToken.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: session cookie 'x' is set without Secure: {{.*}}
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: session cookie 'x' is set without Secure: {{.*}}
  mg_response_header_add(conn, "Set-Cookie", "sid=abc; HttpOnly; SameSite=Lax", -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: session cookie 'sid' is set without Secure: {{.*}}
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: session cookie 'sid' is set without Secure: {{.*}}
}

// Drogon's addHeader and oat++'s putHeader.
void drogonHeader(const drogon::HttpResponsePtr &resp, const std::string &jwtAccess) {
  resp->addHeader("Set-Cookie", "access_token=" + jwtAccess + "; HttpOnly; Secure");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: session cookie 'access_token' is set without SameSite: other sites' requests carry it (CSRF); add '; SameSite=Lax' to the Set-Cookie value (CWE-1275); {{.*}}
}

void oatppHeader(const std::shared_ptr<oatpp::web::protocol::http::outgoing::Response> &r) {
  r->putHeader("Set-Cookie", "refresh_token=abc; Secure");
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: session cookie 'refresh_token' is set without HttpOnly and SameSite: {{.*}}
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:6: warning: session cookie 'refresh_token' is set without HttpOnly: {{.*}}
  r->putHeader("Set-Cookie", "refresh_token=abc; Secure; HttpOnly; SameSite=Strict");
}
