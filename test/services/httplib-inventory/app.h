#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <httplib.h>
#include <mysql.h>

namespace inv {

struct DbConfig {
  std::string host = "127.0.0.1", user = "inventory", password, schema = "inventory";
  unsigned port = 3306;
};

struct Item {
  long long id = 0;
  std::string sku, name, category, location;
  int quantity = 0;
};

class Db {
public:
  explicit Db(const DbConfig &cfg);
  ~Db();
  bool check_password(const std::string &user, const std::string &password, std::string &role);
  std::vector<Item> items_by_category(const std::string &category, const std::string &order_col);
  bool adjust_stock(const std::string &sku, int delta);
  void reindex();

private:
  std::string escape(const std::string &in);
  MYSQL *conn_ = nullptr;
};

struct Principal {
  std::string user, role;
};

std::string issue_token(const std::string &user, const std::string &role);
std::optional<Principal> authenticate(const httplib::Request &req);
std::optional<Principal> authenticate_service(const httplib::Request &req);

void register_routes(httplib::Server &svr, std::shared_ptr<Db> db);

} // namespace inv
