#pragma once

#include <drogon/HttpController.h>

#include <functional>
#include <string>

using namespace drogon;

class BuildController : public drogon::HttpController<BuildController> {
public:
  METHOD_LIST_BEGIN
  ADD_METHOD_TO(BuildController::startBuild, "/api/builds", Post);
  ADD_METHOD_TO(BuildController::runTests, "/api/builds/{1}/test", Post);
  ADD_METHOD_TO(BuildController::tailLog, "/api/builds/{1}/log", Get);
  ADD_METHOD_TO(BuildController::artifact, "/api/builds/{1}/artifacts/{2}", Get);
  ADD_METHOD_TO(BuildController::cleanup, "/api/builds/{1}", Delete);
  METHOD_LIST_END

  void startBuild(const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback);
  void runTests(const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback,
                int buildId);
  void tailLog(const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback,
               int buildId);
  void artifact(const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback,
                int buildId, const std::string &file);
  void cleanup(const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback,
               const std::string &buildId);
};
