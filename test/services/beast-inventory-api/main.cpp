// stockroom - small JSON inventory API used by the warehouse scanners.
#include "inventory_db.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/version.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using json = nlohmann::json;

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

struct Route {
  std::string path;
  std::map<std::string, std::string> query;
};

static Route split_target(beast::string_view target) {
  Route r;
  auto q = target.find('?');
  r.path = std::string(target.substr(0, q));
  if (q == beast::string_view::npos) return r;
  std::string qs(target.substr(q + 1));
  std::size_t pos = 0;
  while (pos <= qs.size()) {
    auto amp = qs.find('&', pos);
    std::string kv = qs.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
    if (auto eq = kv.find('='); eq != std::string::npos)
      r.query.emplace(kv.substr(0, eq), kv.substr(eq + 1));
    if (amp == std::string::npos) break;
    pos = amp + 1;
  }
  return r;
}

static Response json_response(const Request &req, http::status st, const json &body) {
  Response res{st, req.version()};
  res.set(http::field::server, BOOST_BEAST_VERSION_STRING);
  res.set(http::field::content_type, "application/json");
  res.keep_alive(req.keep_alive());
  res.body() = body.dump();
  res.prepare_payload();
  return res;
}

static json to_json(const Item &it) {
  return {{"id", it.id}, {"sku", it.sku}, {"name", it.name}, {"category", it.category}, {"quantity", it.quantity}};
}

static const std::set<std::string> kSortColumns = {"id", "sku", "name", "quantity"};

class ApiRouter {
public:
  explicit ApiRouter(InventoryDb &db) : db_(db) {}

  Response handle(const Request &req) {
    auto route = split_target(req.target());
    const std::string prefix = "/api/items";
    if (route.path.rfind(prefix, 0) != 0)
      return json_response(req, http::status::not_found, {{"error", "no such route"}});
    std::string rest = route.path.substr(prefix.size());
    if (!rest.empty() && rest[0] == '/') rest.erase(0, 1);

    switch (req.method()) {
    case http::verb::get:
      return rest.empty() ? list(req, route) : get_one(req, rest);
    case http::verb::post:
      return create(req);
    case http::verb::patch:
      return adjust(req, rest);
    case http::verb::delete_:
      return remove(req, rest);
    default:
      return json_response(req, http::status::method_not_allowed, {{"error", "method"}});
    }
  }

private:
  Response list(const Request &req, const Route &route) {
    std::string category = route.query.count("category") ? route.query.at("category") : "";
    std::string sort = "id";
    if (auto it = route.query.find("sort"); it != route.query.end() && kSortColumns.count(it->second))
      sort = it->second;
    json out = json::array();
    for (const auto &item : db_.list(category, sort)) // expect: appsec-sql-injection
      out.push_back(to_json(item));
    return json_response(req, http::status::ok, out);
  }

  Response get_one(const Request &req, const std::string &id_str) {
    int id = 0;
    try {
      id = std::stoi(id_str);
    } catch (const std::exception &) {
      return json_response(req, http::status::bad_request, {{"error", "bad id"}});
    }
    if (auto item = db_.find(id))
      return json_response(req, http::status::ok, to_json(*item));
    return json_response(req, http::status::not_found, {{"error", "not found"}});
  }

  Response create(const Request &req) {
    auto body = json::parse(req.body(), nullptr, false);
    if (body.is_discarded() || !body.is_object())
      return json_response(req, http::status::bad_request, {{"error", "invalid json"}});
    Item item;
    item.sku = body.value("sku", "");
    item.name = body.value("name", "");
    item.category = body.value("category", "misc");
    item.quantity = body.value("quantity", 0);
    if (!db_.insert(item))
      return json_response(req, http::status::conflict, {{"error", "duplicate sku"}});
    return json_response(req, http::status::created, {{"ok", true}});
  }

  Response adjust(const Request &req, const std::string &id_str) {
    auto body = json::parse(req.body(), nullptr, false);
    if (body.is_discarded() || !body.contains("delta") || !body["delta"].is_number_integer())
      return json_response(req, http::status::bad_request, {{"error", "delta required"}});
    int id = std::atoi(id_str.c_str());
    db_.adjust_quantity(id, body["delta"].get<int>());
    return json_response(req, http::status::ok, {{"ok", true}});
  }

  Response remove(const Request &req, const std::string &sku) {
    if (sku.empty())
      return json_response(req, http::status::bad_request, {{"error", "sku required"}});
    db_.remove_by_sku(sku); // expect: appsec-sql-injection
    return json_response(req, http::status::no_content, json::object());
  }

  InventoryDb &db_;
};

int main(int argc, char **argv) {
  const char *db_path = argc > 1 ? argv[1] : "inventory.db";
  InventoryDb db(db_path);
  ApiRouter router(db);

  net::io_context ioc{1};
  tcp::acceptor acceptor{ioc, {tcp::v4(), 8081}};
  for (;;) {
    tcp::socket socket{ioc};
    acceptor.accept(socket);
    beast::flat_buffer buffer;
    beast::error_code ec;
    for (;;) {
      Request req;
      http::read(socket, buffer, req, ec);
      if (ec) break;
      Response res = router.handle(req);
      http::write(socket, res, ec);
      if (ec || !req.keep_alive()) break;
    }
    socket.shutdown(tcp::socket::shutdown_send, ec);
  }
}
