// RUN: %check_appsec_tidy %s appsec-sensitive-logging %t -- -- -std=c++17 -isystem %mocks -I/usr/include/x86_64-linux-gnu
// The frameworks' own loggers and request reads: Crow's CROW_LOG_* and
// Drogon/trantor's LOG_* (mocks), cpp-httplib and Poco::Logger (Debian's
// headers). A request header looked up as "Authorization" or "X-Api-Key" is
// a secret; the request's path and other headers are not.
#include "crow.h"
#include <drogon/drogon.h>
#include <httplib.h>
#include <Poco/Logger.h>
#include <nlohmann/json.hpp>

#include <string>

void crowRoutes(crow::SimpleApp &app) {
  CROW_ROUTE(app, "/hook")([](const crow::request &req) {
    CROW_LOG_INFO << "hook from " << req.url << " auth " << req.get_header_value("Authorization");
    // CHECK-MESSAGES: :[[@LINE-1]]:65: warning: a secret ('Authorization') reaches logger::operator<<(), which writes it to the log; {{.*}}
    CROW_LOG_DEBUG << "agent " << req.get_header_value("User-Agent");
    return crow::response(200);
  });
}

void drogonRoutes() {
  drogon::app().registerHandler(
      "/login", [](const drogon::HttpRequestPtr &req,
                   std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
        std::string email = req->getParameter("email");
        std::string password = req->getParameter("password");
        LOG_INFO << "login attempt " << email << " " << password;
        // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: end-user data ('email') reaches LogStream::operator<<(), which writes it to the log; {{.*}}
        // CHECK-MESSAGES: :[[@LINE-2]]:57: warning: a secret ('password') reaches LogStream::operator<<(), which writes it to the log; {{.*}}
        LOG_DEBUG << "path " << req->path() << ", " << password.size() << " chars";
        callback(drogon::HttpResponse::newHttpResponse());
      });
}

void httplibRoutes(httplib::Server &svr, Poco::Logger &log) {
  svr.Get("/api", [&](const httplib::Request &req, httplib::Response &res) {
    std::string key = req.get_header_value("X-Api-Key");
    log.information("api call with key " + key);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a secret ('X-Api-Key') reaches Logger::information(), which writes it to the log; {{.*}}
    log.information("api call to " + req.path);
    res.set_content("ok", "text/plain");
  });
  // A request value checked against constants on several paths: the check
  // says nothing about the secrets read from the same request afterwards.
  svr.Post("/integrations", [&](const httplib::Request &req, httplib::Response &res) {
    auto body = nlohmann::json::parse(req.body);
    std::string service = body.at("service").get<std::string>();
    if (service != "github" && service != "jira")
      return;
    log.information("token " + body.at("token").get<std::string>());
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a secret ('token') reaches Logger::information(), which writes it to the log; {{.*}}
    res.status = 204;
  });
}
