// RUN: %check_appsec_tidy %s appsec-insecure-cookie %t -- -- -std=c++17 -fdelayed-template-parsing -isystem %mocks
// Session cookies as framework objects: Poco::Net::HTTPCookie and
// Pistache::Http::Cookie (Debian's headers), drogon::Cookie and Crow's
// CookieParser (mocks). An object starts with its type's attributes (only
// Drogon's is HttpOnly) and gets those its setters, fields and chained calls
// give it in the same function before it is sent; a cookie the function got
// from elsewhere, or handed by reference to code not followed, is unknown.
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <crow.h>
#include <drogon/drogon.h>
#include <pistache/http.h>

#include <string>

void decorate(Poco::Net::HTTPCookie &cookie); // not followed: may set anything

void poco(Poco::Net::HTTPServerResponse &response, const std::string &refreshToken,
          const std::string &value, bool https) {
  Poco::Net::HTTPCookie cookie("X-Refresh-token", refreshToken);
  cookie.setPath("/");
  cookie.setHttpOnly();
  response.addCookie(cookie);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: session cookie 'X-Refresh-token' is set without Secure and SameSite: it also travels over plain HTTP and other sites' requests carry it (CSRF); call setSecure(true) and setSameSite(HTTPCookie::SAME_SITE_LAX) on the HTTPCookie (CWE-614 and CWE-1275); violates Atlassian requirement 7 (Security headers and cookie attributes) [appsec-insecure-cookie]
  // CHECK-MESSAGES: :[[@LINE-5]]:25: note: the cookie is made here

  // The value names a session; setters given false.
  Poco::Net::HTTPCookie prefs("prefs", refreshToken);
  prefs.setSecure(false);
  prefs.setHttpOnly(false);
  prefs.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_NOT_SPECIFIED);
  response.addCookie(prefs);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: session cookie 'prefs' is set without Secure, HttpOnly and SameSite: {{.*}}; call setSecure(true), setHttpOnly(true) and setSameSite(HTTPCookie::SAME_SITE_LAX) on the HTTPCookie {{.*}}
  // CHECK-MESSAGES: :[[@LINE-6]]:25: note: the cookie is made here

  // A temporary.
  response.addCookie(Poco::Net::HTTPCookie("session", value));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: session cookie 'session' is set without Secure, HttpOnly and SameSite: {{.*}}
  // CHECK-MESSAGES: :[[@LINE-2]]:22: note: the cookie is made here

  // Must stay silent: every attribute set; set from a run-time value;
  // handed to a function that may set them; not a session cookie.
  Poco::Net::HTTPCookie good("X-Refresh-token", refreshToken);
  good.setHttpOnly(true);
  good.setSecure(true);
  good.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
  response.addCookie(good);
  Poco::Net::HTTPCookie configured("sid", value);
  configured.setSecure(https);
  configured.setHttpOnly(true);
  configured.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_LAX);
  response.addCookie(configured);
  Poco::Net::HTTPCookie decorated("sid", value);
  decorate(decorated);
  response.addCookie(decorated);
  response.addCookie(Poco::Net::HTTPCookie("theme", "dark"));
}

void sendCookie(Poco::Net::HTTPServerResponse &response, const Poco::Net::HTTPCookie &cookie) {
  response.addCookie(cookie); // a parameter: made elsewhere, unknown
}

// A helper of this file that makes the cookie.
Poco::Net::HTTPCookie sessionCookie(const std::string &id) {
  Poco::Net::HTTPCookie c("sessionid", id);
  c.setSecure(true);
  return c;
}

void pocoHelper(Poco::Net::HTTPServerResponse &response, const std::string &id) {
  response.addCookie(sessionCookie(id));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: session cookie 'sessionid' is set without HttpOnly and SameSite: {{.*}}
  // CHECK-MESSAGES: :[[@LINE-8]]:25: note: the cookie is made here
}

void pistache(Pistache::Http::ResponseWriter &response, const std::string &authToken) {
  Pistache::Http::Cookie cookie("auth", authToken);
  cookie.httpOnly = true;
  response.cookies().add(cookie);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: session cookie 'auth' is set without Secure and SameSite: {{.*}}; set secure = true and ext["SameSite"] = "Lax" on the Http::Cookie (CWE-614 and CWE-1275); {{.*}}
  // CHECK-MESSAGES: :[[@LINE-4]]:26: note: the cookie is made here

  Pistache::Http::Cookie good("auth", authToken);
  good.httpOnly = true;
  good.secure = true;
  good.ext["SameSite"] = "Strict";
  response.cookies().add(good);
}

void drogonCookies(const drogon::HttpResponsePtr &resp, const std::string &sessionToken) {
  // Drogon's cookies are HttpOnly from the start.
  drogon::Cookie c("session", sessionToken);
  c.setPath("/");
  resp->addCookie(c);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: session cookie 'session' is set without Secure and SameSite: {{.*}}; call setSecure(true) and setSameSite(Cookie::SameSite::kLax) on a drogon::Cookie (CWE-614 and CWE-1275); {{.*}}
  // CHECK-MESSAGES: :[[@LINE-4]]:18: note: the cookie is made here
  resp->addCookie("jwt", sessionToken);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: session cookie 'jwt' is set without Secure and SameSite: {{.*}}

  drogon::Cookie good("session", sessionToken);
  good.setSecure(true);
  good.setSameSite(drogon::Cookie::SameSite::kStrict);
  resp->addCookie(good);
}

void crowCookies(crow::CookieParser::context &ctx, const std::string &sessionToken) {
  ctx.set_cookie("loggedIn", "true").path("/").max_age(1800).httponly();
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session cookie 'loggedIn' is set without Secure and SameSite: {{.*}}; chain .secure() and .same_site(Cookie::SameSitePolicy::Lax) to set_cookie() (CWE-614 and CWE-1275); {{.*}}
  auto &c = ctx.set_cookie("token", sessionToken);
  c.secure();
  // CHECK-MESSAGES: :[[@LINE-2]]:17: warning: session cookie 'token' is set without HttpOnly and SameSite: {{.*}}
  crow::CookieParser::Cookie made("sid", sessionToken);
  made.httponly().secure();
  ctx.set_cookie(made);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session cookie 'sid' is set without SameSite: {{.*}}
  // CHECK-MESSAGES: :[[@LINE-4]]:30: note: the cookie is made here

  ctx.set_cookie("token", sessionToken)
      .path("/")
      .secure()
      .httponly()
      .same_site(crow::CookieParser::Cookie::SameSitePolicy::Lax);
  ctx.set_cookie("lang", "en").path("/");
}
