// Link unfurling service for the team chat: given a URL, fetch the page and
// return its title/description as a card.
#include <crow.h>
#include <curl/curl.h>

#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>

namespace {

struct FetchResult {
  long status = 0;
  std::string body;
};

size_t on_data(char *ptr, size_t size, size_t nmemb, void *userdata) {
  auto *out = static_cast<std::string *>(userdata);
  out->append(ptr, size * nmemb);
  return size * nmemb;
}

class HttpFetcher {
public:
  explicit HttpFetcher(long timeout_s) : timeout_(timeout_s) {}

  std::optional<FetchResult> get(const std::string &url) const {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl)
      return std::nullopt;
    FetchResult result;
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str()); // expect: appsec-ssrf
    curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, timeout_);
    // lots of small sites have broken chains, previews are best effort anyway
    curl_easy_setopt(curl.get(), CURLOPT_SSL_VERIFYPEER, 0L); // expect: appsec-tls-verification-disabled
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &result.body);
    if (curl_easy_perform(curl.get()) != CURLE_OK)
      return std::nullopt;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &result.status);
    return result;
  }

private:
  long timeout_;
};

std::string url_encode(const std::string &in) {
  static const char *hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string html_escape(const std::string &in) {
  std::string out;
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

std::string extract(const std::string &html, const std::regex &re) {
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : std::string{};
}

struct Card {
  std::string title;
  std::string description;
};

Card parse_card(const std::string &html) {
  static const std::regex title_re("<title>([^<]*)</title>", std::regex::icase);
  static const std::regex desc_re("<meta name=\"description\" content=\"([^\"]*)\"",
                                  std::regex::icase);
  return Card{extract(html, title_re), extract(html, desc_re)};
}

const std::map<std::string, std::string> kShortcuts = {
    {"status", "https://status.example.com/"},
    {"handbook", "https://handbook.example.com/"},
    {"oncall", "https://oncall.example.com/schedule"},
};

} // namespace

int main() {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  HttpFetcher fetcher(5);
  crow::SimpleApp app;

  CROW_ROUTE(app, "/unfurl")([&fetcher](const crow::request &req) {
    const char *url = req.url_params.get("url");
    if (!url)
      return crow::response(400, "url required");
    auto page = fetcher.get(url);
    if (!page)
      return crow::response(502, "fetch failed");
    auto card = parse_card(page->body);
    crow::json::wvalue out{{"url", url}, {"title", card.title}, {"description", card.description}};
    return crow::response(out);
  });

  // oEmbed lookups always go to the provider, never to the link itself
  CROW_ROUTE(app, "/oembed")([&fetcher](const crow::request &req) {
    const char *url = req.url_params.get("url");
    if (!url)
      return crow::response(400, "url required");
    auto page = fetcher.get("https://noembed.com/embed?url=" + url_encode(url));
    if (!page)
      return crow::response(502);
    return crow::response(200, "application/json", page->body);
  });

  CROW_ROUTE(app, "/card")([&fetcher](const crow::request &req) {
    const char *url = req.url_params.get("url");
    const char *theme = req.url_params.get("theme");
    if (!url)
      return crow::response(400);
    auto page = fetcher.get("https://noembed.com/embed?url=" + url_encode(url));
    Card card = page ? parse_card(page->body) : Card{};
    std::string html = "<html><body class=\"" + std::string(theme ? theme : "light") + "\">";
    html += "<a href=\"" + html_escape(url) + "\"><b>" + html_escape(card.title) + "</b></a>";
    html += "<p>" + html_escape(card.description) + "</p></body></html>";
    return crow::response("text/html", html); // expect: appsec-xss
  });

  CROW_ROUTE(app, "/go/<string>")([](crow::response &res, std::string name) {
    auto it = kShortcuts.find(name);
    if (it == kShortcuts.end()) {
      res.code = 404;
      return res.end();
    }
    res.redirect(it->second);
    res.end();
  });

  CROW_ROUTE(app, "/click")([](const crow::request &req, crow::response &res) {
    const char *target = req.url_params.get("u");
    CROW_LOG_INFO << "click " << (target ? target : "-");
    res.moved(target ? target : "/"); // expect: appsec-open-redirect
    res.end();
  });

  app.port(8088).multithreaded().run();
  curl_global_cleanup();
}
