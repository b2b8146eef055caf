#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>
#include <vector>

struct Item {
  int id = 0;
  std::string sku;
  std::string name;
  std::string category;
  int quantity = 0;
};

class InventoryDb {
public:
  explicit InventoryDb(const std::string &path);
  ~InventoryDb();

  std::vector<Item> list(const std::string &category, const std::string &order_by);
  std::optional<Item> find(int id);
  bool insert(const Item &item);
  bool remove_by_sku(const std::string &sku);
  bool adjust_quantity(int id, int delta);

private:
  std::vector<Item> query(const std::string &sql);
  sqlite3 *db_ = nullptr;
};
