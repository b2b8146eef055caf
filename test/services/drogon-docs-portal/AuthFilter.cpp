#include "AuthFilter.h"

#include <jwt-cpp/jwt.h>
#include <trantor/utils/Logger.h>

std::string AuthFilter::publicKey_;
std::string AuthFilter::issuer_;

void AuthFilter::configure(std::string publicKeyPem, std::string issuer) {
  publicKey_ = std::move(publicKeyPem);
  issuer_ = std::move(issuer);
}

namespace {

drogon::HttpResponsePtr unauthorized() {
  auto resp = drogon::HttpResponse::newHttpResponse(drogon::k401Unauthorized, drogon::CT_TEXT_PLAIN);
  resp->addHeader("WWW-Authenticate", "Bearer realm=\"docs\"");
  return resp;
}

} // namespace

void AuthFilter::doFilter(const drogon::HttpRequestPtr &req, drogon::FilterCallback &&fcb,
                          drogon::FilterChainCallback &&fccb) {
  std::string token = req->getHeader("authorization");
  if (token.rfind("Bearer ", 0) == 0) {
    token.erase(0, 7);
  } else {
    token = req->getCookie("docs_token");
  }
  if (token.empty())
    return fcb(unauthorized());

  try {
    auto decoded = jwt::decode(token);
    jwt::verify()
        .allow_algorithm(jwt::algorithm::rs256{publicKey_})
        .with_issuer(issuer_)
        .with_audience("docs-portal")
        .verify(decoded);
    req->addHeader("x-docs-user", decoded.get_subject());
  } catch (const std::exception &e) {
    LOG_DEBUG << "rejected token: " << e.what();
    return fcb(unauthorized());
  }
  fccb();
}
