// RUN: %check_appsec_tidy %s appsec-insecure-cookie %t -- -- -std=c++17 -fdelayed-template-parsing
// Set-Cookie headers written as text in Boost.Beast (field::set_cookie or the
// name as text), cpprestsdk's http_headers::add and Pistache's Header::Raw,
// against Debian's headers.
#include <boost/beast/http.hpp>
#include <cpprest/http_listener.h>
#include <pistache/http.h>

#include <string>

namespace http = boost::beast::http;

void beast(http::response<http::string_body> &res, const std::string &sessionToken) {
  res.set(http::field::set_cookie, "session=" + sessionToken + "; Path=/; HttpOnly");
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session cookie 'session' is set without Secure and SameSite: it also travels over plain HTTP and other sites' requests carry it (CSRF); add '; Secure; SameSite=Lax' to the Set-Cookie value (CWE-614 and CWE-1275); violates Atlassian requirement 7 (Security headers and cookie attributes) [appsec-insecure-cookie]
  res.insert("Set-Cookie", "sid=" + sessionToken);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: session cookie 'sid' is set without Secure, HttpOnly and SameSite: {{.*}}

  // Must stay silent.
  res.set(http::field::set_cookie, "session=" + sessionToken + "; Path=/; Secure; HttpOnly; SameSite=Lax");
  res.set(http::field::content_type, "session=" + sessionToken);
}

void cpprest(web::http::http_response &response, const utility::string_t &accessToken) {
  response.headers().add(U("Set-Cookie"), U("access_token=") + accessToken + U("; Secure"));
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: session cookie 'access_token' is set without HttpOnly and SameSite: {{.*}}
  response.headers().add(U("Set-Cookie"), U("access_token=") + accessToken + U("; Secure; HttpOnly; SameSite=Strict"));
}

void pistache(Pistache::Http::ResponseWriter &response, const std::string &jwt) {
  response.headers().addRaw(Pistache::Http::Header::Raw("Set-Cookie", "jwt=" + jwt + "; SameSite=Lax"));
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: session cookie 'jwt' is set without Secure and HttpOnly: {{.*}}
  response.headers().addRaw(Pistache::Http::Header::Raw("Set-Cookie", "jwt=" + jwt + "; SameSite=Lax; Secure; HttpOnly"));
}
