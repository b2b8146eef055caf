// RUN: %check_appsec_tidy %s appsec-connect-qsh %t -- -- -std=c++17
// appsec-connect-qsh with the Debian cpp-jwt header (<jwt/jwt.hpp>) and cpp-httplib. The qsh helper is written
// here with OpenSSL's EVP digest API and std::sort.
#include <httplib.h>
#include <jwt/jwt.hpp>
#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

using namespace jwt::params;

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

// --- cpp-jwt -------------------------------------------------------------------

// Silent: the claim is compared with the request's hash.
bool cppJwtChecked(const httplib::Request &req, const std::string &key) {
  auto obj = jwt::decode(req.get_param_value("jwt"), algorithms({"HS256"}), secret(key));
  return obj.payload().get_claim_value<std::string>("qsh") == qshOf(req);
}

// Silent: has_claim_with_value names the value the claim must have.
bool cppJwtWithValue(const httplib::Request &req, const std::string &key) {
  auto obj = jwt::decode(req.get_param_value("jwt"), algorithms({"HS256"}), secret(key));
  return obj.payload().has_claim_with_value("qsh", qshOf(req));
}

bool cppJwtPresence(const httplib::Request &req, const std::string &key) {
  auto obj = jwt::decode(req.get_param_value("jwt"), algorithms({"HS256"}), secret(key));
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: Connect JWT verified by cpp-jwt jwt::decode(), but its qsh claim is only checked to be present (has_claim), never compared with the hash of the request; {{.*}} [appsec-connect-qsh]
  // CHECK-NOTES: :[[@LINE+1]]:10: note: qsh is only tested for presence here
  return obj.payload().has_claim("qsh");
}

