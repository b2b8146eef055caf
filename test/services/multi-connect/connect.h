#pragma once

#include <httplib.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace acconnect {

struct Tenant {
  std::string client_key;
  std::string shared_secret;
  std::string base_url;
  std::string product_type;
};

struct AppConfig {
  std::string app_key = "com.example.issue-stats";
  std::string base_url = "https://issue-stats.example.com";
  std::string data_dir = "/var/lib/issue-stats";
  std::vector<unsigned char> storage_key; // 32 bytes, loaded at start-up
};

// tenant_store.cpp
class TenantStore {
public:
  explicit TenantStore(const AppConfig &cfg) : cfg_(cfg) {}
  void save(const Tenant &tenant);
  std::optional<Tenant> find(const std::string &client_key);
  void remove(const std::string &client_key);
  void export_snapshot(const std::string &path);

private:
  std::string seal(const std::string &plain) const;
  const AppConfig &cfg_;
  std::mutex mu_;
  std::map<std::string, Tenant> tenants_;
};

// connect_jwt.cpp
struct RequestContext {
  Tenant tenant;
  std::string account_id;
};

std::optional<std::string> extract_jwt(const httplib::Request &req);
std::string query_string_hash(const httplib::Request &req);
std::optional<RequestContext> authenticate(const httplib::Request &req, TenantStore &store);

} // namespace acconnect
