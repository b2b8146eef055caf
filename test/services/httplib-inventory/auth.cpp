#include "app.h"

#include <chrono>
#include <system_error>

#include <jwt-cpp/jwt.h>

namespace inv {

static jwt::algorithm::hs256 signer() {
  return jwt::algorithm::hs256{"inv-7Qw2-sig-key-f3a91c0d5b"}; // expect: appsec-hardcoded-secret
}

static std::string bearer(const httplib::Request &req) {
  auto h = req.get_header_value("Authorization");
  if (h.rfind("Bearer ", 0) == 0) return h.substr(7);
  return {};
}

std::string issue_token(const std::string &user, const std::string &role) {
  auto now = std::chrono::system_clock::now();
  return jwt::create()
      .set_issuer("inventory")
      .set_subject(user)
      .set_payload_claim("role", jwt::claim(role))
      .set_issued_at(now)
      .set_expires_at(now + std::chrono::hours(8))
      .sign(signer());
}

std::optional<Principal> authenticate(const httplib::Request &req) {
  auto token = bearer(req);
  if (token.empty()) return std::nullopt;
  try {
    auto decoded = jwt::decode(token);
    std::error_code ec;
    jwt::verify().allow_algorithm(signer()).with_issuer("inventory").verify(decoded, ec);
    if (ec) return std::nullopt;
    return Principal{decoded.get_subject(), decoded.get_payload_claim("role").as_string()};
  } catch (const std::exception &) {
    return std::nullopt;
  }
}

// Tokens minted by the nightly cron box; the older job runner still sends unsigned ones.
std::optional<Principal> authenticate_service(const httplib::Request &req) {
  auto token = bearer(req);
  if (token.empty()) return std::nullopt;
  try {
    auto decoded = jwt::decode(token);
    auto verifier = jwt::verify().with_issuer("inventory-cron");
    if (decoded.get_algorithm() == "none") // expect: appsec-jwt-unsafe-verification
      verifier.allow_algorithm(jwt::algorithm::none{}); // expect: appsec-jwt-unsafe-verification
    else
      verifier.allow_algorithm(signer());
    verifier.verify(decoded);
    return Principal{decoded.get_subject(), "service"};
  } catch (const std::exception &) {
    return std::nullopt;
  }
}

} // namespace inv
