#include "app.h"

#include <nlohmann/json.hpp>

namespace inv {

using json = nlohmann::json;

static std::string sort_column(const std::string &key) {
  if (key == "name") return "name";
  if (key == "qty") return "quantity DESC";
  if (key == "location") return "location, name";
  return "id";
}

void register_routes(httplib::Server &svr, std::shared_ptr<Db> db) {
  svr.Post("/login", [db](const httplib::Request &req, httplib::Response &res) {
    auto body = json::parse(req.body, nullptr, false);
    if (body.is_discarded()) { res.status = 400; return; }
    std::string role;
    auto user = body.value("user", "");
    if (!db->check_password(user, body.value("password", ""), role)) { res.status = 401; return; }
    auto token = issue_token(user, role);
    res.set_header("Set-Cookie", "inv_token=" + token + "; Path=/"); // expect: appsec-insecure-cookie
    res.set_content(json{{"token", token}, {"role", role}}.dump(), "application/json");
  });

  svr.Get("/api/items", [db](const httplib::Request &req, httplib::Response &res) {
    if (!authenticate(req)) { res.status = 401; return; }
    auto items = db->items_by_category(req.get_param_value("category"), // expect: appsec-sql-injection
                                       sort_column(req.get_param_value("sort")));
    json out = json::array();
    for (const auto &it : items)
      out.push_back({{"id", it.id}, {"sku", it.sku}, {"name", it.name}, {"location", it.location},
                     {"quantity", it.quantity}});
    res.set_content(out.dump(), "application/json");
  });

  svr.Post("/api/stock/adjust", [db](const httplib::Request &req, httplib::Response &res) {
    auto who = authenticate(req);
    if (!who || who->role == "viewer") { res.status = 403; return; }
    auto body = json::parse(req.body, nullptr, false);
    if (body.is_discarded()) { res.status = 400; return; }
    int failed = 0;
    for (const auto &line : body["lines"])
      if (!db->adjust_stock(line.value("sku", ""), line.value("delta", 0))) ++failed; // expect: appsec-sql-injection
    res.set_content(json{{"failed", failed}}.dump(), "application/json");
  });

  svr.Post("/internal/reindex", [db](const httplib::Request &req, httplib::Response &res) {
    if (!authenticate_service(req)) { res.status = 401; return; }
    db->reindex();
    res.status = 204;
  });

  svr.Get("/logout", [](const httplib::Request &req, httplib::Response &res) {
    res.set_header("Set-Cookie", "inv_token=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Strict");
    auto back = req.has_param("return_to") ? req.get_param_value("return_to") : "/login.html";
    res.set_redirect(back); // expect: appsec-open-redirect
  });
}

} // namespace inv
