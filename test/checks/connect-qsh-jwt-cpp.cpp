// RUN: %check_appsec_tidy %s appsec-connect-qsh %t -- -- -std=c++17 -isystem %mocks
// appsec-connect-qsh with jwt-cpp (the mock) and cpp-httplib: the qsh claim
// of a verified Connect JWT must be compared with the hash of the request.
#include <jwt-cpp/jwt.h>
#include <httplib.h>
#include <openssl/sha.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

std::string secretFor(const std::string &clientKey);
void reject(httplib::Response &res);

// A canonical-request hash written here: SHA-256 over METHOD&path&sorted query.
std::string sha256Hex(const std::string &data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char *>(data.data()), data.size(), digest);
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : digest) {
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

std::string canonicalQuery(const std::multimap<std::string, std::string> &params) {
  std::string out;
  for (const auto &[key, value] : params) // a multimap iterates sorted by key
    if (key != "jwt")
      out += (out.empty() ? "" : "&") + key + "=" + value;
  return out;
}

std::string requestHash(const httplib::Request &req) {
  return sha256Hex(req.method + "&" + req.path + "&" + canonicalQuery(req.params));
}

jwt::decoded_jwt<jwt::traits::kazuho_picojson> verified(const std::string &token) {
  auto decoded = jwt::decode(token);
  jwt::verify()
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: Connect JWT verified by jwt-cpp verifier.verify() (route '/glance', cpp-httplib), but its qsh claim is never compared with the hash of the request, {{.*}} [appsec-connect-qsh]
  // CHECK-NOTES: :{{[0-9]+}}:3: note: the route is registered here
      .allow_algorithm(jwt::algorithm::hs256{secretFor(decoded.get_issuer())})
      .verify(decoded);
  return decoded;
}

void routes(httplib::Server &svr) {
  // Silent: the verifier itself requires the request's qsh.
  svr.Get("/issue-panel", [](const httplib::Request &req, httplib::Response &res) {
    auto decoded = jwt::decode(req.get_header_value("Authorization").substr(4));
    jwt::verify()
        .allow_algorithm(jwt::algorithm::hs256{secretFor(decoded.get_issuer())})
        .with_claim("qsh", jwt::claim(requestHash(req)))
        .verify(decoded);
    res.set_content("ok", "text/plain");
  });

  // Missing: verified, qsh never looked at.
  svr.Post("/webhook/issue-updated", [](const httplib::Request &req, httplib::Response &res) {
    auto decoded = jwt::decode(req.get_header_value("Authorization").substr(4));
    jwt::verify()
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: Connect JWT verified by jwt-cpp verifier.verify() (route '/webhook/issue-updated', cpp-httplib), but its qsh claim is never compared with the hash of the request, so a token issued for one URL is accepted for any other; compare the token's qsh with the SHA-256 hex of this request's canonical form (METHOD&path&sorted query) and reject the request if they differ; violates Atlassian requirements 1 (Authenticate and authorize every request) and 8 (Validate untrusted data) [appsec-connect-qsh]
    // CHECK-NOTES: :[[@LINE-4]]:3: note: the route is registered here
        .allow_algorithm(jwt::algorithm::hs256{secretFor(decoded.get_issuer())})
        .verify(decoded);
    res.status = 204;
  });

  // Compared with a constant.
  svr.Get("/config", [](const httplib::Request &req, httplib::Response &res) {
    auto decoded = jwt::decode(req.get_param_value("jwt"));
    jwt::verify().allow_algorithm(jwt::algorithm::hs256{"s3cret"}).verify(decoded);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: Connect JWT verified by jwt-cpp verifier.verify() (route '/config', cpp-httplib), but its qsh claim is compared only with the constant "abc123", not with the hash of the request; compare {{.*}} [appsec-connect-qsh]
    // CHECK-NOTES: :[[@LINE+2]]:9: note: qsh is compared here
    // CHECK-NOTES: :[[@LINE-5]]:3: note: the route is registered here
    if (decoded.get_payload_claim("qsh").as_string() != "abc123")
      return reject(res);
    res.set_content("cfg", "text/plain");
  });

  // Only the claim's presence is checked.
  svr.Get("/admin", [](const httplib::Request &req, httplib::Response &res) {
    auto decoded = jwt::decode(req.get_param_value("jwt"));
    jwt::verify().allow_algorithm(jwt::algorithm::hs256{"s3cret"}).verify(decoded);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: Connect JWT verified by jwt-cpp verifier.verify() (route '/admin', cpp-httplib), but its qsh claim is only checked to be present (has_payload_claim), never compared with the hash of the request; {{.*}} [appsec-connect-qsh]
    // CHECK-NOTES: :[[@LINE+2]]:10: note: qsh is only tested for presence here
    // CHECK-NOTES: :[[@LINE-5]]:3: note: the route is registered here
    if (!decoded.has_payload_claim("qsh"))
      return reject(res);
    res.set_content("admin", "text/plain");
  });

  // A hash of the path alone: not the canonical request.
  svr.Get("/report", [](const httplib::Request &req, httplib::Response &res) {
    auto decoded = jwt::decode(req.get_param_value("jwt"));
    jwt::verify().allow_algorithm(jwt::algorithm::hs256{"s3cret"}).verify(decoded);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: Connect JWT verified by jwt-cpp verifier.verify() (route '/report', cpp-httplib), but its qsh claim is compared with a SHA-256 that lacks the '&'-joined canonical form and a sorted query string, so it is not the hash of the canonical request; {{.*}} [appsec-connect-qsh]
    // CHECK-NOTES: :[[@LINE+2]]:9: note: qsh is compared here
    // CHECK-NOTES: :[[@LINE-5]]:3: note: the route is registered here
    if (decoded.get_payload_claim("qsh").as_string() != sha256Hex(req.path))
      return reject(res);
    res.set_content("report", "text/plain");
  });

  // Silent: a helper verifies and hands the token back; the handler compares
  // the claim with the request hash.
  svr.Get("/dialog", [](const httplib::Request &req, httplib::Response &res) {
    auto token = verified(req.get_param_value("jwt"));
    const std::string qsh = token.get_payload_claim("qsh").as_string();
    if (qsh != requestHash(req))
      return reject(res);
    res.set_content("dialog", "text/plain");
  });

  // The same helper, from a handler that never compares: reported in the helper.
  svr.Get("/glance", [](const httplib::Request &req, httplib::Response &res) {
    auto token = verified(req.get_param_value("jwt"));
    res.set_content(token.get_subject(), "text/plain");
  });
}
