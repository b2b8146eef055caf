#include "jobs.h"
#include "validate.h"

#include <crow.h>

#include <set>

namespace {

crow::response as_json(const jobs::Output &out) {
  crow::json::wvalue body{{"exit_code", out.exit_code}, {"output", out.text}};
  return crow::response(out.exit_code == 0 ? 200 : 502, body);
}

std::string param(const crow::request &req, const char *name, const char *fallback = "") {
  const char *v = req.url_params.get(name);
  return v ? v : fallback;
}

} // namespace

int main() {
  crow::SimpleApp app;
  const std::set<std::string> report_formats{"html", "pdf", "docx"};

  CROW_ROUTE(app, "/diag/ping/<string>")([](const std::string &host) {
    if (!validate::hostname(host))
      return crow::response(400, "invalid host");
    return as_json(jobs::ping(host));
  });

  CROW_ROUTE(app, "/diag/resolve")([](const crow::request &req) {
    auto name = param(req, "name");
    if (name.empty())
      return crow::response(400, "name required");
    return as_json(jobs::resolve(name)); // expect: appsec-command-injection
  });

  CROW_ROUTE(app, "/repos/<string>/log")([](const crow::request &req, const std::string &repo) {
    if (!validate::identifier(repo))
      return crow::response(400, "invalid repo");
    auto ref = param(req, "ref", "HEAD");
    int limit = 20;
    if (auto *l = req.url_params.get("limit"))
      limit = std::max(1, std::min(200, std::atoi(l)));
    return as_json(jobs::git_log(repo, ref, limit)); // expect: appsec-command-injection
  });

  CROW_ROUTE(app, "/builds/<int>/archive").methods("POST"_method)([](int64_t build_id) {
    int rc = jobs::archive_build(static_cast<long>(build_id));
    return crow::response(rc == 0 ? 202 : 500);
  });

  CROW_ROUTE(app, "/reports/render").methods("POST"_method)([&report_formats](const crow::request &req) {
    auto body = crow::json::load(req.body);
    if (!body || !body.has("format") || !body.has("source"))
      return crow::response(400, "format and source required");
    std::string format = body["format"].s();
    if (!report_formats.count(format))
      return crow::response(400, "unsupported format");
    std::string source = body["source"].s();
    int rc = jobs::render_report(format, source); // expect: appsec-command-injection
    return crow::response(rc == 0 ? 202 : 500);
  });

  CROW_ROUTE(app, "/diag/disk")([] { return as_json(jobs::disk_usage()); });

  app.port(8090).concurrency(4).run();
}
