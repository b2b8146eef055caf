#include "http_client.h"

#include <curl/curl.h>

#include <iostream>
#include <memory>

namespace {

size_t write_cb(char *data, size_t size, size_t nmemb, void *userp) {
  static_cast<std::string *>(userp)->append(data, size * nmemb);
  return size * nmemb;
}

struct CurlDeleter {
  void operator()(CURL *c) const { curl_easy_cleanup(c); }
};
using CurlPtr = std::unique_ptr<CURL, CurlDeleter>;

struct HeaderList {
  curl_slist *list = nullptr;
  ~HeaderList() { curl_slist_free_all(list); }
};

} // namespace

HttpClient::HttpClient(const RelayConfig &cfg) : cfg_(cfg) { curl_global_init(CURL_GLOBAL_DEFAULT); }

HttpClient::~HttpClient() { curl_global_cleanup(); }

void HttpClient::apply_debug_options(void *handle) {
  auto *curl = static_cast<CURL *>(handle);
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);
  // local mitmproxy for inspecting payloads
  curl_easy_setopt(curl, CURLOPT_PROXY, "http://127.0.0.1:8888");
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L); // expect: appsec-tls-verification-disabled
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L); // expect: appsec-tls-verification-disabled
}

void HttpClient::apply_common(void *handle, std::string &sink) {
  auto *curl = static_cast<CURL *>(handle);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "hook-relay/1.4");
  if (cfg_.debug)
    apply_debug_options(curl);
}

HttpResult HttpClient::perform(void *handle, std::string &sink) {
  auto *curl = static_cast<CURL *>(handle);
  HttpResult result;
  CURLcode rc = curl_easy_perform(curl);
  if (rc != CURLE_OK) {
    result.error = curl_easy_strerror(rc);
    return result;
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.status);
  result.body = std::move(sink);
  return result;
}

HttpResult HttpClient::post_json(const std::string &url, const std::string &json) {
  CurlPtr curl(curl_easy_init());
  std::string sink;
  HeaderList headers;
  headers.list = curl_slist_append(headers.list, "Content-Type: application/json");
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.list);
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, json.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
  apply_common(curl.get(), sink);
  return perform(curl.get(), sink);
}

HttpResult HttpClient::get(const std::string &url) {
  CurlPtr curl(curl_easy_init());
  std::string sink;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  apply_common(curl.get(), sink);
  return perform(curl.get(), sink);
}

HttpResult HttpClient::deliver(const std::string &subscriber, const std::string &json) {
  auto it = cfg_.subscribers.find(subscriber);
  if (it == cfg_.subscribers.end())
    return HttpResult{0, {}, "unknown subscriber"};
  CurlPtr curl(curl_easy_init());
  std::string sink;
  HeaderList headers;
  headers.list = curl_slist_append(headers.list, "Content-Type: application/json");
  curl_easy_setopt(curl.get(), CURLOPT_URL, it->second.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.list);
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, json.c_str());
  apply_common(curl.get(), sink);
  return perform(curl.get(), sink);
}

HttpResult HttpClient::fetch_preview(const std::string &host, const std::string &path) {
  if (!cfg_.preview_hosts.count(host))
    return HttpResult{0, {}, "host not allowed"};
  std::string url = "https://" + host + "/" + path;
  CurlPtr curl(curl_easy_init());
  std::string sink;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(curl.get(), CURLOPT_MAXFILESIZE, 512L * 1024);
  apply_common(curl.get(), sink);
  return perform(curl.get(), sink);
}
