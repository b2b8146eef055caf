#include "lifecycle.h"
#include "connect_auth.h"
#include "connect_jwt.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <regex>

namespace issue_notes {

namespace {

using nlohmann::json;

/// Key ids are UUID-like; anything else must not reach the key URL.
bool isSafeKeyId(const std::string &kid) {
  static const std::regex pattern("^[A-Za-z0-9-]{1,64}$");
  return std::regex_match(kid, pattern);
}

/// Jira Cloud sites live under atlassian.net; the app calls back to this URL
/// with the shared secret, so it must not point anywhere else.
bool isAtlassianSite(const std::string &baseUrl, bool devMode) {
  static const std::regex site("^https://[a-z0-9][a-z0-9-]{0,62}\\.atlassian\\.net$");
  static const std::regex anyHttps("^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?$");
  return std::regex_match(baseUrl, devMode ? anyHttps : site);
}

bool audienceIncludes(const json &aud, const std::string &baseUrl) {
  if (aud.is_string())
    return aud.get<std::string>() == baseUrl;
  if (aud.is_array())
    for (const json &entry : aud)
      if (entry.is_string() && entry.get<std::string>() == baseUrl)
        return true;
  return false;
}

/// Checks the RS256 token of a lifecycle callback and that it was issued for
/// the site in the payload. Returns the payload's clientKey, or empty.
std::string verifyLifecycle(const httplib::Request &request, const json &payload,
                            const AppConfig &config, AtlassianClient &atlassian,
                            std::string &why) {
  std::optional<Jwt> token = parseJwt(tokenOf(request));
  if (!token || token->header.value("alg", "") != "RS256") {
    why = "missing or unsigned lifecycle token";
    return "";
  }
  const std::string kid = token->header.value("kid", "");
  if (!isSafeKeyId(kid)) {
    why = "bad key id";
    return "";
  }
  std::optional<std::string> key = atlassian.fetchInstallKey(kid);
  if (!key || !verifyRs256(*token, *key)) {
    why = "bad signature";
    return "";
  }
  const std::string clientKey = payload.value("clientKey", "");
  if (clientKey.empty() || token->claims.value("iss", "") != clientKey ||
      !audienceIncludes(token->claims.value("aud", json()), config.baseUrl) ||
      !isCurrent(*token) ||
      token->claims.value("qsh", "") != queryStringHash(request.method, request.path, {})) {
    why = "token not valid for this callback";
    return "";
  }
  return clientKey;
}

} // namespace

void registerLifecycleRoutes(httplib::Server &server, const AppConfig &config,
                             Storage &storage, AtlassianClient &atlassian) {
  server.Post("/installed", [&](const httplib::Request &request, httplib::Response &response) {
    json payload = json::parse(request.body, nullptr, false);
    if (!payload.is_object()) {
      response.status = 400;
      return;
    }
    std::string why;
    std::string clientKey = verifyLifecycle(request, payload, config, atlassian, why);
    if (clientKey.empty()) {
      std::cerr << "installed: rejected (" << why << ")\n";
      response.status = 401;
      return;
    }
    Installation installation{clientKey, payload.value("sharedSecret", ""),
                              payload.value("baseUrl", "")};
    if (installation.sharedSecret.empty() ||
        !isAtlassianSite(installation.baseUrl, config.devMode)) {
      response.status = 400;
      return;
    }
    storage.saveInstallation(installation);
    std::cerr << "installed: " << installation.baseUrl << "\n";
    response.status = 204;
  });

  server.Post("/uninstalled", [&](const httplib::Request &request, httplib::Response &response) {
    json payload = json::parse(request.body, nullptr, false);
    std::string why;
    std::string clientKey = payload.is_object()
                                ? verifyLifecycle(request, payload, config, atlassian, why)
                                : std::string();
    if (clientKey.empty()) {
      response.status = 401;
      return;
    }
    storage.removeInstallation(clientKey);
    response.status = 204;
  });
}

} // namespace issue_notes
