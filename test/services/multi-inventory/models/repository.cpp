#include "app.h"

#include <sstream>
#include <stdexcept>

QueryBuilder &QueryBuilder::select(std::string columns) {
  columns_ = std::move(columns);
  return *this;
}

QueryBuilder &QueryBuilder::where(const std::string &condition) {
  conditions_.push_back(condition);
  return *this;
}

QueryBuilder &QueryBuilder::order_by(const std::string &column, bool descending) {
  order_ = column + (descending ? " DESC" : " ASC");
  return *this;
}

QueryBuilder &QueryBuilder::limit(int n) {
  limit_ = n;
  return *this;
}

std::string QueryBuilder::str() const {
  std::ostringstream sql;
  sql << "SELECT " << columns_ << " FROM " << table_;
  for (size_t i = 0; i < conditions_.size(); ++i)
    sql << (i == 0 ? " WHERE " : " AND ") << conditions_[i];
  if (!order_.empty())
    sql << " ORDER BY " << order_;
  if (limit_ > 0)
    sql << " LIMIT " << limit_;
  return sql.str();
}

Item ItemRepository::to_item(const pqxx::row &row) {
  Item item;
  item.id = row["id"].as<long>();
  item.sku = row["sku"].as<std::string>();
  item.name = row["name"].as<std::string>();
  item.category = row["category"].as<std::string>();
  item.quantity = row["quantity"].as<int>();
  return item;
}

std::vector<Item> ItemRepository::lookup_sku(const std::string &sku) {
  auto sql = QueryBuilder("items").where("sku = '" + sku + "'").str();
  pqxx::work txn{conn_};
  std::vector<Item> out;
  for (const auto &row : txn.exec(sql))
    out.push_back(to_item(row));
  return out;
}

std::vector<Item> ItemRepository::search(const std::string &name, const std::string &sort) {
  pqxx::work txn{conn_};
  QueryBuilder qb("items");
  qb.where("name ILIKE " + txn.quote("%" + name + "%")).order_by(sort).limit(100);
  std::vector<Item> out;
  for (const auto &row : txn.exec(qb.str()))
    out.push_back(to_item(row));
  return out;
}

std::vector<Item> ItemRepository::stock_report(const std::string &order_column, int max_rows) {
  QueryBuilder qb("items");
  qb.select("id, sku, name, category, quantity").order_by(order_column, true).limit(max_rows);
  pqxx::work txn{conn_};
  std::vector<Item> out;
  for (const auto &row : txn.exec(qb.str()))
    out.push_back(to_item(row));
  return out;
}

long ItemRepository::count_in_category(const std::string &category) {
  pqxx::work txn{conn_};
  auto row = txn.exec1("SELECT count(*) FROM items WHERE category = '" + category + "'");
  return row[0].as<long>();
}

void ItemRepository::adjust_quantity(long id, int delta) {
  pqxx::work txn{conn_};
  txn.exec_params0("UPDATE items SET quantity = quantity + $1 WHERE id = $2", delta, id);
  txn.commit();
}

AuditLog::AuditLog(const std::string &path) {
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK)
    throw std::runtime_error("cannot open audit db");
  sqlite3_exec(db_,
               "CREATE TABLE IF NOT EXISTS audit(ts INTEGER, user TEXT, action TEXT)",
               nullptr, nullptr, nullptr);
}

AuditLog::~AuditLog() { sqlite3_close(db_); }

void AuditLog::record(const std::string &user, const std::string &action) {
  sqlite3_stmt *stmt = nullptr;
  const char *sql = "INSERT INTO audit(ts, user, action) VALUES(strftime('%s','now'), ?, ?)";
  if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK)
    return;
  sqlite3_bind_text(stmt, 1, user.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 2, action.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
}

static int collect_row(void *ctx, int argc, char **argv, char **) {
  auto *rows = static_cast<std::vector<std::string> *>(ctx);
  std::string line;
  for (int i = 0; i < argc; ++i) {
    if (i)
      line += " | ";
    line += argv[i] ? argv[i] : "";
  }
  rows->push_back(std::move(line));
  return 0;
}

std::vector<std::string> AuditLog::entries_for(const std::string &user) {
  std::string sql = "SELECT ts, action FROM audit WHERE user = '";
  sql += user;
  sql += "' ORDER BY ts DESC";
  std::vector<std::string> rows;
  char *err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), collect_row, &rows, &err) != SQLITE_OK) {
    sqlite3_free(err);
  }
  return rows;
}
