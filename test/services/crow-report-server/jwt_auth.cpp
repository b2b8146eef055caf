#include "jwt_auth.h"

#include <jwt-cpp/jwt.h>

#include <system_error>

void JwtAuth::before_handle(crow::request &req, crow::response &res, context &ctx) {
  const auto &header = req.get_header_value("Authorization");
  if (header.rfind("Bearer ", 0) != 0) {
    res.code = 401;
    res.end();
    return;
  }

  try {
    auto decoded = jwt::decode(header.substr(7));
    auto verifier = jwt::verify()
                        .allow_algorithm(jwt::algorithm::hs256{secret})
                        .with_issuer(issuer)
                        .with_audience("report-server")
                        .leeway(30);
    std::error_code ec;
    verifier.verify(decoded, ec);
    if (ec) {
      CROW_LOG_INFO << "token rejected: " << ec.message();
      res.code = 401;
      res.end();
      return;
    }
    ctx.subject = decoded.get_subject();
    ctx.tenant = decoded.get_payload_claim("tenant").as_string();
  } catch (const std::exception &) {
    res.code = 401;
    res.end();
  }
}
