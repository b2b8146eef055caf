#pragma once

#include <crow.h>

#include <string>

// Reads the bearer token issued by the company SSO and exposes the caller's
// identity to the handlers through the middleware context.
struct TokenAuth {
  struct context {
    std::string user_id;
    std::string role;
  };

  void before_handle(crow::request &req, crow::response &res, context &ctx);
  void after_handle(crow::request &, crow::response &, context &) {}
};
