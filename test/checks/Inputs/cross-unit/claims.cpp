// The other unit of jwt-claims-cross-unit.cpp: a helper that reads the
// request token's subject. Whether that is safe depends on its callers,
// which are in the other unit.
#include <httplib.h>
#include <jwt-cpp/jwt.h>

#include <string>

std::string subjectOf(const httplib::Request &req) {
  return jwt::decode(req.get_header_value("Authorization")).get_payload_claim("sub").as_string();
  // CHECK-MESSAGES-ALONE: :[[@LINE-1]]:10: warning: decoded_jwt::get_payload_claim() reads a claim of a JWT decoded from HTTP request data {{.*}} [appsec-jwt-missing-verification]
}
