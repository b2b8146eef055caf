#pragma once

#include "oatpp/web/server/handler/AuthorizationHandler.hpp"

#include <memory>
#include <optional>
#include <string>

struct OrdersAuth : public oatpp::web::server::handler::AuthorizationObject {
  std::string userId;
  std::string role;
};

class TokenService {
public:
  explicit TokenService(std::string secret) : m_secret(std::move(secret)) {}
  std::string issue(const std::string &userId, const std::string &role) const;
  std::shared_ptr<OrdersAuth> check(const std::string &token) const;
  // tokens minted by the payments service for its callbacks
  std::optional<std::string> checkServiceToken(const std::string &token) const;

private:
  std::string m_secret;
};

class JwtBearerHandler : public oatpp::web::server::handler::BearerAuthorizationHandler {
public:
  explicit JwtBearerHandler(std::shared_ptr<TokenService> tokens)
      : BearerAuthorizationHandler("orders"), m_tokens(std::move(tokens)) {}
  std::shared_ptr<oatpp::web::server::handler::AuthorizationObject> authorize(const oatpp::String &token) override;

private:
  std::shared_ptr<TokenService> m_tokens;
};

std::string bearerToken(const std::string &authorizationHeader);
