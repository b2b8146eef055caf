#include "auth_controller.h"

#include "url_util.h"

#include <drogon/drogon.h>

using namespace drogon;

namespace {

bool check_credentials(const std::string &user, const std::string &password) {
  return !user.empty() && password.size() >= 8; // real check lives in the IdP
}

HttpResponsePtr start_session(const std::string &user, const std::string &location) {
  auto resp = HttpResponse::newRedirectionResponse(location, k303SeeOther);
  Cookie sid("sid", utils::genRandomString(40));
  sid.setSecure(true);
  sid.setHttpOnly(true);
  sid.setSameSite(Cookie::SameSite::kLax);
  sid.setPath("/");
  resp->addCookie(sid);
  LOG_INFO << "session started for " << user;
  return resp;
}

} // namespace

void AuthController::login(const HttpRequestPtr &req,
                           std::function<void(const HttpResponsePtr &)> &&callback) {
  auto user = req->getParameter("username");
  if (!check_credentials(user, req->getParameter("password"))) {
    auto resp = HttpResponse::newHttpResponse(k401Unauthorized, CT_TEXT_PLAIN);
    resp->setBody("invalid credentials");
    return callback(resp);
  }
  auto next = urlutil::local_path(req->getParameter("next")).value_or("/dashboard");
  callback(start_session(user, next));
}

void AuthController::ssoCallback(const HttpRequestPtr &req,
                                 std::function<void(const HttpResponsePtr &)> &&callback) {
  auto next = req->getParameter("next");
  if (next.empty())
    next = "/dashboard";
  auto resp = HttpResponse::newRedirectionResponse(next, k303SeeOther); // expect: appsec-open-redirect
  Cookie sid("sid", utils::genRandomString(40));
  sid.setSecure(true);
  sid.setSameSite(Cookie::SameSite::kLax);
  resp->addCookie(sid);
  callback(resp);
}

void AuthController::logout(const HttpRequestPtr &req,
                            std::function<void(const HttpResponsePtr &)> &&callback) {
  std::string target = "/";
  auto returnTo = req->getParameter("return_to");
  if (urlutil::host_allowed(returnTo, partnerHosts_))
    target = returnTo;
  auto resp = HttpResponse::newRedirectionResponse(target);
  Cookie expired("sid", "");
  expired.setMaxAge(0);
  expired.setSecure(true);
  resp->addCookie(expired);
  callback(resp);
}

void AuthController::switchAccount(const HttpRequestPtr &req,
                                   std::function<void(const HttpResponsePtr &)> &&callback) {
  auto resp = HttpResponse::newHttpResponse(k302Found, CT_TEXT_PLAIN);
  resp->addHeader("Location", "/account?as=" + utils::urlEncodeComponent(req->getParameter("as")));
  auto back = req->getParameter("back");
  if (!back.empty())
    resp->addHeader("Refresh", "0; url=" + back); // expect: appsec-open-redirect, appsec-header-injection
  callback(resp);
}
