// Gates of jwt-cross-unit-frameworks.cpp: declared here, defined in
// gates_crow_drogon.cpp. Their names all sound like authentication.
#pragma once
#include "crow.h"
#include <drogon/drogon.h>

/// Crow middleware that verifies the bearer token (in the other unit).
struct BearerGuard : crow::ILocalMiddleware {
  struct context {
    std::string account;
  };
  void before_handle(crow::request &req, crow::response &res, context &ctx);
  void after_handle(crow::request &, crow::response &, context &) {}
};

/// Crow middleware that only copies the token's subject (in the other unit).
struct AuthContext : crow::ILocalMiddleware {
  struct context {
    std::string account;
  };
  void before_handle(crow::request &req, crow::response &res, context &ctx);
  void after_handle(crow::request &, crow::response &, context &) {}
};

/// Drogon filter that verifies the token (in the other unit).
class TokenFilter : public drogon::HttpFilter<TokenFilter> {
public:
  void doFilter(const drogon::HttpRequestPtr &req, drogon::FilterCallback &&fcb,
                drogon::FilterChainCallback &&fccb) override;
};

/// Drogon filter that decodes the token and lets every request through.
class AuthFilter : public drogon::HttpFilter<AuthFilter> {
public:
  void doFilter(const drogon::HttpRequestPtr &req, drogon::FilterCallback &&fcb,
                drogon::FilterChainCallback &&fccb) override;
};
