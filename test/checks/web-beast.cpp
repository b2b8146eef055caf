// RUN: %check_appsec_tidy %s appsec-ssrf,appsec-xss,appsec-open-redirect,appsec-header-injection,appsec-command-injection,appsec-sql-injection,appsec-path-traversal,appsec-format-string %t -- -- -std=c++17
// Boost.Beast (Boost 1.74, Debian 12): a request read with http::read, or
// handed to a function taking the request; the target, fields and body as
// untrusted input. XSS: what is written into a response's body() when the
// response's Content-Type field names HTML, or is not set.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstdio>
#include <cstdlib>
#include <sqlite3.h>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

sqlite3 *db;

void pages(const http::request<http::string_body> &req, tcp::socket &socket);

http::response<http::string_body> handle(const http::request<http::string_body> &req) {
  std::string target(req.target().data(), req.target().size());
  std::string q = "SELECT body FROM notes WHERE path = '" + target + "'";
  sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from header::target() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]

  http::response<http::string_body> res{http::status::found, req.version()};
  res.set(http::field::location, req.target());
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: untrusted HTTP request data from header::target() reaches basic_fields::set(), which writes it into an HTTP header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
  // CHECK-MESSAGES: :[[@LINE-2]]:34: warning: untrusted HTTP request data from header::target() reaches basic_fields::set(), which redirects the browser there (open redirect, CWE-601); {{.*}} [appsec-open-redirect]
  res.set(http::field::server, "notes");
  res.set(http::field::content_type, "text/plain");
  return res;
}

void serve(tcp::socket &socket) {
  beast::flat_buffer buffer;
  http::request<http::string_body> req;
  http::read(socket, buffer, req);
  std::system(("/usr/local/bin/job " + req.body()).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: untrusted HTTP request data from boost::beast::http::read() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
  std::printf(req.body().c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: untrusted HTTP request data from boost::beast::http::read() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
  auto agent = req.find(http::field::user_agent);
  if (agent != req.end())
    std::printf(agent->value().data());
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: untrusted HTTP request data from boost::beast::http::read() reaches printf(), which uses it as a format string {{.*}} [appsec-format-string]

  http::file_body::value_type file;
  beast::error_code ec;
  std::string name(req.target().data(), req.target().size());
  file.open(("/srv/files" + name).c_str(), beast::file_mode::scan, ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: untrusted HTTP request data from header::target() reaches value_type::open(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]

  // Outgoing: the host comes from the request.
  net::io_context ioc;
  tcp::resolver resolver(ioc);
  std::string host = req.body();
  auto results = resolver.resolve(host, "443");
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: untrusted HTTP request data from boost::beast::http::read() reaches basic_resolver::resolve(), which resolves that host to connect to (server-side request forgery, CWE-918); {{.*}} [appsec-ssrf]
  auto api = resolver.resolve("api.example.com", "443");

  http::response<http::string_body> res = handle(req);
  http::write(socket, res);
  pages(req, socket);
}

// A body assigned or appended through body(): the Content-Type field set on
// the same response decides; a request's body (a proxy's upstream call) is
// no page.
void pages(const http::request<http::string_body> &req, tcp::socket &socket) {
  http::response<http::string_body> page{http::status::ok, req.version()};
  page.set(http::field::content_type, "text/html");
  page.body() = "<p>" + req.body() + "</p>";
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: untrusted HTTP request data from boost::beast::http::read() reaches message::body(), which writes it into the response body (browsers sniff HTML unless the program sets another Content-Type) (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
  page.body().append(req.body());
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: untrusted HTTP request data from boost::beast::http::read() reaches message::body(), which writes it into the response body {{.*}} [appsec-xss]
  http::write(socket, page);

  http::response<http::string_body> json{http::status::ok, req.version()};
  json.set(http::field::content_type, "application/json");
  json.body() = "{\"echo\": \"" + req.body() + "\"}";
  http::write(socket, json);

  http::request<http::string_body> upstream{http::verb::post, "/v1/notes", 11};
  upstream.set(http::field::host, "api.example.com");
  upstream.body() = req.body();
  http::write(socket, upstream);
}

// Beast's strings are boost::string_view (Boost 1.74): std::string(view)
// calls its explicit conversion operator, and a std::string passed to set()
// or insert() becomes a view through its constructor. Both keep the data.
void conversions(tcp::socket &socket) {
  beast::flat_buffer buffer;
  http::request<http::string_body> req;
  http::read(socket, buffer, req);

  std::string target(req.target());
  std::system(("/usr/local/bin/show " + target).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: untrusted HTTP request data from header::target() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
  std::string auth = std::string(req[http::field::authorization]);
  std::string q = "SELECT name FROM users WHERE token = '" + auth + "'";
  sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from boost::beast::http::read() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
  // The program's own view converts to a clean string.
  beast::string_view home = "/usr/local/bin/home";
  std::string fixed(home);
  std::system(fixed.c_str());

  http::response<http::string_body> res{http::status::found, req.version()};
  res.set(http::field::location, target);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: untrusted HTTP request data from header::target() reaches basic_fields::set(), which writes it into an HTTP header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
  // CHECK-MESSAGES: :[[@LINE-2]]:34: warning: untrusted HTTP request data from header::target() reaches basic_fields::set(), which redirects the browser there (open redirect, CWE-601); {{.*}} [appsec-open-redirect]
  res.insert("X-Request-Token", auth);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: untrusted HTTP request data from boost::beast::http::read() reaches basic_fields::insert(), which writes it into an HTTP header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
  std::string lang = "en";
  res.set(http::field::content_language, lang);
  res.insert("X-Service", std::string("notes"));

  // Iterating the request's fields yields request data; iterating fields
  // the program filled itself does not.
  for (auto const &f : req) {
    std::string line = std::string(f.name_string()) + ": " + std::string(f.value());
    std::printf(line.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from boost::beast::http::read() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
  }
  http::fields own;
  own.set(http::field::server, "notes");
  for (auto const &f : own) {
    std::string line = std::string(f.name_string()) + ": " + std::string(f.value());
    std::printf(line.c_str());
  }
  http::write(socket, res);
}
