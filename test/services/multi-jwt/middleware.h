#pragma once

#include <crow.h>

#include <string>

// Route-local: only routes listed with CROW_MIDDLEWARES(app, JwtAuth) run it.
struct JwtAuth : crow::ILocalMiddleware {
  struct context {
    std::string user;
    std::string role;
  };

  void before_handle(crow::request &req, crow::response &res, context &ctx);
  void after_handle(crow::request &req, crow::response &res, context &ctx);
};

using ProjectsApp = crow::App<JwtAuth>;
