#include "AuthHandler.hpp"

#include <jwt-cpp/jwt.h>

#include <chrono>
#include <iostream>

static const char *kIssuer = "orders-svc";

std::string TokenService::issue(const std::string &userId, const std::string &role) const {
  auto now = std::chrono::system_clock::now();
  return jwt::create()
      .set_issuer(kIssuer)
      .set_subject(userId)
      .set_payload_claim("role", jwt::claim(role))
      .set_issued_at(now)
      .set_expires_at(now + std::chrono::hours(8))
      .sign(jwt::algorithm::hs256{m_secret});
}

std::shared_ptr<OrdersAuth> TokenService::check(const std::string &token) const {
  try {
    auto decoded = jwt::decode(token);
    jwt::verify().allow_algorithm(jwt::algorithm::hs256{m_secret}).with_issuer(kIssuer).leeway(30).verify(decoded);
    auto auth = std::make_shared<OrdersAuth>();
    auth->userId = decoded.get_subject();
    auth->role = decoded.get_payload_claim("role").as_string();
    return auth;
  } catch (const std::exception &e) {
    std::cerr << "rejected token: " << e.what() << "\n";
    return nullptr;
  }
}

std::optional<std::string> TokenService::checkServiceToken(const std::string &token) const {
  auto decoded = jwt::decode(token);
  auto verifier = jwt::verify()
                      .allow_algorithm(jwt::algorithm::hs256{"pay-callback-6c2f41d9e0"}) // expect: appsec-hardcoded-secret
                      .allow_algorithm(jwt::algorithm::none{}) // expect: appsec-jwt-unsafe-verification
                      .with_issuer("payments-svc");
  std::error_code ec;
  verifier.verify(decoded, ec);
  if (ec) return std::nullopt;
  return decoded.get_payload_claim("order_id").as_string();
}

std::shared_ptr<oatpp::web::server::handler::AuthorizationObject> JwtBearerHandler::authorize(const oatpp::String &token) {
  if (!token) return nullptr;
  return m_tokens->check(*token);
}

std::string bearerToken(const std::string &header) {
  const std::string prefix = "Bearer ";
  if (header.compare(0, prefix.size(), prefix) != 0) return {};
  return header.substr(prefix.size());
}
