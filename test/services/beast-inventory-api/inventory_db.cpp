#include "inventory_db.h"

#include <iostream>
#include <sstream>
#include <stdexcept>

InventoryDb::InventoryDb(const std::string &path) {
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK)
    throw std::runtime_error("cannot open " + path);
  sqlite3_exec(db_,
               "CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, sku TEXT UNIQUE, name TEXT, "
               "category TEXT, quantity INTEGER)",
               nullptr, nullptr, nullptr);
}

InventoryDb::~InventoryDb() { sqlite3_close(db_); }

static int collect_row(void *ctx, int argc, char **argv, char **) {
  auto *rows = static_cast<std::vector<Item> *>(ctx);
  if (argc < 5) return 0;
  Item it;
  it.id = argv[0] ? std::atoi(argv[0]) : 0;
  it.sku = argv[1] ? argv[1] : "";
  it.name = argv[2] ? argv[2] : "";
  it.category = argv[3] ? argv[3] : "";
  it.quantity = argv[4] ? std::atoi(argv[4]) : 0;
  rows->push_back(std::move(it));
  return 0;
}

std::vector<Item> InventoryDb::query(const std::string &sql) {
  std::vector<Item> rows;
  char *err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), collect_row, &rows, &err) != SQLITE_OK) {
    std::cerr << "sqlite: " << (err ? err : "?") << "\n";
    sqlite3_free(err);
  }
  return rows;
}

std::vector<Item> InventoryDb::list(const std::string &category, const std::string &order_by) {
  std::ostringstream sql;
  sql << "SELECT id, sku, name, category, quantity FROM items";
  if (!category.empty())
    sql << " WHERE category = '" << category << "'";
  sql << " ORDER BY " << order_by;
  return query(sql.str());
}

std::optional<Item> InventoryDb::find(int id) {
  auto rows = query("SELECT id, sku, name, category, quantity FROM items WHERE id = " + std::to_string(id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

bool InventoryDb::insert(const Item &item) {
  sqlite3_stmt *stmt = nullptr;
  if (sqlite3_prepare_v2(db_, "INSERT INTO items (sku, name, category, quantity) VALUES (?, ?, ?, ?)", -1, &stmt,
                         nullptr) != SQLITE_OK)
    return false;
  sqlite3_bind_text(stmt, 1, item.sku.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 2, item.name.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 3, item.category.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int(stmt, 4, item.quantity);
  bool ok = sqlite3_step(stmt) == SQLITE_DONE;
  sqlite3_finalize(stmt);
  return ok;
}

bool InventoryDb::remove_by_sku(const std::string &sku) {
  std::string sql = "DELETE FROM items WHERE sku = '" + sku + "'";
  return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool InventoryDb::adjust_quantity(int id, int delta) {
  std::string sql = "UPDATE items SET quantity = quantity + " + std::to_string(delta) +
                    " WHERE id = " + std::to_string(id);
  return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}
