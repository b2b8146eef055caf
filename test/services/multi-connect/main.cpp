#include "connect.h"

#include <jwt-cpp/jwt.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>

using nlohmann::json;

namespace {

acconnect::AppConfig load_config() {
  acconnect::AppConfig cfg;
  if (const char *dir = std::getenv("ISSUE_STATS_DATA"))
    cfg.data_dir = dir;
  std::ifstream key_file(cfg.data_dir + "/storage.key", std::ios::binary);
  cfg.storage_key.assign(std::istreambuf_iterator<char>(key_file), {});
  if (cfg.storage_key.size() != 32)
    throw std::runtime_error("storage.key must be 32 bytes");
  return cfg;
}

json descriptor(const acconnect::AppConfig &cfg) {
  return {{"key", cfg.app_key},
          {"name", "Issue Stats"},
          {"baseUrl", cfg.base_url},
          {"authentication", {{"type", "jwt"}}},
          {"lifecycle", {{"installed", "/installed"}, {"uninstalled", "/uninstalled"}}},
          {"scopes", {"READ"}},
          {"modules", {{"webhooks", {{{"event", "jira:issue_updated"}, {"url", "/webhook/issue-updated"}}}}}}};
}

} // namespace

int main() {
  auto cfg = load_config();
  acconnect::TenantStore tenants(cfg);
  std::map<std::string, int> update_counts;
  std::mutex counts_mu;

  httplib::Server srv;

  srv.Get("/atlassian-connect.json", [&cfg](const httplib::Request &, httplib::Response &res) {
    res.set_content(descriptor(cfg).dump(), "application/json");
  });

  srv.Post("/installed", [&tenants](const httplib::Request &req, httplib::Response &res) {
    auto body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.contains("clientKey") || !body.contains("sharedSecret")) {
      res.status = 400;
      return;
    }
    acconnect::Tenant t{body["clientKey"].get<std::string>(), body["sharedSecret"].get<std::string>(),
                      body.value("baseUrl", ""), body.value("productType", "jira")};
    if (tenants.find(t.client_key) && !acconnect::authenticate(req, tenants)) {
      res.status = 401;
      return;
    }
    tenants.save(t);
    res.status = 204;
  });

  srv.Post("/uninstalled", [&tenants](const httplib::Request &req, httplib::Response &res) {
    auto ctx = acconnect::authenticate(req, tenants);
    if (!ctx) {
      res.status = 401;
      return;
    }
    tenants.remove(ctx->tenant.client_key);
    res.status = 204;
  });

  srv.Get("/panel/issue-stats", [&](const httplib::Request &req, httplib::Response &res) {
    auto ctx = acconnect::authenticate(req, tenants);
    if (!ctx) {
      res.status = 401;
      return;
    }
    auto issue = req.get_param_value("issueKey");
    std::lock_guard<std::mutex> lock(counts_mu);
    json out = {{"issue", issue}, {"updates", update_counts[ctx->tenant.client_key + ":" + issue]}};
    res.set_content(out.dump(), "application/json");
  });

  srv.Post("/webhook/issue-updated", [&](const httplib::Request &req, httplib::Response &res) {
    auto token = acconnect::extract_jwt(req);
    if (!token) {
      res.status = 401;
      return;
    }
    try {
      auto decoded = jwt::decode(*token);
      auto tenant = tenants.find(decoded.get_issuer());
      if (!tenant) {
        res.status = 401;
        return;
      }
      jwt::verify() // expect: appsec-connect-qsh
          .allow_algorithm(jwt::algorithm::hs256{tenant->shared_secret})
          .with_issuer(tenant->client_key)
          .verify(decoded);
      auto body = json::parse(req.body, nullptr, false);
      if (body.is_discarded() || !body.contains("issue")) {
        res.status = 400;
        return;
      }
      std::lock_guard<std::mutex> lock(counts_mu);
      ++update_counts[tenant->client_key + ":" + body["issue"].value("key", "")];
      res.status = 204;
    } catch (const std::exception &e) {
      std::cerr << "webhook rejected: " << e.what() << std::endl;
      res.status = 401;
    }
  });

  if (const char *snapshot = std::getenv("ISSUE_STATS_SNAPSHOT_ON_START"))
    tenants.export_snapshot(snapshot);

  srv.listen("0.0.0.0", 3000);
}
