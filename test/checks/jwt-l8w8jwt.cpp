// RUN: %check_appsec_tidy %s appsec-jwt-unsafe-verification,appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks
// l8w8jwt used from C++ (extern "C" header, struct without the `struct`
// keyword, std::string keys, value-initialised parameters).
#include <l8w8jwt/decode.h>

#include <cstring>
#include <string>

// Silent: correct use, parameters value-initialised with {} then filled in.
std::string subject(const std::string &token, const std::string &secret) {
  l8w8jwt_decoding_params params{};
  params.alg = L8W8JWT_ALG_HS256;
  params.jwt = const_cast<char *>(token.c_str());
  params.jwt_length = token.size();
  params.verification_key = (unsigned char *)secret.data();
  params.verification_key_length = secret.size();
  params.validate_exp = 1;
  l8w8jwt_validation_result vr = L8W8JWT_VALID;
  l8w8jwt_claim *claims = nullptr;
  size_t n = 0;
  const int rc = l8w8jwt_decode(&params, &vr, &claims, &n);
  if (rc != L8W8JWT_SUCCESS || vr != L8W8JWT_VALID)
    return {};
  l8w8jwt_claim *sub = l8w8jwt_get_claim(claims, n, "sub", 3);
  std::string user = sub ? std::string(sub->value, sub->value_length) : "";
  l8w8jwt_free_claims(claims, n);
  return user;
}

// Only the return code checked; the claims are used anyway.
std::string returnCodeOnly(const std::string &token, const std::string &secret) {
  l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.alg = L8W8JWT_ALG_HS512;
  params.jwt = const_cast<char *>(token.c_str());
  params.jwt_length = token.size();
  params.verification_key = (unsigned char *)secret.data();
  params.verification_key_length = secret.size();
  params.validate_exp = true;
  l8w8jwt_validation_result vr;
  l8w8jwt_claim *claims = nullptr;
  size_t n = 0;
  if (l8w8jwt_decode(&params, &vr, &claims, &n) == L8W8JWT_SUCCESS) {
    // CHECK-NOTES: :[[@LINE-1]]:31: warning: the validation result 'vr' of l8w8jwt_decode() is never checked; {{.*}} [appsec-jwt-unsafe-verification]
    std::string user(claims[0].value);
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: claims 'claims' used although the validation result 'vr' of l8w8jwt_decode() is never compared to L8W8JWT_VALID; {{.*}} [appsec-jwt-missing-verification]
    // CHECK-NOTES: :[[@LINE-4]]:7: note: decoded here; its return value only says the token could be parsed
    l8w8jwt_free_claims(claims, n);
    return user;
  }
  return {};
}

// An alg that is no L8W8JWT_ALG_* value verifies nothing.
bool unknownAlg(char *token, size_t len, unsigned char *key, size_t keyLen) {
  l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.alg = 42;
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: l8w8jwt alg 42 is no L8W8JWT_ALG_* value, so l8w8jwt_decode() verifies no signature; set the algorithm the tokens are signed with, e.g. params.alg = L8W8JWT_ALG_HS256; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  params.jwt = token;
  params.jwt_length = len;
  params.verification_key = key;
  params.verification_key_length = keyLen;
  params.validate_exp = 1;
  l8w8jwt_validation_result vr;
  return l8w8jwt_decode(&params, &vr, nullptr, nullptr) == L8W8JWT_SUCCESS && vr == L8W8JWT_VALID;
}

// Silent: the result is checked with a switch, in a lambda-free helper style.
int viaSwitch(char *token, size_t len, unsigned char *key, size_t keyLen) {
  l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.alg = L8W8JWT_ALG_RS256;
  params.jwt = token;
  params.jwt_length = len;
  params.verification_key = key;
  params.verification_key_length = keyLen;
  params.validate_exp = 1;
  l8w8jwt_validation_result vr;
  if (l8w8jwt_decode(&params, &vr, nullptr, nullptr) != L8W8JWT_SUCCESS)
    return 401;
  switch (vr) {
  case L8W8JWT_VALID:
    return 200;
  default:
    return 401;
  }
}
