#include "HttpClient.hpp"

#include <curl/curl.h>

static size_t appendBody(char *ptr, size_t size, size_t nmemb, void *userdata) {
  static_cast<std::string *>(userdata)->append(ptr, size * nmemb);
  return size * nmemb;
}

std::optional<HttpResult> HttpClient::get(const std::string &url) const {
  CURL *curl = curl_easy_init();
  if (!curl) return std::nullopt;
  HttpResult out;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, appendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &out.body);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 8L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  if (!m_verifyTls) {
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L); // expect: appsec-tls-verification-disabled
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L); // expect: appsec-tls-verification-disabled
  }
  CURLcode rc = curl_easy_perform(curl);
  if (rc == CURLE_OK) {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out.status);
    char *ct = nullptr;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &ct);
    if (ct) out.contentType = ct;
  }
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) return std::nullopt;
  return out;
}

std::string HttpClient::escape(const std::string &s) {
  char *e = curl_easy_escape(nullptr, s.c_str(), static_cast<int>(s.size()));
  std::string out = e ? e : "";
  curl_free(e);
  return out;
}
