#include "atlassian_client.h"
#include "connect_jwt.h"

#include <curl/curl.h>

#include <chrono>
#include <iostream>
#include <memory>

namespace issue_notes {

namespace {

constexpr long kTimeoutSeconds = 10;
constexpr size_t kMaxResponseBytes = 1 << 20;

size_t collect(char *data, size_t size, size_t count, void *userdata) {
  auto *body = static_cast<std::string *>(userdata);
  size_t bytes = size * count;
  if (body->size() + bytes > kMaxResponseBytes)
    return 0; // makes libcurl fail the transfer
  body->append(data, bytes);
  return bytes;
}

long long nowSeconds() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

AtlassianClient::AtlassianClient(const AppConfig &config) : config_(config) {}

HttpResponse AtlassianClient::get(const std::string &url,
                                  const std::vector<std::string> &headers) {
  HttpResponse response;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                          curl_easy_cleanup);
  if (!curl) {
    response.error = "curl_easy_init failed";
    return response;
  }
  curl_slist *list = nullptr;
  for (const std::string &header : headers)
    list = curl_slist_append(list, header.c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headerList(list,
                                                                       curl_slist_free_all);
  CURL *h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headerList.get());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, kTimeoutSeconds);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_USERAGENT, "issue-notes/1.0");
  if (config_.devMode) {
    // The local development Jira runs with a self-signed certificate.
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
    // Its seeded admin account, so calls work before any site is installed.
    curl_easy_setopt(h, CURLOPT_USERPWD, "admin:jira-dev-2024");
  }
  CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    response.error = curl_easy_strerror(rc);
    return response;
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

std::optional<std::string> AtlassianClient::fetchInstallKey(const std::string &kid) {
  HttpResponse response = get(config_.installKeysUrl + "/" + kid, {});
  if (response.status != 200)
    return std::nullopt;
  return response.body;
}

std::optional<nlohmann::json> AtlassianClient::getIssue(const Installation &installation,
                                                        const std::string &issueKey,
                                                        std::string &error) {
  const std::string path = "/rest/api/3/issue/" + issueKey;
  long long now = nowSeconds();
  nlohmann::json claims = {
      {"iss", config_.appKey},
      {"iat", now},
      {"exp", now + 180},
      {"qsh", queryStringHash("GET", path, {{"fields", "summary,status"}})},
  };
  std::string jwt = signHs256(claims, installation.sharedSecret);
  HttpResponse response =
      get(installation.baseUrl + path + "?fields=summary,status",
          {"Authorization: JWT " + jwt, "Accept: application/json"});
  if (response.status == 401)
    // A rejected signature is hard to debug without the token Jira saw.
    std::cerr << "getIssue: Jira rejected " << path << " (JWT " << jwt << ")\n";
  if (response.status != 200) {
    error = response.status ? "Jira answered " + std::to_string(response.status)
                            : "request failed: " + response.error;
    return std::nullopt;
  }
  nlohmann::json issue = nlohmann::json::parse(response.body, nullptr, false);
  if (issue.is_discarded()) {
    error = "Jira sent invalid JSON";
    return std::nullopt;
  }
  return issue;
}

} // namespace issue_notes
