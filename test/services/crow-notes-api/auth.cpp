#include "auth.h"

#include <jwt-cpp/jwt.h>

#include <set>
#include <string_view>

namespace {

const std::set<std::string> kPublicPaths = {"/health", "/version"};

std::string bearer_token(const crow::request &req) {
  const std::string &header = req.get_header_value("Authorization");
  constexpr std::string_view prefix = "Bearer ";
  if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0)
    return {};
  return header.substr(prefix.size());
}

void reject(crow::response &res, int code) {
  res.code = code;
  res.end();
}

} // namespace

void TokenAuth::before_handle(crow::request &req, crow::response &res, context &ctx) {
  if (kPublicPaths.count(req.url))
    return;

  auto token = bearer_token(req);
  if (token.empty())
    return reject(res, 401);

  try {
    // the gateway already checked the signature, we only need the claims
    auto decoded = jwt::decode(token);
    ctx.user_id = decoded.get_payload_claim("sub").as_string(); // expect: appsec-jwt-missing-verification
    if (decoded.has_payload_claim("role"))
      ctx.role = decoded.get_payload_claim("role").as_string();
  } catch (const std::exception &e) {
    CROW_LOG_WARNING << "bad token: " << e.what();
    return reject(res, 401);
  }

  if (ctx.user_id.empty())
    reject(res, 401);
}
