// Jira Cloud add-on backend: "Release Radar" issue glance + project config page.
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "connect_auth.h"

using json = nlohmann::json;

namespace {

struct Config {
  std::string base_url = "https://release-radar.example.io";
  int port = 8080;
};

Config load_config() {
  Config c;
  if (const char *u = std::getenv("ADDON_BASE_URL")) c.base_url = u;
  return c;
}

struct ProjectSettings { std::string release_channel = "stable"; int warn_days = 7; };

class SettingsRepo {
public:
  ProjectSettings get(const std::string &t) { std::lock_guard<std::mutex> l(mu_); return settings_[t]; }
  void set(const std::string &t, ProjectSettings s) { std::lock_guard<std::mutex> l(mu_); settings_[t] = s; }

private:
  std::mutex mu_;
  std::map<std::string, ProjectSettings> settings_;
};

json descriptor(const Config &cfg) {
  return {{"key", "release-radar"}, {"name", "Release Radar"}, {"baseUrl", cfg.base_url},
          {"authentication", {{"type", "jwt"}}},
          {"lifecycle", {{"installed", "/installed"}}},
          {"scopes", json::array({"READ", "WRITE"})}};
}

void json_reply(httplib::Response &res, int status, const json &body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

} // namespace

int main() {
  const auto cfg = load_config();
  addon::TenantStore tenants;
  SettingsRepo settings;
  httplib::Server svr;

  svr.Get("/atlassian-connect.json", [&cfg](const httplib::Request &, httplib::Response &res) {
    json_reply(res, 200, descriptor(cfg));
  });

  svr.Post("/installed", [&](const httplib::Request &req, httplib::Response &res) {
    auto body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.contains("clientKey") || !body.contains("sharedSecret")) {
      json_reply(res, 400, {{"error", "bad install payload"}});
      return;
    }
    addon::Tenant t{body["clientKey"].get<std::string>(), body["sharedSecret"].get<std::string>(),
                    body.value("baseUrl", "")};
    if (tenants.find(t.client_key) && !addon::authenticate_webhook(tenants, req)) {
      json_reply(res, 401, {{"error", "reinstall must be signed"}});
      return;
    }
    std::cerr << "installed " << t.client_key << " at " << t.base_url
              << " secret=" << t.shared_secret << std::endl; // expect: appsec-sensitive-logging
    tenants.put(t);
    res.status = 204;
  });

  svr.Get("/config", [&](const httplib::Request &req, httplib::Response &res) {
    auto ctx = addon::authenticate(tenants, req);
    if (!ctx) { json_reply(res, 401, {{"error", "unauthorized"}}); return; }
    auto s = settings.get(ctx->tenant.client_key);
    json_reply(res, 200, {{"releaseChannel", s.release_channel}, {"warnDays", s.warn_days}});
  });

  svr.Post("/config", [&](const httplib::Request &req, httplib::Response &res) { // expect: appsec-jwt-missing-verification
    auto token = addon::extract_token(req);
    if (token.empty()) { json_reply(res, 401, {{"error", "missing token"}}); return; }
    auto tenant = addon::tenant_from_token(token); // expect: appsec-jwt-missing-verification
    auto body = json::parse(req.body, nullptr, false);
    if (body.is_discarded()) { json_reply(res, 400, {{"error", "invalid json"}}); return; }
    ProjectSettings s;
    s.release_channel = body.value("releaseChannel", "stable");
    s.warn_days = body.value("warnDays", 7);
    settings.set(tenant, s);
    json_reply(res, 200, {{"ok", true}});
  });

  svr.Post("/webhooks/issue-updated", [&](const httplib::Request &req, httplib::Response &res) {
    auto ctx = addon::authenticate_webhook(tenants, req);
    if (!ctx) { res.status = 401; return; }
    std::cout << "issue updated for " << ctx->tenant.client_key << "\n";
    res.status = 204;
  });

  svr.listen("0.0.0.0", cfg.port);
}
