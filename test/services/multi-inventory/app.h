#pragma once

#include <httplib.h>
#include <pqxx/pqxx>
#include <sqlite3.h>

#include <optional>
#include <string>
#include <vector>

struct Config {
  std::string pg_dsn = "postgresql://inventory@localhost/inventory";
  std::string audit_path = "/var/lib/inventory/audit.db";
  int port = 8081;
};

struct Item {
  long id = 0;
  std::string sku;
  std::string name;
  std::string category;
  int quantity = 0;
};

// Small fluent helper so repositories don't hand-roll SELECTs everywhere.
class QueryBuilder {
public:
  explicit QueryBuilder(std::string table) : table_(std::move(table)) {}
  QueryBuilder &select(std::string columns);
  QueryBuilder &where(const std::string &condition);
  QueryBuilder &order_by(const std::string &column, bool descending = false);
  QueryBuilder &limit(int n);
  std::string str() const;

private:
  std::string table_;
  std::string columns_ = "*";
  std::vector<std::string> conditions_;
  std::string order_;
  int limit_ = 0;
};

class ItemRepository {
public:
  explicit ItemRepository(const std::string &dsn) : conn_(dsn) {}
  std::vector<Item> lookup_sku(const std::string &sku);
  std::vector<Item> search(const std::string &name, const std::string &sort);
  std::vector<Item> stock_report(const std::string &order_column, int max_rows);
  long count_in_category(const std::string &category);
  void adjust_quantity(long id, int delta);

private:
  static Item to_item(const pqxx::row &row);
  pqxx::connection conn_;
};

class AuditLog {
public:
  explicit AuditLog(const std::string &path);
  ~AuditLog();
  void record(const std::string &user, const std::string &action);
  std::vector<std::string> entries_for(const std::string &user);

private:
  sqlite3 *db_ = nullptr;
};

namespace controllers {
void find_by_sku(const httplib::Request &req, httplib::Response &res, ItemRepository &items);
void search_items(const httplib::Request &req, httplib::Response &res, ItemRepository &items);
void report(const httplib::Request &req, httplib::Response &res, ItemRepository &items);
void category_count(const httplib::Request &req, httplib::Response &res, ItemRepository &items);
void adjust(const httplib::Request &req, httplib::Response &res, ItemRepository &items,
            AuditLog &audit);
void audit_trail(const httplib::Request &req, httplib::Response &res, AuditLog &audit);
} // namespace controllers

void register_routes(httplib::Server &server, ItemRepository &items, AuditLog &audit);
