#pragma once

#include <cstdlib>
#include <map>
#include <set>
#include <string>

struct RelayConfig {
  unsigned short port = 9080;
  bool debug = false;
  std::string metrics_base = "https://metrics.internal.example.com";
  std::string metrics_api_key;
  std::string pager_base = "https://events.pager.example.com";
  std::string pager_token;
  std::map<std::string, std::string> subscribers{
      {"billing", "https://billing.internal.example.com/hooks/inbound"},
      {"search", "https://search.internal.example.com/reindex"}};
  std::set<std::string> preview_hosts{"github.com", "gitlab.com", "bitbucket.org"};

  static RelayConfig from_env() {
    RelayConfig cfg;
    cfg.debug = std::getenv("RELAY_DEBUG") != nullptr;
    if (const char *k = std::getenv("RELAY_METRICS_KEY"))
      cfg.metrics_api_key = k;
    if (const char *t = std::getenv("RELAY_PAGER_TOKEN"))
      cfg.pager_token = t;
    return cfg;
  }
};
