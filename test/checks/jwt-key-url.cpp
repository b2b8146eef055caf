// RUN: %check_appsec_tidy %s appsec-jwt-unsafe-verification %t -- -- -std=c++17 -isystem %mocks
// Keys fetched from the URL a token names in its own `jku`/`x5u` header: a
// flow of the engine (label token-key-url) to a fetch (the ssrf sinks) or to
// a verification key (the jwt-key sinks). jwt-cpp (mock), curl and
// cpp-httplib (Debian headers) and a cpr-like client declared below (cpr is
// not in Debian). libjwt's jwt_get_header is in jwt-libjwt.cpp.
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

bool isTrustedKeyUrl(const std::string &url);
std::string fetchElsewhere(const std::string &url);

size_t appendTo(char *data, size_t size, size_t n, void *out) {
  static_cast<std::string *>(out)->append(data, size * n);
  return size * n;
}

// A helper of this file that downloads a PEM key: reported where it fetches,
// with the path from the caller that hands it the header (keyFromHelper).
std::string fetchPem(const std::string &url) {
  std::string pem;
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  // CHECK-NOTES: :[[@LINE-1]]:40: warning: the URL fetched here comes from the token's own 'jku' header, so the sender chooses the key its token is verified with; take keys only from a fixed, trusted location (Connect install callbacks: https://connect-install-keys.atlassian.com/<kid>) or check the URL against an allow-list first; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE+52]]:29: note: a key URL enters through the token's own 'jku' header
  // CHECK-NOTES: :[[@LINE+51]]:53: note: carried through basic_claim::as_string()
  // CHECK-NOTES: :[[@LINE+50]]:15: note: flows into 'url'
  // CHECK-NOTES: :[[@LINE+50]]:30: note: passed to fetchPem() as 'url'
  // CHECK-NOTES: :[[@LINE-6]]:40: note: carried through basic_string::c_str()
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, appendTo);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &pem);
  curl_easy_perform(h);
  curl_easy_cleanup(h);
  return pem;
}

// The key URL from the header goes straight to curl.
void curlFetch(const std::string &token) {
  auto decoded = jwt::decode(token);
  std::string jku = decoded.get_header_claim("jku").as_string();
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, jku.c_str());
  // CHECK-NOTES: :[[@LINE-1]]:40: warning: the URL fetched here comes from the token's own 'jku' header, {{.*}} [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE-4]]:29: note: a key URL enters through the token's own 'jku' header
  // CHECK-NOTES: :[[@LINE-5]]:53: note: carried through basic_claim::as_string()
  // CHECK-NOTES: :[[@LINE-6]]:15: note: flows into 'jku'
  // CHECK-NOTES: :[[@LINE-5]]:40: note: carried through basic_string::c_str()
  curl_easy_perform(h);
  curl_easy_cleanup(h);
}

// x5u through an httplib client.
std::string httplibFetch(const std::string &token) {
  auto decoded = jwt::decode(token);
  std::string host = decoded.get_header_claim("x5u").as_string();
  httplib::Client cli(host);
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: the URL fetched here comes from the token's own 'x5u' header, {{.*}} [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE-3]]:30: note: a key URL enters through the token's own 'x5u' header
  // CHECK-NOTES: :[[@LINE-4]]:54: note: carried through basic_claim::as_string()
  // CHECK-NOTES: :[[@LINE-5]]:15: note: flows into 'host'
  auto res = cli.Get("/key.pem");
  return res ? res->body : "";
}

// A cpr-like client.
std::string cprFetch(const std::string &token) {
  auto decoded = jwt::decode(token);
  return cpr::Get(cpr::Url{decoded.get_header_claim("jku").as_string()}).text;
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: the URL fetched here comes from the token's own 'jku' header, {{.*}} [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE-2]]:36: note: a key URL enters through the token's own 'jku' header
  // CHECK-NOTES: :[[@LINE-3]]:60: note: carried through basic_claim::as_string()
}

// The fetch is in the helper above; the key it returns verifies the token.
void keyFromHelper(const std::string &token) {
  auto decoded = jwt::decode(token);
  std::string url = decoded.get_header_claim("jku").as_string();
  std::string pem = fetchPem(url);
  jwt::verify().allow_algorithm(jwt::algorithm::rs256{pem}).verify(decoded);
}

// The URL itself handed over as the key.
void urlAsKey(const std::string &token) {
  auto decoded = jwt::decode(token);
  std::string x5u = decoded.get_header_claim("x5u").as_string();
  jwt::verify().allow_algorithm(jwt::algorithm::rs256{x5u}).verify(decoded);
  // CHECK-NOTES: :[[@LINE-1]]:55: warning: the verification key here comes from the URL in the token's own 'x5u' header, {{.*}} [appsec-jwt-unsafe-verification]
  // CHECK-NOTES: :[[@LINE-3]]:29: note: a key URL enters through the token's own 'x5u' header
  // CHECK-NOTES: :[[@LINE-4]]:53: note: carried through basic_claim::as_string()
  // CHECK-NOTES: :[[@LINE-5]]:15: note: flows into 'x5u'
}

// Silent: the URL is checked against an allow-list first, also when the
// fetch is in the helper.
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

// Silent, a limitation: the fetch happens in a function of another file,
// whose body this translation unit cannot see.
void fetchedElsewhere(const std::string &token) {
  auto decoded = jwt::decode(token);
  std::string pem = fetchElsewhere(decoded.get_header_claim("jku").as_string());
  jwt::verify().allow_algorithm(jwt::algorithm::rs256{pem}).verify(decoded);
}
