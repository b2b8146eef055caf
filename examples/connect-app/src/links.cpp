#include "links.h"
#include "connect_auth.h"

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <regex>

namespace issue_notes {

namespace {

constexpr size_t kMaxPreviewBytes = 64 * 1024;

std::atomic<long> linksFollowed{0};

size_t collectPreview(char *data, size_t size, size_t count, void *userdata) {
  auto *body = static_cast<std::string *>(userdata);
  size_t bytes = size * count;
  if (body->size() + bytes > kMaxPreviewBytes)
    return 0; // enough for a <title>; stop the transfer
  body->append(data, bytes);
  return bytes;
}

/// The text of the page's <title>, or "".
std::string titleOf(const std::string &html) {
  static const std::regex title("<title[^>]*>([^<]{0,300})</title>", std::regex::icase);
  std::smatch match;
  return std::regex_search(html, match, title) ? match.str(1) : std::string();
}

/// Fetches a linked page (2 s, 64 KiB at most) for its title.
std::string fetchTitle(const std::string &url) {
  std::string body;
  CURL *h = curl_easy_init();
  if (!h)
    return "";
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collectPreview);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 2L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_USERAGENT, "issue-notes-preview/1.0");
  CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK ? titleOf(body) : std::string();
}

} // namespace

void registerLinkRoutes(httplib::Server &server, Storage &storage) {
  server.Get("/api/preview", [&](const httplib::Request &request, httplib::Response &response) {
    std::string why;
    if (!authenticate(request, storage, QshPolicy::ContextToken, why)) {
      response.status = 401;
      response.set_content(R"({"error":"unauthorized"})", "application/json");
      return;
    }
    // Notes link to anything: design documents, pull requests, dashboards.
    const std::string url = request.get_param_value("url");
    nlohmann::json preview{{"url", url}, {"title", fetchTitle(url)}};
    response.set_content(preview.dump(), "application/json");
  });

  // The panel opens links from notes in a new tab through here, without a
  // token, to count how often they are followed.
  server.Get("/go", [](const httplib::Request &request, httplib::Response &response) {
    ++linksFollowed;
    response.set_redirect(request.get_param_value("to"));
  });
}

} // namespace issue_notes
