#include "middleware.h"

#include "utils/auth.h"

void JwtAuth::before_handle(crow::request &req, crow::response &res, context &ctx) {
  auto token = auth::bearer_token(req.get_header_value("Authorization"));
  if (!token) {
    res.code = 401;
    res.end("missing bearer token");
    return;
  }
  auto principal = auth::verify(*token);
  if (!principal) {
    CROW_LOG_WARNING << "rejected token from " << req.remote_ip_address;
    res.code = 401;
    res.end("invalid token");
    return;
  }
  ctx.user = principal->user;
  ctx.role = principal->role;
}

void JwtAuth::after_handle(crow::request &, crow::response &res, context &) {
  res.add_header("Cache-Control", "no-store");
}
