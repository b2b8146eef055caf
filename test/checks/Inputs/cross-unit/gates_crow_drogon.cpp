// The other unit of jwt-cross-unit-frameworks.cpp: the gate bodies.
#include "gates_crow_drogon.h"
#include <jwt-cpp/jwt.h>

#include <string>

std::string sharedSecret();

void BearerGuard::before_handle(crow::request &req, crow::response &res, context &ctx) {
  try {
    auto decoded = jwt::decode(req.get_header_value("Authorization").substr(7));
    jwt::verify().allow_algorithm(jwt::algorithm::hs256{sharedSecret()}).verify(decoded);
    ctx.account = decoded.get_subject();
  } catch (...) {
    res.code = 401;
    res.end();
  }
}

void AuthContext::before_handle(crow::request &req, crow::response &, context &ctx) {
  auto decoded = jwt::decode(req.get_header_value("Authorization").substr(7));
  ctx.account = decoded.get_subject();
}

void TokenFilter::doFilter(const drogon::HttpRequestPtr &req, drogon::FilterCallback &&fcb,
                           drogon::FilterChainCallback &&fccb) {
  try {
    auto decoded = jwt::decode(req->getHeader("Authorization"));
    jwt::verify().allow_algorithm(jwt::algorithm::hs256{sharedSecret()}).verify(decoded);
  } catch (...) {
    fcb(drogon::HttpResponse::newHttpResponse(drogon::k401Unauthorized, drogon::CT_TEXT_PLAIN));
    return;
  }
  fccb();
}

void AuthFilter::doFilter(const drogon::HttpRequestPtr &req, drogon::FilterCallback &&,
                          drogon::FilterChainCallback &&fccb) {
  auto decoded = jwt::decode(req->getHeader("Authorization"));
  req->addHeader("X-User", decoded.get_subject());
  fccb();
}
