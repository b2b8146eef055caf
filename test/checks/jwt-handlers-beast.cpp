// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17
// Boost.Beast (Boost 1.74, Debian 12) has no router: a function taking the
// request is a handler. One the session calls only after verifying the
// bearer token is covered by that call; one called before is not.
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

bool verifyBearer(beast::string_view authorization);
std::string collectMetrics(const std::string &target);

http::response<http::string_body> handleApi(const http::request<http::string_body> &req) {
  http::response<http::string_body> res{http::status::ok, req.version()};
  res.body() = req.body();
  return res;
}

http::response<http::string_body> handleMetrics(const http::request<http::string_body> &req) {
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: Boost.Beast request handler 'handleMetrics' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
  http::response<http::string_body> res{http::status::ok, req.version()};
  res.body() = collectMetrics(std::string(req.target()));
  return res;
}

// Takes the request but answers nothing (returns the bearer token for its
// caller to verify): not a handler, silent.
std::string extractBearer(const http::request<http::string_body> &req) {
  std::string value(req[http::field::authorization]);
  return value.size() > 7 ? value.substr(7) : std::string();
}

// Routing on the target and method before the verification is not trusting
// request data: silent.
http::response<http::string_body> route(const http::request<http::string_body> &req) {
  if (req.target() == "/healthz" && req.method() == http::verb::get)
    return {http::status::ok, req.version()};
  if (!verifyBearer(req[http::field::authorization]))
    return {http::status::unauthorized, req.version()};
  http::response<http::string_body> res{http::status::ok, req.version()};
  res.body() = req.body();
  return res;
}

void session(tcp::socket &socket) {
  beast::flat_buffer buffer;
  http::request<http::string_body> req;
  http::read(socket, buffer, req);
  if (req.target() == "/metrics") {
    http::write(socket, handleMetrics(req));
    return;
  }
  if (!verifyBearer(req[http::field::authorization])) {
    http::response<http::string_body> denied{http::status::unauthorized, req.version()};
    http::write(socket, denied);
    return;
  }
  http::write(socket, handleApi(req));
}
