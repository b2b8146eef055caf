// RUN: %check_appsec_tidy -check-suffix=STRICT %s appsec-jwt-unsafe-verification %t -- \
// RUN:   --config="{CheckOptions: {appsec-jwt-unsafe-verification.RequireExpiry: true}}" -- -std=c++17 -isystem %mocks
// RUN: %check_appsec_tidy %s appsec-jwt-unsafe-verification %t -- -- -std=c++17 -isystem %mocks
// Option RequireExpiry (off by default, so the second run must be silent):
// jwt-cpp checks `exp` only when the token has one.
#include <jwt-cpp/jwt.h>

#include <string>
#include <system_error>

void checkToken(const jwt::decoded_jwt<jwt::traits::kazuho_picojson> &d);

std::string noExpiryRequired(const std::string &token, const std::string &secret) {
  auto decoded = jwt::decode(token);
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).with_issuer("tenant").verify(decoded);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:3: warning: jwt-cpp verify() checks 'exp' only when the token has one, and nothing here requires it, so a token without 'exp' never expires; require it: if (!decoded.has_expires_at()) reject the request; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  return decoded.get_subject();
}

std::string verifierVariable(const std::string &token, const std::string &secret) {
  auto decoded = jwt::decode(token);
  auto verifier = jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret});
  verifier.verify(decoded);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:3: warning: jwt-cpp verify() checks 'exp' only {{.*}} [appsec-jwt-unsafe-verification]
  return decoded.get_subject();
}

// Silent: the presence of exp is checked by hand.
std::string hasExpiresAt(const std::string &token, const std::string &secret) {
  auto decoded = jwt::decode(token);
  if (!decoded.has_expires_at())
    return {};
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded);
  return decoded.get_subject();
}

// Silent: a custom claim check for exp (jwt-cpp 0.7 with_claim(name, fn)).
std::string withClaimExp(const std::string &token, const std::string &secret) {
  auto decoded = jwt::decode(token);
  jwt::verify()
      .allow_algorithm(jwt::algorithm::hs256{secret})
      .with_claim("exp", [](const jwt::verify_ops::verify_context<jwt::traits::kazuho_picojson> &,
                            std::error_code &) {})
      .verify(decoded);
  return decoded.get_subject();
}

// Silent: a verifier built elsewhere may require exp.
std::string verifierFromCaller(
    const std::string &token,
    const jwt::verifier<jwt::default_clock, jwt::traits::kazuho_picojson> &verifier) {
  auto decoded = jwt::decode(token);
  verifier.verify(decoded);
  return decoded.get_subject();
}

// Silent: a helper gets the decoded token and may check its expiry.
void verifiedThenChecked(const std::string &token, const std::string &secret) {
  auto decoded = jwt::decode(token);
  jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret}).verify(decoded);
  checkToken(decoded);
}
