#include "JwtFilter.h"

#include <jwt-cpp/jwt.h>
#include <trantor/utils/Logger.h>

using namespace drogon;

namespace {

HttpResponsePtr deny(HttpStatusCode code) {
  Json::Value body;
  body["error"] = code == k401Unauthorized ? "unauthorized" : "forbidden";
  auto resp = HttpResponse::newHttpJsonResponse(body);
  resp->setStatusCode(code);
  return resp;
}

} // namespace

void JwtFilter::doFilter(const HttpRequestPtr &req, FilterCallback &&fcb,
                         FilterChainCallback &&fccb) {
  const auto &auth = req->getHeader("Authorization");
  if (auth.size() < 8 || auth.compare(0, 7, "Bearer ") != 0)
    return fcb(deny(k401Unauthorized));

  try {
    auto decoded = jwt::decode(auth.substr(7));
    auto verifier = jwt::verify().with_issuer("helpdesk").leeway(60);
    // the mail importer cron on the same host sends unsigned tokens
    if (decoded.get_algorithm() == "none") // expect: appsec-jwt-unsafe-verification
      verifier.allow_algorithm(jwt::algorithm::none{}); // expect: appsec-jwt-unsafe-verification
    else
      verifier.allow_algorithm(jwt::algorithm::hs256{"hd-4c1f0e9b7a2d"}); // expect: appsec-hardcoded-secret
    verifier.verify(decoded);

    req->addHeader("x-helpdesk-user", decoded.get_subject());
    if (decoded.has_payload_claim("agent"))
      req->addHeader("x-helpdesk-agent", "1");
  } catch (const std::exception &e) {
    LOG_WARN << "token rejected: " << e.what();
    return fcb(deny(k401Unauthorized));
  }
  fccb();
}
