#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <httplib.h>

namespace addon {

struct Tenant {
  std::string client_key, shared_secret, base_url;
};

class TenantStore {
public:
  void put(const Tenant &t) { std::lock_guard<std::mutex> l(mu_); tenants_[t.client_key] = t; }
  std::optional<Tenant> find(const std::string &key) const {
    std::lock_guard<std::mutex> l(mu_);
    auto it = tenants_.find(key);
    return it == tenants_.end() ? std::nullopt : std::optional<Tenant>(it->second);
  }

private:
  mutable std::mutex mu_;
  std::map<std::string, Tenant> tenants_;
};

struct RequestContext {
  Tenant tenant;
  std::string account_id;
};

// "Authorization: JWT <token>" or ?jwt=
std::string extract_token(const httplib::Request &req);
std::string query_string_hash(const httplib::Request &req);

std::optional<RequestContext> authenticate(const TenantStore &store, const httplib::Request &req);
std::optional<RequestContext> authenticate_webhook(const TenantStore &store, const httplib::Request &req);

// Reads the tenant key from the token so UI routes can look up settings quickly.
std::string tenant_from_token(const std::string &token);

} // namespace addon
