// RUN: %check_appsec_tidy %s appsec-jwt-unsafe-verification,appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks/libjwt-1.12
// libjwt 1.x (benmcollins), the Debian libjwt-dev header (1.10), with the
// jwt_validate() declarations of 1.12+ added by test/mocks/libjwt-1.12/jwt.h.
#include <curl/curl.h>
#include <jwt.h>

#include <cstring>
#include <string>

const unsigned char *lookupSecret(const char *clientKey, int *len);

// The token arrives with the request (an annotated source parameter).
std::string noKey([[clang::annotate("appsec::source:web-request")]] const char *token) {
  jwt_t *j = nullptr;
  if (jwt_decode(&j, token, NULL, 0) != 0)
    return {};
  std::string user = jwt_get_grant(j, "sub");
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: jwt_get_grant() reads a claim of a JWT decoded from HTTP request data from 'token' that is not verified on every path to here; nothing has checked its signature, so anyone can write these claims. Decode it with the key, jwt_decode(&jwt, token, key, key_len), and use it only if that returns 0; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-6]]:81: note: untrusted parameter 'token'
  // CHECK-NOTES: :[[@LINE-5]]:7: note: decoded by jwt_decode(), which does not verify it
  // CHECK-NOTES: :[[@LINE-6]]:18: note: flows into 'j'
  jwt_free(j);
  return user;
}

// Decoded with the key: libjwt checked the signature.
std::string withKey([[clang::annotate("appsec::source:web-request")]] const char *token,
                    const unsigned char *key, int keyLen) {
  jwt_t *j = nullptr;
  if (jwt_decode(&j, token, key, keyLen) != 0)
    return {};
  std::string user = jwt_get_grant(j, "sub");
  jwt_free(j);
  return user;
}

// A token handed in by callers outside this file (nobody here calls the
// function) is of unknown origin: decoded without a key and trusted, reported.
std::string noKeyUnknownOrigin(const char *token) {
  jwt_t *j = nullptr;
  if (jwt_decode(&j, token, NULL, 0) != 0)
    return {};
  std::string user = jwt_get_grant(j, "sub");
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: jwt_get_grant() reads a claim of a JWT decoded from data of unknown origin from 'token' that is not verified on every path to here; {{.*}} [appsec-jwt-missing-verification]
  // CHECK-NOTES: :[[@LINE-6]]:44: note: parameter 'token', given by callers outside this file
  // CHECK-NOTES: :[[@LINE-5]]:7: note: decoded by jwt_decode(), which does not verify it
  // CHECK-NOTES: :[[@LINE-6]]:18: note: flows into 'j'
  jwt_free(j);
  return user;
}

long emptyKey(const char *token) {
  jwt_t *j = nullptr;
  if (jwt_decode(&j, token, (const unsigned char *)"", 0))
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: libjwt jwt_decode() with an empty key verifies HMAC signatures against an empty secret, which anyone can forge; pass the shared secret and its length; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
    return -1;
  long exp = jwt_get_grant_int(j, "exp");
  jwt_free(j);
  return exp;
}

std::string resultIgnored(const char *token, const unsigned char *key, int len) {
  jwt_t *j = nullptr;
  jwt_decode(&j, token, key, len);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the result of libjwt jwt_decode() is ignored, so a token that fails the signature check goes unnoticed; check it: if (jwt_decode(...) != 0) reject the request; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  std::string user = j ? jwt_get_grant(j, "sub") : "";
  jwt_free(j);
  return user;
}

// Silent: decoded with the shared secret, result checked.
std::string keyed(const char *token, const unsigned char *key, int len) {
  jwt_t *j = nullptr;
  if (jwt_decode(&j, token, key, len) != 0)
    return {};
  std::string user = jwt_get_grant(j, "sub");
  jwt_free(j);
  return user;
}

// Silent: the Connect flow. Peek at iss without a key to find the tenant's
// secret, then decode the same token again with it.
std::string peekThenVerify(const char *token) {
  jwt_t *peek = nullptr;
  if (jwt_decode(&peek, token, NULL, 0) != 0)
    return {};
  int len = 0;
  const unsigned char *secret = lookupSecret(jwt_get_grant(peek, "iss"), &len);
  jwt_free(peek);
  jwt_t *j = nullptr;
  if (jwt_decode(&j, token, secret, len) != 0)
    return {};
  std::string user = jwt_get_grant(j, "sub");
  jwt_free(j);
  return user;
}

// The header's algorithm picks the key.
std::string algChoosesKey(const char *token, const unsigned char *hmac, int hmacLen,
                          const unsigned char *pem, int pemLen) {
  jwt_t *peek = nullptr;
  if (jwt_decode(&peek, token, NULL, 0) != 0)
    return {};
  jwt_t *j = nullptr;
  int rc;
  if (jwt_get_alg(peek) == JWT_ALG_RS256)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: the token's own 'alg' header chooses the verifier here, {{.*}} [appsec-jwt-unsafe-verification]
    rc = jwt_decode(&j, token, pem, pemLen);
  else
    rc = jwt_decode(&j, token, hmac, hmacLen);
  jwt_free(peek);
  if (rc != 0)
    return {};
  std::string user = jwt_get_grant(j, "sub");
  jwt_free(j);
  return user;
}

// The key comes from the URL in the token's own jku header, fetched by a
// helper of this file (reported where it fetches, with the path).
std::string fetchPem(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: the URL fetched here comes from the token's own 'jku' header, so the sender chooses the key its token is verified with; take keys only from a fixed, trusted location (Connect install callbacks: https://connect-install-keys.atlassian.com/<kid>) or check the URL against an allow-list first; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE+12]]:21: note: a key URL enters through the token's own 'jku' header
  // CHECK-NOTES: :[[@LINE+11]]:15: note: flows into 'jku'
  // CHECK-NOTES: :[[@LINE+11]]:30: note: passed to fetchPem() as 'url'
  std::string pem;
  curl_easy_perform(h);
  curl_easy_cleanup(h);
  return pem;
}
int keyFromJku(const char *token) {
  jwt_t *peek = nullptr;
  if (jwt_decode(&peek, token, NULL, 0) != 0)
    return -1;
  const char *jku = jwt_get_header(peek, "jku");
  std::string pem = fetchPem(jku);
  jwt_t *j = nullptr;
  int rc = jwt_decode(&j, token, (const unsigned char *)pem.data(), (int)pem.size());
  jwt_free(peek);
  jwt_free(j);
  return rc;
}

// libjwt 1.12+ validation (the mock adds it to Debian's 1.10 <jwt.h>):
// unsigned int jwt_validate(jwt_t *, jwt_valid_t *), 0 = valid.

long validateIgnored(jwt_t *j, jwt_valid_t *valid) {
  jwt_validate(j, valid);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: the result of libjwt jwt_validate() is ignored, so an expired token or one with the wrong claims is accepted; check it: if (jwt_validate(jwt, valid) != 0) reject the request; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  return jwt_get_grant_int(j, "exp");
}

// Silent: the validation result is checked.
long validateChecked(jwt_t *j, jwt_valid_t *valid) {
  if (jwt_validate(j, valid) != 0)
    return -1;
  return jwt_get_grant_int(j, "exp");
}
