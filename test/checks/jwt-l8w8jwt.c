// RUN: %check_appsec_tidy %s appsec-jwt-unsafe-verification,appsec-jwt-missing-verification %t -- -- -std=c11 -isystem %mocks
// l8w8jwt (GlitchedPolygons) in C, through the API-faithful mock
// test/mocks/l8w8jwt/decode.h.
#include <l8w8jwt/decode.h>

#include <stdio.h>
#include <string.h>

static const char KEY[] = "per-tenant shared secret";
void consume(const char *payload);
int reject(void);

// Silent: the README pattern, with the algorithm pinned, the key given,
// the expiry on and both results checked.
int readme(char *token) {
  struct l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.alg = L8W8JWT_ALG_HS256;
  params.jwt = token;
  params.jwt_length = strlen(token);
  params.verification_key = (unsigned char *)KEY;
  params.verification_key_length = strlen(KEY);
  params.validate_iss = "tenant";
  params.validate_exp = 1;
  params.exp_tolerance_seconds = 60;
  enum l8w8jwt_validation_result validation_result;
  struct l8w8jwt_claim *claims = NULL;
  size_t claims_length = 0;
  int decode_result = l8w8jwt_decode(&params, &validation_result, &claims, &claims_length);
  if (decode_result == L8W8JWT_SUCCESS && validation_result == L8W8JWT_VALID) {
    struct l8w8jwt_claim *sub = l8w8jwt_get_claim(claims, claims_length, "sub", 3);
    printf("%s\n", sub ? sub->value : "");
  }
  l8w8jwt_free_claims(claims, claims_length);
  return 0;
}

// Only the return code is checked: it says the token could be parsed.
int onlyReturnCode(char *token) {
  struct l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.alg = L8W8JWT_ALG_HS256;
  params.jwt = token;
  params.jwt_length = strlen(token);
  params.verification_key = (unsigned char *)KEY;
  params.verification_key_length = strlen(KEY);
  params.validate_exp = 1;
  enum l8w8jwt_validation_result vr;
  struct l8w8jwt_claim *claims = NULL;
  size_t n = 0;
  if (l8w8jwt_decode(&params, &vr, &claims, &n) != L8W8JWT_SUCCESS)
    return reject();
  struct l8w8jwt_claim *sub = l8w8jwt_get_claim(claims, n, "sub", 3);
  // CHECK-NOTES: :[[@LINE-3]]:31: warning: the validation result 'vr' of l8w8jwt_decode() is never checked; the return value only says the token could be parsed, a bad signature or an expired token shows only in 'vr'; check both: if (rc != L8W8JWT_SUCCESS || vr != L8W8JWT_VALID) reject the request; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE-2]]:31: warning: claims 'claims' used although the validation result 'vr' of l8w8jwt_decode() is never compared to L8W8JWT_VALID; l8w8jwt hands out the claims of forged and expired tokens too; use them only if vr == L8W8JWT_VALID; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-5]]:7: note: decoded here; its return value only says the token could be parsed
  int admin = sub && strcmp(sub->value, "admin") == 0;
  l8w8jwt_free_claims(claims, n);
  return admin;
}

// The result is tested for expiry only; a forged signature still passes.
int onlyExpiryFlag(char *token) {
  struct l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.alg = L8W8JWT_ALG_HS256;
  params.jwt = token;
  params.jwt_length = strlen(token);
  params.verification_key = (unsigned char *)KEY;
  params.verification_key_length = strlen(KEY);
  params.validate_exp = 1;
  enum l8w8jwt_validation_result vr;
  struct l8w8jwt_claim *claims = NULL;
  size_t n = 0;
  int rc = l8w8jwt_decode(&params, &vr, &claims, &n);
  if (rc != L8W8JWT_SUCCESS || (vr & L8W8JWT_EXP_FAILURE))
  // CHECK-NOTES: :[[@LINE-1]]:33: warning: the validation result 'vr' of l8w8jwt_decode() is only tested for some failure flags, not for a bad signature; compare it to L8W8JWT_VALID: if (vr != L8W8JWT_VALID) reject the request; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
    return reject();
  printf("%s\n", claims[0].value);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: claims 'claims' used although the validation result 'vr' {{.*}} [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-6]]:12: note: decoded here; its return value only says the token could be parsed
  l8w8jwt_free_claims(claims, n);
  return 0;
}

// Silent: testing the signature flag among others counts as a check.
int signatureFlag(char *token) {
  struct l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.alg = L8W8JWT_ALG_RS256;
  params.jwt = token;
  params.jwt_length = strlen(token);
  params.verification_key = (unsigned char *)KEY;
  params.verification_key_length = sizeof KEY;
  params.validate_exp = 1;
  enum l8w8jwt_validation_result vr;
  if (l8w8jwt_decode(&params, &vr, NULL, NULL) != L8W8JWT_SUCCESS)
    return reject();
  if (vr & (L8W8JWT_SIGNATURE_VERIFICATION_FAILURE | L8W8JWT_EXP_FAILURE))
    return reject();
  return 1;
}

// alg = -1 skips the signature.
int algMinusOne(char *token) {
  struct l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.alg = -1;
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: l8w8jwt alg -1 makes l8w8jwt_decode() skip the signature check, so unsigned and forged tokens pass; set the algorithm the tokens are signed with, e.g. params.alg = L8W8JWT_ALG_HS256; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  params.jwt = token;
  params.jwt_length = strlen(token);
  params.validate_exp = 1;
  enum l8w8jwt_validation_result vr;
  return l8w8jwt_decode(&params, &vr, NULL, NULL) == L8W8JWT_SUCCESS && vr == L8W8JWT_VALID;
}

// alg never set: it stays -2, which matches no algorithm. validate_exp
// never set either.
int algNeverSet(char *token) {
  struct l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.jwt = token;
  params.jwt_length = strlen(token);
  params.verification_key = (unsigned char *)KEY;
  params.verification_key_length = strlen(KEY);
  enum l8w8jwt_validation_result vr;
  int rc = l8w8jwt_decode(&params, &vr, NULL, NULL);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'params.alg' is never set, so it keeps the -2 that l8w8jwt_decoding_params_init() gives it, which matches no algorithm: l8w8jwt_decode() then verifies no signature; set params.alg = L8W8JWT_ALG_HS256 (or the algorithm the tokens are signed with); violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE-8]]:3: note: initialised here
  // CHECK-NOTES: :[[@LINE-3]]:12: warning: 'params.validate_exp' is never set, so l8w8jwt_decode() accepts expired tokens and tokens without 'exp'; set params.validate_exp = 1; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  return rc == L8W8JWT_SUCCESS && vr == L8W8JWT_VALID;
}

// Expiry switched off explicitly, and an empty key.
int expiryOffEmptyKey(char *token) {
  struct l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.alg = L8W8JWT_ALG_HS256;
  params.jwt = token;
  params.jwt_length = strlen(token);
  params.verification_key = (unsigned char *)"";
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: l8w8jwt verification_key is an empty string, so HMAC signatures are checked against an empty secret anyone can forge with (or every token is rejected); pass the shared secret and its length; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  params.verification_key_length = 1;
  params.validate_exp = 0;
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: 'params.validate_exp' is 0, so l8w8jwt_decode() accepts expired tokens and tokens without 'exp'; set params.validate_exp = 1; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  enum l8w8jwt_validation_result vr;
  int rc = l8w8jwt_decode(&params, &vr, NULL, NULL);
  return rc == L8W8JWT_SUCCESS && vr == L8W8JWT_VALID;
}

// A designated initialiser: alg 0 is HS256, validate_exp 0 is off.
int designated(char *token, unsigned char *key, size_t keyLen) {
  struct l8w8jwt_decoding_params params = {
      .jwt = token, .jwt_length = strlen(token), .verification_key = key,
      .verification_key_length = keyLen};
  enum l8w8jwt_validation_result vr;
  return l8w8jwt_decode(&params, &vr, NULL, NULL) == L8W8JWT_SUCCESS && vr == L8W8JWT_VALID;
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'params.validate_exp' is never set, {{.*}} [appsec-jwt-unsafe-verification]
}

// Silent: the parameters come from a helper; their fields are its business,
// and the result is checked.
void configure(struct l8w8jwt_decoding_params *p);
int configuredElsewhere(char *token) {
  struct l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  configure(&params);
  params.jwt = token;
  params.jwt_length = strlen(token);
  enum l8w8jwt_validation_result vr;
  int rc = l8w8jwt_decode(&params, &vr, NULL, NULL);
  if (rc != L8W8JWT_SUCCESS || vr != L8W8JWT_VALID)
    return reject();
  return 1;
}

// Silent: expiry checked by hand from the claims.
int manualExpiry(char *token, long now) {
  struct l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.alg = L8W8JWT_ALG_HS256;
  params.jwt = token;
  params.jwt_length = strlen(token);
  params.verification_key = (unsigned char *)KEY;
  params.verification_key_length = strlen(KEY);
  enum l8w8jwt_validation_result vr;
  struct l8w8jwt_claim *claims = NULL;
  size_t n = 0;
  if (l8w8jwt_decode(&params, &vr, &claims, &n) != L8W8JWT_SUCCESS || vr != L8W8JWT_VALID)
    return reject();
  struct l8w8jwt_claim *exp = l8w8jwt_get_claim(claims, n, "exp", 3);
  int ok = exp && atol(exp->value) > now;
  l8w8jwt_free_claims(claims, n);
  return ok;
}

// The payload of a decode that validates nothing.
void rawNoValidation(char *token) {
  struct l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.jwt = token;
  params.jwt_length = strlen(token);
  char *header = NULL, *payload = NULL;
  size_t header_length = 0, payload_length = 0, signature_length = 0;
  uint8_t *signature = NULL;
  if (l8w8jwt_decode_raw_no_validation(&params, &header, &header_length, &payload,
                                       &payload_length, &signature, &signature_length) != L8W8JWT_SUCCESS)
    return;
  consume(payload);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: payload 'payload' used from l8w8jwt_decode_raw_no_validation(), which checks neither the signature nor any claim; decode the token with l8w8jwt_decode() and use its claims only if the validation result == L8W8JWT_VALID; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-5]]:7: note: decoded here without validation
  l8w8jwt_free(header);
  l8w8jwt_free(payload);
  l8w8jwt_free(signature);
}

// Silent: the Connect flow. Peek at the payload to find the tenant, then
// verify the same token with its secret and check the result.
const char *secretFor(const char *payloadJson);
int peekThenVerify(char *token) {
  struct l8w8jwt_decoding_params peek;
  l8w8jwt_decoding_params_init(&peek);
  peek.jwt = token;
  peek.jwt_length = strlen(token);
  char *header = NULL, *payload = NULL;
  size_t header_length = 0, payload_length = 0, signature_length = 0;
  uint8_t *signature = NULL;
  if (l8w8jwt_decode_raw_no_validation(&peek, &header, &header_length, &payload,
                                       &payload_length, &signature, &signature_length) != L8W8JWT_SUCCESS)
    return reject();
  const char *secret = secretFor(payload);
  struct l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.alg = L8W8JWT_ALG_HS256;
  params.jwt = token;
  params.jwt_length = strlen(token);
  params.verification_key = (unsigned char *)secret;
  params.verification_key_length = strlen(secret);
  params.validate_exp = 1;
  enum l8w8jwt_validation_result vr;
  int rc = l8w8jwt_decode(&params, &vr, NULL, NULL);
  return rc == L8W8JWT_SUCCESS && vr == L8W8JWT_VALID;
}

// The result never looked at, the return value thrown away.
void nothingChecked(char *token) {
  struct l8w8jwt_decoding_params params;
  l8w8jwt_decoding_params_init(&params);
  params.alg = L8W8JWT_ALG_HS256;
  params.jwt = token;
  params.jwt_length = strlen(token);
  params.verification_key = (unsigned char *)KEY;
  params.verification_key_length = strlen(KEY);
  params.validate_exp = 1;
  enum l8w8jwt_validation_result vr;
  l8w8jwt_decode(&params, &vr, NULL, NULL);
  // CHECK-NOTES: :[[@LINE-1]]:27: warning: the validation result 'vr' of l8w8jwt_decode() is never checked; {{.*}} [appsec-jwt-unsafe-verification]
}

// Silent: the caller owns the validation result.
int decodeInto(struct l8w8jwt_decoding_params *params, enum l8w8jwt_validation_result *vr) {
  return l8w8jwt_decode(params, vr, NULL, NULL);
}
