// RUN: %check_appsec_tidy %s appsec-connect-qsh %t -- -- -std=c++17
// appsec-connect-qsh with the Debian libjwt header (<jwt.h>) and cpp-httplib. The qsh helper is written
// here with OpenSSL's EVP digest API and std::sort.
#include <httplib.h>
#include <jwt.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

std::string hexDigest(const std::string &text) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(text.data(), text.size(), md, &len, EVP_sha256(), nullptr);
  std::string out;
  static const char hex[] = "0123456789abcdef";
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 15];
  }
  return out;
}

std::string qshOf(const httplib::Request &req) {
  std::vector<std::pair<std::string, std::string>> query(req.params.begin(), req.params.end());
  std::sort(query.begin(), query.end());
  std::string canonical = req.method + '&' + req.path + '&';
  for (size_t i = 0; i < query.size(); ++i)
    canonical += (i ? "&" : "") + query[i].first + "=" + query[i].second;
  return hexDigest(canonical);
}

// --- libjwt --------------------------------------------------------------------

// Silent: strcmp-style comparison with the request's hash.
bool libJwtChecked(const httplib::Request &req, const unsigned char *key, int len) {
  jwt_t *j = nullptr;
  if (jwt_decode(&j, req.get_param_value("jwt").c_str(), key, len) != 0)
    return false;
  const std::string expected = qshOf(req);
  const char *qsh = jwt_get_grant(j, "qsh");
  bool ok = qsh && std::strcmp(qsh, expected.c_str()) == 0;
  jwt_free(j);
  return ok;
}

bool libJwtMissing(const httplib::Request &req, const unsigned char *key, int len) {
  jwt_t *j = nullptr;
  if (jwt_decode(&j, req.get_param_value("jwt").c_str(), key, len) != 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: Connect JWT verified by libjwt jwt_decode(), but its qsh claim is never compared with the hash of the request, {{.*}} [appsec-connect-qsh]
    return false;
  jwt_free(j);
  return true;
}

// A qsh read into a variable that nothing compares.
bool libJwtReadOnly(const httplib::Request &req, const unsigned char *key, int len) {
  jwt_t *j = nullptr;
  if (jwt_decode(&j, req.get_param_value("jwt").c_str(), key, len) != 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: Connect JWT verified by libjwt jwt_decode(), but its qsh claim is read and never compared with the hash of the request; {{.*}} [appsec-connect-qsh]
    return false;
  std::string qsh = jwt_get_grant(j, "qsh");
  // CHECK-NOTES: :[[@LINE-1]]:21: note: qsh is read here
  jwt_free(j);
  return !qsh.empty();
}

// Silent: no key, so nothing is verified (appsec-jwt-missing-verification's
// business when claims are read).
void libJwtUnkeyed(const char *token) {
  jwt_t *j = nullptr;
  if (jwt_decode(&j, token, nullptr, 0) == 0)
    jwt_free(j);
}
