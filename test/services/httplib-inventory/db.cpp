#include "app.h"

#include <iostream>
#include <sstream>

namespace inv {

Db::Db(const DbConfig &cfg) {
  conn_ = mysql_init(nullptr);
  if (!mysql_real_connect(conn_, cfg.host.c_str(), cfg.user.c_str(), cfg.password.c_str(),
                          cfg.schema.c_str(), cfg.port, nullptr, 0))
    std::cerr << "mysql: " << mysql_error(conn_) << "\n";
}

Db::~Db() { mysql_close(conn_); }

std::string Db::escape(const std::string &in) {
  std::string out(in.size() * 2 + 1, '\0');
  auto n = mysql_real_escape_string(conn_, &out[0], in.c_str(), in.size());
  out.resize(n);
  return out;
}

bool Db::check_password(const std::string &user, const std::string &password, std::string &role) {
  std::string sql = "SELECT role FROM staff WHERE login = '" + escape(user) +
                    "' AND pw_hash = SHA2(CONCAT(salt, '" + escape(password) + "'), 256)";
  if (mysql_query(conn_, sql.c_str()) != 0) return false;
  MYSQL_RES *rs = mysql_store_result(conn_);
  if (!rs) return false;
  MYSQL_ROW row = mysql_fetch_row(rs);
  if (row) role = row[0];
  mysql_free_result(rs);
  return row != nullptr;
}

std::vector<Item> Db::items_by_category(const std::string &category, const std::string &order_col) {
  std::string sql = "SELECT id, sku, name, category, location, quantity FROM items";
  if (!category.empty()) sql += " WHERE category = '" + category + "'";
  sql += " ORDER BY " + order_col;
  if (mysql_query(conn_, sql.c_str()) != 0) return {};
  MYSQL_RES *rs = mysql_store_result(conn_);
  std::vector<Item> items;
  while (MYSQL_ROW row = rs ? mysql_fetch_row(rs) : nullptr)
    items.push_back({std::stoll(row[0]), row[1], row[2], row[3], row[4] ? row[4] : "", std::atoi(row[5])});
  if (rs) mysql_free_result(rs);
  return items;
}

bool Db::adjust_stock(const std::string &sku, int delta) {
  std::ostringstream sql;
  sql << "UPDATE items SET quantity = quantity + (" << delta << ") WHERE sku = '" << sku << "'";
  return mysql_real_query(conn_, sql.str().c_str(), sql.str().size()) == 0;
}

void Db::reindex() { mysql_query(conn_, "OPTIMIZE TABLE items"); }

} // namespace inv
