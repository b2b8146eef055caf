// RUN: %check_appsec_tidy %s appsec-jwt-unsafe-verification %t -- -- -std=c++17 -isystem %mocks
// Keys fetched from the URL a token names in its own `jku`/`x5u` header:
// jwt-cpp (mock), curl and cpp-httplib (Debian headers) and a cpr-like
// client declared below (cpr is not in Debian). libjwt's jwt_get_header is in
// jwt-libjwt.cpp (its `struct jwt` clashes with jwt-cpp's namespace).
#include <curl/curl.h>
#include <httplib.h>
#include <jwt-cpp/jwt.h>

#include <string>

namespace cpr {
struct Url {
  Url(std::string u) : url(std::move(u)) {}
  std::string url;
};
struct Response {
  std::string text;
};
Response Get(const Url &);
} // namespace cpr

std::string fetchPem(const std::string &url);
bool isTrustedKeyUrl(const std::string &url);

// The key URL from the header goes straight to curl.
void curlFetch(const std::string &token) {
  auto decoded = jwt::decode(token);
  std::string jku = decoded.get_header_claim("jku").as_string();
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, jku.c_str());
  // CHECK-NOTES: :[[@LINE-1]]:36: warning: the URL fetched here comes from the token's own 'jku' header, so the sender chooses the key its token is verified with; take keys only from a fixed, trusted location (Connect install callbacks: https://connect-install-keys.atlassian.com/<kid>) or check the URL against an allow-list first; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE-4]]:21: note: the 'jku' header is read here
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// x5u through an httplib client.
std::string httplibFetch(const std::string &token) {
  auto decoded = jwt::decode(token);
  std::string host = decoded.get_header_claim("x5u").as_string();
  httplib::Client cli(host);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: the URL fetched here comes from the token's own 'x5u' header, {{.*}} [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE-3]]:22: note: the 'x5u' header is read here
  auto res = cli.Get("/key.pem");
  return res ? res->body : "";
}

// A cpr-like client.
std::string cprFetch(const std::string &token) {
  auto decoded = jwt::decode(token);
  return cpr::Get(cpr::Url{decoded.get_header_claim("jku").as_string()}).text;
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: the URL fetched here comes from the token's own 'jku' header, {{.*}} [appsec-jwt-unsafe-verification]
}

// The fetch is in a helper; the key it returns verifies the token.
void keyFromHelper(const std::string &token) {
  auto decoded = jwt::decode(token);
  std::string url = decoded.get_header_claim("jku").as_string();
  std::string pem = fetchPem(url);
  jwt::verify().allow_algorithm(jwt::algorithm::rs256{pem}).verify(decoded);
  // CHECK-NOTES: :[[@LINE-1]]:55: warning: the verification key here comes from the URL in the token's own 'jku' header, so the sender chooses the key its token is verified with; {{.*}} [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE-4]]:21: note: the 'jku' header is read here
}

// Silent: the URL is checked against an allow-list first.
void allowListed(const std::string &token) {
  auto decoded = jwt::decode(token);
  std::string jku = decoded.get_header_claim("jku").as_string();
  if (!isTrustedKeyUrl(jku))
    return;
  std::string pem = fetchPem(jku);
  jwt::verify().allow_algorithm(jwt::algorithm::rs256{pem}).verify(decoded);
}

// Silent: the Connect install-callback flow. The key comes from Atlassian's
// fixed key server; only the key id comes from the token.
void connectInstallKey(const std::string &token) {
  auto decoded = jwt::decode(token);
  std::string pem = fetchPem("https://connect-install-keys.atlassian.com/" + decoded.get_key_id());
  jwt::verify().allow_algorithm(jwt::algorithm::rs256{pem}).verify(decoded);
}

// Silent: reading jku for logging fetches nothing.
std::string logOnly(const std::string &token) {
  return jwt::decode(token).get_header_claim("jku").as_string();
}
