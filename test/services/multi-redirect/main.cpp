#include "auth_controller.h"
#include "url_util.h"

#include <drogon/drogon.h>

#include <regex>

using namespace drogon;

int main() {
  app().registerHandler(
      "/reports/export",
      [](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback) {
        auto resp = HttpResponse::newHttpResponse(k200OK, CT_CUSTOM);
        resp->setContentTypeString("text/csv");
        auto name = urlutil::attachment_name(req->getParameter("filename"));
        resp->addHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        resp->setBody("id,amount\n1,10\n");
        callback(resp);
      },
      {Get});

  app().registerHandler(
      "/debug/headers",
      [](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback) {
        static const std::regex kRequestId("[A-Za-z0-9-]{8,64}");
        auto resp = HttpResponse::newHttpResponse(k200OK, CT_TEXT_PLAIN);
        auto rid = req->getHeader("X-Request-Id");
        if (!std::regex_match(rid, kRequestId))
          rid = utils::genRandomString(16);
        resp->addHeader("X-Request-Id", rid);
        auto trace = req->getParameter("trace");
        if (!trace.empty())
          resp->addHeader("X-Trace-Context", trace); // expect: appsec-header-injection
        std::string body;
        for (const auto &[key, value] : req->headers())
          body += key + ": " + value + "\n";
        resp->setBody(body);
        callback(resp);
      },
      {Get});

  app().registerHandler(
      "/go",
      [](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback) {
        auto to = urlutil::local_path(req->getParameter("to"));
        callback(HttpResponse::newRedirectionResponse(to ? *to : "/"));
      },
      {Get});

  app().addListener("0.0.0.0", 8050).setThreadNum(2).run();
}
