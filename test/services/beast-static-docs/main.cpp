// docsd - serves the generated product documentation and the nightly build
// reports for the internal wiki. Based on the Beast http_server_sync example.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/version.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/config.hpp>

#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <thread>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;

struct Config {
  std::string doc_root = ".";
  std::string report_root = "/var/lib/docsd/reports";
  unsigned short port = 8080;
};

beast::string_view mime_type(beast::string_view path) {
  using beast::iequals;
  auto const ext = [&path] {
    auto const pos = path.rfind(".");
    if (pos == beast::string_view::npos)
      return beast::string_view{};
    return path.substr(pos);
  }();
  if (iequals(ext, ".htm") || iequals(ext, ".html")) return "text/html";
  if (iequals(ext, ".css")) return "text/css";
  if (iequals(ext, ".js")) return "application/javascript";
  if (iequals(ext, ".json")) return "application/json";
  if (iequals(ext, ".png")) return "image/png";
  if (iequals(ext, ".svg")) return "image/svg+xml";
  if (iequals(ext, ".pdf")) return "application/pdf";
  return "application/text";
}

// Append an HTTP rel-path to a local filesystem path.
std::string path_cat(beast::string_view base, beast::string_view path) {
  if (base.empty())
    return std::string(path);
  std::string result(base);
  char constexpr path_separator = '/';
  if (result.back() == path_separator)
    result.resize(result.size() - 1);
  result.append(path.data(), path.size());
  return result;
}

static std::map<std::string, std::string> parse_query(beast::string_view target) {
  std::map<std::string, std::string> out;
  auto q = target.find('?');
  if (q == beast::string_view::npos)
    return out;
  std::string rest(target.substr(q + 1));
  std::size_t start = 0;
  while (start < rest.size()) {
    auto amp = rest.find('&', start);
    auto part = rest.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    auto eq = part.find('=');
    if (eq != std::string::npos)
      out[part.substr(0, eq)] = part.substr(eq + 1);
    if (amp == std::string::npos)
      break;
    start = amp + 1;
  }
  return out;
}

static std::string html_escape(const std::string &in) {
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

static const std::map<std::string, std::string> kShortLinks = {
    {"api", "/api/index.html"}, {"guide", "/guide/index.html"}, {"status", "https://status.example.com/"}};

template <class Body, class Allocator, class Send>
void handle_request(const Config &cfg, http::request<Body, http::basic_fields<Allocator>> &&req, Send &&send) {
  auto const bad_request = [&req](beast::string_view why) {
    http::response<http::string_body> res{http::status::bad_request, req.version()};
    res.set(http::field::server, BOOST_BEAST_VERSION_STRING);
    res.set(http::field::content_type, "text/html");
    res.keep_alive(req.keep_alive());
    res.body() = std::string(why);
    res.prepare_payload();
    return res;
  };
  auto const html_page = [&req](std::string body) {
    http::response<http::string_body> res{http::status::ok, req.version()};
    res.set(http::field::content_type, "text/html");
    res.keep_alive(req.keep_alive());
    res.body() = std::move(body); // expect: appsec-xss
    res.prepare_payload();
    return res;
  };

  if (req.method() != http::verb::get && req.method() != http::verb::head)
    return send(bad_request("Unknown HTTP-method"));

  beast::string_view target = req.target();
  auto params = parse_query(target);
  beast::string_view path_only = target.substr(0, target.find('?'));

  if (path_only == "/search") {
    std::string q = params["q"];
    std::string page = "<html><body><h1>Results for " + html_escape(q) + "</h1><ul></ul></body></html>";
    return send(html_page(std::move(page)));
  }

  if (path_only == "/missing") {
    std::string from = params["from"];
    return send(html_page("<p>The page <b>" + from + "</b> has moved. Try the <a href=/>index</a>.</p>"));
  }

  if (path_only == "/go") {
    auto it = kShortLinks.find(params["to"]);
    http::response<http::empty_body> res{http::status::found, req.version()};
    res.set(http::field::location, it != kShortLinks.end() ? it->second : "/");
    res.keep_alive(req.keep_alive());
    return send(std::move(res));
  }

  if (path_only == "/login-done") {
    http::response<http::empty_body> res{http::status::see_other, req.version()};
    res.set(http::field::location, params["return"]); // expect: appsec-open-redirect
    res.keep_alive(req.keep_alive());
    return send(std::move(res));
  }

  std::string path;
  if (path_only.starts_with("/reports/")) {
    // reports/<build>.pdf, stored outside the doc root
    std::string report = params.count("build") ? params["build"] + ".pdf" : std::string(path_only.substr(8));
    path = path_cat(cfg.report_root, "/" + report);
  } else {
    if (path_only.empty() || path_only[0] != '/' || path_only.find("..") != beast::string_view::npos)
      return send(bad_request("Illegal request-target"));
    path = path_cat(cfg.doc_root, path_only);
    if (path_only.back() == '/')
      path.append("index.html");
  }

  beast::error_code ec;
  http::file_body::value_type body;
  body.open(path.c_str(), beast::file_mode::scan, ec); // expect: appsec-path-traversal
  if (ec == beast::errc::no_such_file_or_directory) {
    http::response<http::string_body> res{http::status::not_found, req.version()};
    res.set(http::field::content_type, "text/plain");
    res.body() = "Not found";
    res.prepare_payload();
    return send(std::move(res));
  }
  if (ec) {
    http::response<http::string_body> res{http::status::internal_server_error, req.version()};
    res.set(http::field::content_type, "text/plain");
    res.body() = "An error occurred: '" + ec.message() + "'";
    res.prepare_payload();
    return send(std::move(res));
  }

  auto const size = body.size();
  if (req.method() == http::verb::head) {
    http::response<http::empty_body> res{http::status::ok, req.version()};
    res.set(http::field::server, BOOST_BEAST_VERSION_STRING);
    res.set(http::field::content_type, mime_type(path));
    res.content_length(size);
    res.keep_alive(req.keep_alive());
    return send(std::move(res));
  }
  http::response<http::file_body> res{std::piecewise_construct, std::make_tuple(std::move(body)),
                                      std::make_tuple(http::status::ok, req.version())};
  res.set(http::field::server, BOOST_BEAST_VERSION_STRING);
  res.set(http::field::content_type, mime_type(path));
  res.content_length(size);
  res.keep_alive(req.keep_alive());
  return send(std::move(res));
}

template <class Stream> struct send_lambda {
  Stream &stream_;
  bool &close_;
  beast::error_code &ec_;

  template <bool isRequest, class Body, class Fields>
  void operator()(http::message<isRequest, Body, Fields> &&msg) const {
    close_ = msg.need_eof();
    http::serializer<isRequest, Body, Fields> sr{msg};
    http::write(stream_, sr, ec_);
  }
};

void do_session(tcp::socket &socket, const Config &cfg) {
  bool close = false;
  beast::error_code ec;
  beast::flat_buffer buffer;
  send_lambda<tcp::socket> lambda{socket, close, ec};
  for (;;) {
    http::request<http::string_body> req;
    http::read(socket, buffer, req, ec);
    if (ec == http::error::end_of_stream || ec)
      break;
    handle_request(cfg, std::move(req), lambda);
    if (ec || close)
      break;
  }
  socket.shutdown(tcp::socket::shutdown_send, ec);
}

int main(int argc, char *argv[]) {
  Config cfg;
  if (argc > 1) cfg.doc_root = argv[1];
  if (argc > 2) cfg.port = static_cast<unsigned short>(std::atoi(argv[2]));
  net::io_context ioc{1};
  tcp::acceptor acceptor{ioc, {net::ip::make_address("0.0.0.0"), cfg.port}};
  for (;;) {
    tcp::socket socket{ioc};
    acceptor.accept(socket);
    std::thread{[s = std::move(socket), &cfg]() mutable { do_session(s, cfg); }}.detach();
  }
}
