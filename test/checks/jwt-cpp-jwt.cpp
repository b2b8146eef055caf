// RUN: %check_appsec_tidy %s appsec-jwt-unsafe-verification,appsec-jwt-missing-verification %t -- -- -std=c++17
// cpp-jwt (arun11299), the Debian libcpp-jwt-dev headers. CHECK-MESSAGES, not
// -NOTES: fix-its add notes of their own (the alg note is tested in jwt-cpp.cpp).
#include <jwt/jwt.hpp>

#include <string>
#include <system_error>

using namespace jwt::params;

std::string verifyOff(const std::string &token, const std::string &key) {
  auto obj = jwt::decode(token, algorithms({"HS256"}), secret(key), verify(false));
  // CHECK-MESSAGES: :[[@LINE-1]]:76: warning: cpp-jwt verify(false) makes jwt::decode skip the signature, algorithm and expiry checks; remove it (verification is on by default) or pass verify(true); violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  // CHECK-FIXES: auto obj = jwt::decode(token, algorithms({"HS256"}), secret(key), verify(true));
  return obj.payload().get_claim_value<std::string>("sub");
}

std::string allowsNone(const std::string &token, const std::string &key) {
  auto obj = jwt::decode(token, algorithms({"HS256", "NONE"}), secret(key));
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: cpp-jwt algorithms({...}) lists "NONE", so jwt::decode accepts unsigned tokens; list only the algorithm the tokens are signed with, e.g. "HS256"; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  return obj.payload().get_claim_value<std::string>("sub");
}

std::string ecIgnored(const std::string &token, const std::string &key) {
  std::error_code ec;
  auto obj = jwt::decode(token, algorithms({"HS256"}), ec, secret(key), verify(true));
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: the error code 'ec' of cpp-jwt jwt::decode() is never checked, so bad signatures, expired tokens and alg "none" are accepted; check 'ec' after jwt::decode(): if (ec) reject the request; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  return obj.payload().get_claim_value<std::string>("sub");
}

// Silent: the throwing overload with a key, a pinned algorithm and the issuer.
std::string safe(const std::string &token, const std::string &key) {
  auto obj = jwt::decode(token, algorithms({"HS256"}), secret(key), issuer("tenant"),
                         verify(true));
  return obj.payload().get_claim_value<std::string>("sub");
}

// Silent: the error code is checked.
std::string ecChecked(const std::string &token, const std::string &key) {
  std::error_code ec;
  auto obj = jwt::decode(token, algorithms({"HS256"}), ec, secret(key));
  if (ec)
    return {};
  return obj.payload().get_claim_value<std::string>("sub");
}

// The header's algorithm chooses the allow-list.
std::string algFromToken(const std::string &token, const std::string &key) {
  auto peek = jwt::decode(token, algorithms({"HS256"}), secret(key), verify(false));
  // CHECK-MESSAGES: :[[@LINE-1]]:77: warning: cpp-jwt verify(false) {{.*}}
  // CHECK-FIXES: auto peek = jwt::decode(token, algorithms({"HS256"}), secret(key), verify(true));
  std::string alg = jwt::alg_to_str(peek.header().algo()).data();
  auto obj = jwt::decode(token, algorithms({alg}), secret(key));
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: the algorithm allowed for verification is the one named in the token's own 'alg' header, so the sender chooses how the token is checked; allow a fixed algorithm (HS256 with the shared secret for Connect requests); violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  return obj.payload().get_claim_value<std::string>("sub");
}
