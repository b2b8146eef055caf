#pragma once

#include "relay.h"

#include <drogon/HttpController.h>

#include <functional>

using namespace drogon;

class HooksController : public drogon::HttpController<HooksController> {
public:
  static void configure(relay::Settings settings) { settings_ = std::move(settings); }

  METHOD_LIST_BEGIN
  ADD_METHOD_TO(HooksController::github, "/hooks/github", Post);
  ADD_METHOD_TO(HooksController::testSubscription, "/hooks/subscriptions/test", Post);
  ADD_METHOD_TO(HooksController::replay, "/hooks/replay/{name}", Post);
  METHOD_LIST_END

  using Callback = std::function<void(const HttpResponsePtr &)>;
  void github(const HttpRequestPtr &req, Callback &&cb);
  void testSubscription(const HttpRequestPtr &req, Callback &&cb);
  void replay(const HttpRequestPtr &req, Callback &&cb, const std::string &name);

private:
  static relay::Settings settings_;
};
