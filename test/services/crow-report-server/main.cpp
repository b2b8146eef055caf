#include "jwt_auth.h"
#include "reports.h"

#include <crow.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

using ReportApp = crow::App<JwtAuth>;

std::string tenant_dir_file(const reports::Settings &s, const std::string &tenant, int64_t id) {
  return (std::filesystem::path(s.root) / tenant / ("report-" + std::to_string(id) + ".html"))
      .string();
}

bool valid_tenant(const std::string &t) {
  if (t.empty() || t.size() > 40)
    return false;
  for (unsigned char c : t)
    if (!std::isalnum(c) && c != '_')
      return false;
  return true;
}

void setup_routes(ReportApp &app, const reports::Settings &settings) {
  CROW_ROUTE(app, "/healthz")([] { return "ok"; });

  CROW_ROUTE(app, "/reports/<path>")
      .CROW_MIDDLEWARES(app, JwtAuth)([&app, &settings](const crow::request &req, std::string name) {
        auto &auth = app.get_context<JwtAuth>(req);
        auto body = reports::read_report(settings, auth.tenant, name);
        if (!body)
          return crow::response(404);
        std::string theme = "default";
        if (const char *t = req.url_params.get("theme"))
          theme = t;
        auto css = reports::load_theme(settings, theme); // expect: appsec-path-traversal
        return crow::response("text/html", "<style>" + css + "</style>" + *body);
      });

  CROW_ROUTE(app, "/reports/<int>/export")
      .CROW_MIDDLEWARES(app, JwtAuth)([&app, &settings](const crow::request &req, crow::response &res,
                                                        int64_t id) {
        auto &auth = app.get_context<JwtAuth>(req);
        const char *paper = req.url_params.get("paper");
        auto pdf = reports::export_pdf(settings, tenant_dir_file(settings, auth.tenant, id), // expect: appsec-command-injection
                                       paper ? paper : "A4");
        if (pdf.empty()) {
          res.code = 500;
          return res.end();
        }
        if (const char *back = req.url_params.get("return_to")) {
          res.redirect(back); // expect: appsec-open-redirect
          return res.end();
        }
        res.set_static_file_info(pdf, "application/pdf");
        res.end();
      });

  CROW_ROUTE(app, "/reports/<int>/table")
      .CROW_MIDDLEWARES(app, JwtAuth)([&app, &settings](const crow::request &req, crow::response &res,
                                                        int64_t id) {
        auto &auth = app.get_context<JwtAuth>(req);
        const char *fmt = req.url_params.get("format");
        auto csv = (std::filesystem::path(settings.root) / auth.tenant /
                    ("report-" + std::to_string(id) + ".csv"))
                       .string();
        auto out = reports::export_table(settings, csv, fmt ? fmt : "xlsx");
        if (out.empty()) {
          res.code = 400;
          return res.end();
        }
        res.redirect("/downloads/" + std::filesystem::path(out).filename().string());
        res.end();
      });

  CROW_ROUTE(app, "/downloads/<string>")
      .CROW_MIDDLEWARES(app, JwtAuth)([&settings](crow::response &res, std::string file) {
        res.set_static_file_info(settings.export_dir + "/" + file);
        res.end();
      });

  // used by the nightly mailer to attach the raw data
  CROW_ROUTE(app, "/internal/reports/<string>/<path>")([&settings](std::string tenant, std::string name) { // expect: appsec-jwt-missing-verification
    if (!valid_tenant(tenant))
      return crow::response(400);
    auto body = reports::read_report(settings, tenant, name);
    return body ? crow::response(200, *body) : crow::response(404);
  });
}

} // namespace

int main() {
  reports::Settings settings;
  if (const char *root = std::getenv("REPORT_ROOT"))
    settings.root = root;

  ReportApp app;
  auto &auth = app.get_middleware<JwtAuth>();
  if (const char *secret = std::getenv("REPORT_JWT_SECRET"))
    auth.secret = secret;
  else
    return 1;

  setup_routes(app, settings);
  app.port(9090).multithreaded().run();
}
