#include "config.h"

#include <cstdlib>
#include <stdexcept>

namespace issue_notes {

namespace {

std::string env(const char *name, const std::string &fallback = "") {
  const char *value = std::getenv(name);
  return value && *value ? std::string(value) : fallback;
}

bool startsWith(const std::string &s, const std::string &prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

AppConfig loadConfig() {
  AppConfig config;
  config.baseUrl = env("APP_BASE_URL");
  if (config.baseUrl.empty())
    throw std::runtime_error("APP_BASE_URL is not set (e.g. https://notes.example.com)");
  if (!startsWith(config.baseUrl, "https://"))
    throw std::runtime_error("APP_BASE_URL must be an https:// URL");
  while (!config.baseUrl.empty() && config.baseUrl.back() == '/')
    config.baseUrl.pop_back();

  config.listenHost = env("APP_LISTEN_HOST", config.listenHost);
  std::string port = env("APP_PORT", "8080");
  char *end = nullptr;
  long value = std::strtol(port.c_str(), &end, 10);
  if (end == port.c_str() || *end != '\0' || value <= 0 || value > 65535)
    throw std::runtime_error("APP_PORT must be a port number, found '" + port + "'");
  config.port = static_cast<int>(value);

  config.databasePath = env("APP_DB_PATH", config.databasePath);
  config.tlsCertFile = env("APP_TLS_CERT");
  config.tlsKeyFile = env("APP_TLS_KEY");
  if (config.tlsCertFile.empty() != config.tlsKeyFile.empty())
    throw std::runtime_error("set both APP_TLS_CERT and APP_TLS_KEY, or neither");
  config.devMode = env("APP_DEV_MODE") == "1";
  return config;
}

} // namespace issue_notes
