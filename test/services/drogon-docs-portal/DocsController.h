#pragma once

#include <drogon/HttpController.h>

#include <functional>
#include <string>

using namespace drogon;

class DocsController : public drogon::HttpController<DocsController> {
public:
  METHOD_LIST_BEGIN
  ADD_METHOD_TO(DocsController::page, "/docs/page", Get, "AuthFilter");
  ADD_METHOD_TO(DocsController::asset, "/docs/assets/{1}", Get, "AuthFilter");
  ADD_METHOD_TO(DocsController::search, "/docs/search", Get, "AuthFilter");
  ADD_METHOD_TO(DocsController::logout, "/docs/logout", Get);
  ADD_METHOD_TO(DocsController::login, "/docs/login", Get);
  METHOD_LIST_END

  using Callback = std::function<void(const HttpResponsePtr &)>;
  void page(const HttpRequestPtr &req, Callback &&callback);
  void asset(const HttpRequestPtr &req, Callback &&callback, const std::string &file);
  void search(const HttpRequestPtr &req, Callback &&callback);
  void logout(const HttpRequestPtr &req, Callback &&callback);
  void login(const HttpRequestPtr &req, Callback &&callback);

  static void setRoot(std::string root) { root_ = std::move(root); }

private:
  static std::string root_;
};
