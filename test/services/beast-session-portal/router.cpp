#include "app.h"

#include <boost/beast/version.hpp>

#include <functional>
#include <random>
#include <sstream>

namespace beast = boost::beast;

static std::string url_decode(const std::string &in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size()) {
      out += static_cast<char>(std::strtol(in.substr(i + 1, 2).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += in[i] == '+' ? ' ' : in[i];
    }
  }
  return out;
}

std::map<std::string, std::string> parse_form(const std::string &body) {
  std::map<std::string, std::string> out;
  std::istringstream ss(body);
  std::string pair;
  while (std::getline(ss, pair, '&')) {
    auto eq = pair.find('=');
    if (eq != std::string::npos) out[url_decode(pair.substr(0, eq))] = url_decode(pair.substr(eq + 1));
  }
  return out;
}

std::map<std::string, std::string> parse_query(beast::string_view target) {
  auto q = target.find('?');
  if (q == beast::string_view::npos) return {};
  return parse_form(std::string(target.substr(q + 1)));
}

std::optional<std::string> cookie_value(beast::string_view header, const std::string &name) {
  std::string h(header);
  std::string key = name + "=";
  auto pos = h.find(key);
  if (pos == std::string::npos || (pos > 0 && h[pos - 1] != ' ' && h[pos - 1] != ';')) return std::nullopt;
  auto end = h.find(';', pos);
  return h.substr(pos + key.size(), end == std::string::npos ? std::string::npos : end - pos - key.size());
}

Response text_response(const Request &req, http::status st, const std::string &body) {
  Response res{st, req.version()};
  res.set(http::field::content_type, "text/plain; charset=utf-8");
  res.keep_alive(req.keep_alive());
  res.body() = body;
  res.prepare_payload();
  return res;
}

static std::string request_id() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::ostringstream os;
  os << std::hex << rng();
  return os.str();
}

Response route_request(AppContext &app, Request &&req) {
  using Handler = std::function<Response(AppContext &, const Request &)>;
  static const std::map<std::pair<http::verb, std::string>, Handler> routes = {
      {{http::verb::post, "/login"}, handle_login},     {{http::verb::post, "/register"}, handle_register},
      {{http::verb::get, "/logout"}, handle_logout},    {{http::verb::get, "/invoices/download"}, handle_download},
      {{http::verb::get, "/me"}, handle_me},
  };
  std::string path(req.target().substr(0, req.target().find('?')));
  auto it = routes.find({req.method(), path});
  Response res = it == routes.end() ? text_response(req, http::status::not_found, "not found") : it->second(app, req);
  res.set(http::field::server, BOOST_BEAST_VERSION_STRING);
  res.set("X-Request-Id", request_id());
  return res;
}
