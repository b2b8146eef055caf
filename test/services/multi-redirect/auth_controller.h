#pragma once

#include <drogon/HttpController.h>

#include <set>
#include <string>

class AuthController : public drogon::HttpController<AuthController> {
public:
  METHOD_LIST_BEGIN
  ADD_METHOD_TO(AuthController::login, "/login", drogon::Post);
  ADD_METHOD_TO(AuthController::ssoCallback, "/sso/callback", drogon::Get);
  ADD_METHOD_TO(AuthController::logout, "/logout", drogon::Get);
  ADD_METHOD_TO(AuthController::switchAccount, "/account/switch", drogon::Get);
  METHOD_LIST_END

  void login(const drogon::HttpRequestPtr &req,
             std::function<void(const drogon::HttpResponsePtr &)> &&callback);
  void ssoCallback(const drogon::HttpRequestPtr &req,
                   std::function<void(const drogon::HttpResponsePtr &)> &&callback);
  void logout(const drogon::HttpRequestPtr &req,
              std::function<void(const drogon::HttpResponsePtr &)> &&callback);
  void switchAccount(const drogon::HttpRequestPtr &req,
                     std::function<void(const drogon::HttpResponsePtr &)> &&callback);

private:
  const std::set<std::string> partnerHosts_{"help.example.com", "status.example.com"};
};
