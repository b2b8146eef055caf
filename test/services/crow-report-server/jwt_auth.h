#pragma once

#include <crow.h>

#include <string>

// Route-local middleware: only routes that list it with CROW_MIDDLEWARES
// require a token.
struct JwtAuth : crow::ILocalMiddleware {
  struct context {
    std::string subject;
    std::string tenant;
  };

  std::string secret;
  std::string issuer = "https://auth.reports.internal";

  void before_handle(crow::request &req, crow::response &res, context &ctx);
  void after_handle(crow::request &, crow::response &, context &) {}
};
