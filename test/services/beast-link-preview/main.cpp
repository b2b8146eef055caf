// linkpreview - unfurls links pasted into the team chat: fetches the page and
// returns its <title> as a small HTML card.
#include "fetcher.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cctype>
#include <map>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

static const char kAvatarHost[] = "avatars.chatcdn.example.net";

static std::string url_decode(const std::string &in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size()) {
      out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else if (in[i] == '+') {
      out += ' ';
    } else {
      out += in[i];
    }
  }
  return out;
}

static std::string url_encode(const std::string &in) {
  static const char hex[] = "0123456789ABCDEF";
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

static std::string escape_html(const std::string &s) {
  std::string r;
  for (char c : s) {
    if (c == '<') r += "&lt;";
    else if (c == '>') r += "&gt;";
    else if (c == '&') r += "&amp;";
    else if (c == '"') r += "&quot;";
    else if (c == '\'') r += "&#39;";
    else r += c;
  }
  return r;
}

static std::map<std::string, std::string> query_of(beast::string_view target) {
  std::map<std::string, std::string> q;
  auto pos = target.find('?');
  if (pos == beast::string_view::npos) return q;
  std::string s(target.substr(pos + 1));
  for (std::size_t start = 0; start < s.size();) {
    auto end = s.find('&', start);
    if (end == std::string::npos) end = s.size();
    auto kv = s.substr(start, end - start);
    auto eq = kv.find('=');
    if (eq != std::string::npos) q[kv.substr(0, eq)] = url_decode(kv.substr(eq + 1));
    start = end + 1;
  }
  return q;
}

static std::string extract_title(const std::string &html) {
  auto open = html.find("<title>");
  if (open == std::string::npos) return {};
  auto close = html.find("</title>", open);
  if (close == std::string::npos) return {};
  return html.substr(open + 7, close - open - 7);
}

class PreviewService {
public:
  http::response<http::string_body> handle(const http::request<http::string_body> &req) {
    auto q = query_of(req.target());
    beast::string_view path = req.target().substr(0, req.target().find('?'));
    if (path == "/preview") return preview(req, q["url"]);
    if (path == "/avatar") return avatar(req, q["user"]);
    return html(req, http::status::not_found, "<p>not found</p>");
  }

private:
  http::response<http::string_body> preview(const http::request<http::string_body> &req, const std::string &url) {
    auto parsed = parse_https_url(url);
    if (!parsed)
      return html(req, http::status::bad_request, "<p>Cannot preview <code>" + url + "</code></p>");
    auto page = fetcher_.get(parsed->host, parsed->port, parsed->target); // expect: appsec-ssrf
    if (!page || page->status != 200)
      return html(req, http::status::bad_gateway, "<p>Upstream error</p>");
    std::string card = "<div class=\"card\"><a href=\"" + escape_html(url) + "\">" +
                       escape_html(extract_title(page->body)) + "</a></div>";
    return html(req, http::status::ok, card);
  }

  http::response<http::string_body> avatar(const http::request<http::string_body> &req, const std::string &user) {
    auto img = fetcher_.get_legacy(kAvatarHost, "/v2/u/" + url_encode(user) + ".png");
    http::response<http::string_body> res{http::status::ok, req.version()};
    if (!img) {
      res.result(http::status::not_found);
      res.prepare_payload();
      return res;
    }
    res.set(http::field::content_type, "image/png");
    res.set(http::field::cache_control, "max-age=3600");
    res.body() = std::move(img->body);
    res.prepare_payload();
    return res;
  }

  static http::response<http::string_body> html(const http::request<http::string_body> &req, http::status st,
                                                std::string body) {
    http::response<http::string_body> res{st, req.version()};
    res.set(http::field::content_type, "text/html; charset=utf-8");
    res.body() = std::move(body); // expect: appsec-xss
    res.prepare_payload();
    return res;
  }

  HttpsFetcher fetcher_;
};

int main() {
  net::io_context ioc;
  tcp::acceptor acceptor{ioc, {tcp::v4(), 8088}};
  PreviewService svc;
  for (;;) {
    tcp::socket sock{ioc};
    acceptor.accept(sock);
    beast::flat_buffer buf;
    beast::error_code ec;
    http::request<http::string_body> req;
    http::read(sock, buf, req, ec);
    if (ec) continue;
    auto res = svc.handle(req);
    http::write(sock, res, ec);
    sock.shutdown(tcp::socket::shutdown_both, ec);
  }
}
