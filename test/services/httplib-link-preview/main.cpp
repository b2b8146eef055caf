// Link unfurling service used by the chat frontend: fetches a page, pulls out
// <title>/og tags and returns a small HTML card or JSON.
#include <cctype>
#include <cstdlib>
#include <iomanip>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <curl/curl.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

using json = nlohmann::json;

struct Settings {
  std::string iframely_key;
  std::set<std::string> trusted_hosts{"github.com", "gitlab.com", "docs.google.com",
                                      "en.wikipedia.org"};
  long timeout_s = 5;
};

static Settings g_settings;

namespace util {

std::string html_escape(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (char c : in) {
    switch (c) {
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '&': out += "&amp;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

std::string url_encode(const std::string &s) {
  std::ostringstream o;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
      o << c;
    else
      o << '%' << std::uppercase << std::hex << std::setw(2) << std::setfill('0') << int(c);
  }
  return o.str();
}

struct ParsedUrl {
  std::string scheme, host, path;
};

std::optional<ParsedUrl> parse_url(const std::string &url) {
  static const std::regex re(R"(^(https?)://([A-Za-z0-9.-]+)(?::\d+)?(/.*)?$)");
  std::smatch m;
  if (!std::regex_match(url, m, re)) return std::nullopt;
  return ParsedUrl{m[1], m[2], m[3].matched ? m[3].str() : "/"};
}

std::string extract_title(const std::string &html) {
  static const std::regex re(R"(<title[^>]*>([^<]*)</title>)", std::regex::icase);
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

} // namespace util

static size_t collect(char *ptr, size_t size, size_t nmemb, void *userdata) {
  auto *buf = static_cast<std::string *>(userdata);
  buf->append(ptr, size * nmemb);
  return buf->size() > 512 * 1024 ? 0 : size * nmemb;
}

static std::optional<std::string> curl_fetch(const std::string &url) {
  CURL *curl = curl_easy_init();
  if (!curl) return std::nullopt;
  std::string body;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str()); // expect: appsec-ssrf
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, g_settings.timeout_s);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L); // expect: appsec-tls-verification-disabled
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "link-preview/1.3");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  CURLcode rc = curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) return std::nullopt;
  return body;
}

static void register_routes(httplib::Server &svr) {
  // Card rendered into an iframe by the chat client.
  svr.Get("/card", [](const httplib::Request &req, httplib::Response &res) {
    auto url = req.get_param_value("url");
    auto parsed = util::parse_url(url);
    if (!parsed) {
      res.status = 400;
      res.set_content("bad url", "text/plain");
      return;
    }
    auto page = curl_fetch(url);
    std::string title = page ? util::extract_title(*page) : parsed->host;
    std::string html = "<div class=\"card\"><h3>" + util::html_escape(title) + "</h3>";
    html += "<a href=\"" + url + "\" target=\"_blank\">" + util::html_escape(parsed->host) + "</a></div>";
    res.set_content(html, "text/html"); // expect: appsec-xss
  });

  // Trusted hosts get a richer unfurl.
  svr.Get("/unfurl", [](const httplib::Request &req, httplib::Response &res) {
    auto parsed = util::parse_url(req.get_param_value("url"));
    if (!parsed || !g_settings.trusted_hosts.count(parsed->host)) {
      res.status = 403;
      return;
    }
    httplib::Client cli("https://" + parsed->host);
    cli.set_connection_timeout(g_settings.timeout_s);
    auto r = cli.Get(parsed->path.c_str());
    json out{{"host", parsed->host}};
    if (r && r->status == 200) out["title"] = util::extract_title(r->body);
    res.set_content(out.dump(), "application/json");
  });

  svr.Get("/oembed", [](const httplib::Request &req, httplib::Response &res) {
    static const std::map<std::string, std::string> providers{
        {"youtube", "https://www.youtube.com"},
        {"vimeo", "https://vimeo.com"},
        {"iframely", "https://iframe.ly"},
    };
    auto it = providers.find(req.get_param_value("provider"));
    if (it == providers.end()) {
      res.status = 404;
      return;
    }
    httplib::Client cli(it->second);
    auto target = util::url_encode(req.get_param_value("url"));
    std::string path = "/oembed?format=json&url=" + target;
    if (it->first == "iframely")
      path = "/api/oembed?url=" + target + "&api_key=" + g_settings.iframely_key;
    auto r = cli.Get(path.c_str()); // expect: appsec-secret-in-url
    if (!r) {
      res.status = 502;
      return;
    }
    res.status = r->status;
    res.set_content(r->body, "application/json");
  });

  svr.Get("/favicon", [](const httplib::Request &req, httplib::Response &res) {
    auto host = req.get_param_value("host");
    httplib::Client cli("https://" + host); // expect: appsec-ssrf
    cli.enable_server_certificate_verification(false); // expect: appsec-tls-verification-disabled
    cli.set_follow_location(true);
    auto r = cli.Get("/favicon.ico");
    if (!r || r->status != 200) {
      res.status = 404;
      return;
    }
    res.set_content(r->body, "image/x-icon");
  });
}

int main() {
  if (const char *k = std::getenv("IFRAMELY_API_KEY")) g_settings.iframely_key = k;
  curl_global_init(CURL_GLOBAL_DEFAULT);
  httplib::Server svr;
  register_routes(svr);
  svr.listen("127.0.0.1", 8091);
  curl_global_cleanup();
}
