// Crow middlewares and Drogon filters declared in a header and defined in
// another unit (Inputs/cross-unit/gates_crow_drogon.cpp), judged from the
// summary store: the gate whose body verifies keeps its routes silent, the
// one that only decodes the token leaves them reported. Without the store
// they are judged by their names, which all sound like authentication, so
// the routes behind the trusting gates go unreported (the ALONE twin).
// RUN: rm -rf %t.store
// RUN: %appsec_tidy --checks='-*,appsec-jwt-missing-verification' --config="{CheckOptions: {AppSecSummaryExport: '%t.store'}}" %inputs/cross-unit/gates_crow_drogon.cpp -- -std=c++17 -isystem %mocks -I %inputs/cross-unit > /dev/null 2>&1
// RUN: %check_appsec_tidy -check-suffix=STORE %s appsec-jwt-missing-verification %t -- --config="{CheckOptions: {AppSecSummaryStore: '%t.store'}}" -- -std=c++17 -isystem %mocks -I %inputs/cross-unit
// RUN: %check_appsec_tidy -check-suffixes=ALONE %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks -I %inputs/cross-unit
#include "gates_crow_drogon.h"
#include <jwt-cpp/jwt.h>

#include <functional>
#include <string>

using Callback = std::function<void(const drogon::HttpResponsePtr &)>;
drogon::HttpResponsePtr textResponse(const std::string &body);

void crowRoutes(crow::App<BearerGuard, AuthContext> &app) {
  CROW_ROUTE(app, "/api/exports").CROW_MIDDLEWARES(app, BearerGuard)([](const crow::request &req) {
    return crow::response(req.body);
  });
  CROW_ROUTE(app, "/api/imports").CROW_MIDDLEWARES(app, AuthContext)([](const crow::request &req) {
    // CHECK-MESSAGES-STORE: :[[@LINE-1]]:14: warning: Crow handler for route '/api/imports' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
    return crow::response(req.body);
  });
}

void drogonRoutes() {
  drogon::app().registerHandler(
      "/api/reports",
      [](const drogon::HttpRequestPtr &req, Callback &&callback) {
        callback(textResponse(req->getParameter("q")));
      },
      {drogon::Get, "TokenFilter"});
  drogon::app().registerHandler(
      "/api/audit",
      // CHECK-MESSAGES-STORE: :[[@LINE-2]]:3: warning: Drogon handler for route '/api/audit' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
      [](const drogon::HttpRequestPtr &req, Callback &&callback) {
        callback(textResponse(req->getParameter("q")));
      },
      {drogon::Get, "AuthFilter"});
}
