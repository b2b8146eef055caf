#include "app.h"

#include <nlohmann/json.hpp>

#include <map>
#include <regex>

using nlohmann::json;

namespace {

json to_json(const Item &item) {
  return {{"id", item.id},
          {"sku", item.sku},
          {"name", item.name},
          {"category", item.category},
          {"quantity", item.quantity}};
}

json to_json(const std::vector<Item> &items) {
  auto arr = json::array();
  for (const auto &item : items)
    arr.push_back(to_json(item));
  return arr;
}

void send_json(httplib::Response &res, const json &body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

const std::map<std::string, std::string> kSortColumns = {
    {"name", "name"}, {"sku", "sku"}, {"qty", "quantity"}, {"newest", "id"}};

} // namespace

namespace controllers {

void find_by_sku(const httplib::Request &req, httplib::Response &res, ItemRepository &items) {
  auto sku = req.get_param_value("sku");
  if (sku.empty())
    return send_json(res, {{"error", "sku required"}}, 400);
  send_json(res, to_json(items.lookup_sku(sku))); // expect: appsec-sql-injection
}

void search_items(const httplib::Request &req, httplib::Response &res, ItemRepository &items) {
  auto q = req.get_param_value("q");
  auto sort_key = req.has_param("sort") ? req.get_param_value("sort") : "name";
  auto it = kSortColumns.find(sort_key);
  if (it == kSortColumns.end())
    return send_json(res, {{"error", "unsupported sort"}}, 400);
  send_json(res, to_json(items.search(q, it->second)));
}

void report(const httplib::Request &req, httplib::Response &res, ItemRepository &items) {
  auto order = req.has_param("order") ? req.get_param_value("order") : std::string("quantity");
  int rows = 50;
  if (req.has_param("rows"))
    rows = std::stoi(req.get_param_value("rows"));
  send_json(res, to_json(items.stock_report(order, rows))); // expect: appsec-sql-injection
}

void category_count(const httplib::Request &req, httplib::Response &res, ItemRepository &items) {
  static const std::regex kCategory("[a-z][a-z0-9_-]{0,31}");
  const std::string category = req.matches[1];
  if (!std::regex_match(category, kCategory))
    return send_json(res, {{"error", "bad category"}}, 400);
  send_json(res, {{"category", category}, {"count", items.count_in_category(category)}});
}

void adjust(const httplib::Request &req, httplib::Response &res, ItemRepository &items,
            AuditLog &audit) {
  auto body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.contains("id") || !body.contains("delta"))
    return send_json(res, {{"error", "id and delta required"}}, 400);
  auto id = body["id"].get<long>();
  auto delta = body["delta"].get<int>();
  items.adjust_quantity(id, delta);
  auto user = req.get_header_value("X-Forwarded-User");
  audit.record(user, "adjust " + std::to_string(id) + " by " + std::to_string(delta));
  send_json(res, {{"ok", true}});
}

void audit_trail(const httplib::Request &req, httplib::Response &res, AuditLog &audit) {
  auto user = req.get_param_value("user");
  json out = json::array();
  for (const auto &line : audit.entries_for(user)) // expect: appsec-sql-injection
    out.push_back(line);
  send_json(res, out);
}

} // namespace controllers
