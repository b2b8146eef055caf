// RUN: %check_appsec_tidy -check-suffix=STRICT %s appsec-jwt-unsafe-verification %t -- \
// RUN:   --config="{CheckOptions: {appsec-jwt-unsafe-verification.RequireExpiry: true}}" -- -std=c++17
// RUN: %check_appsec_tidy %s appsec-jwt-unsafe-verification %t -- -- -std=c++17
// Option RequireExpiry (off by default, so the second run must be silent):
// cpp-jwt (Debian libcpp-jwt-dev) checks `exp` only when the token has one.
#include <jwt/jwt.hpp>

#include <string>

using namespace jwt::params;

std::string noExpiryRequired(const std::string &token, const std::string &key) {
  auto obj = jwt::decode(token, algorithms({"HS256"}), secret(key), issuer("tenant"));
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:14: warning: cpp-jwt jwt::decode() checks 'exp' only when the token has one, and nothing here requires it, so a token without 'exp' never expires; require it: if (!obj.has_claim("exp")) reject the request; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  return obj.payload().get_claim_value<std::string>("sub");
}

// Silent: exp required by hand.
std::string hasExp(const std::string &token, const std::string &key) {
  auto obj = jwt::decode(token, algorithms({"HS256"}), secret(key));
  if (!obj.has_claim("exp"))
    return {};
  return obj.payload().get_claim_value<std::string>("sub");
}

// Silent: the registered-claim spelling.
std::string hasExpEnum(const std::string &token, const std::string &key) {
  auto obj = jwt::decode(token, algorithms({"HS256"}), secret(key));
  if (!obj.payload().has_claim(jwt::registered_claims::expiration))
    return {};
  return obj.payload().get_claim_value<std::string>("sub");
}

// Silent: the caller gets the token.
jwt::jwt_object decodeFor(const std::string &token, const std::string &key) {
  return jwt::decode(token, algorithms({"HS256"}), secret(key));
}
