#include "accounts.h"

#include <mysql.h>

#include <stdexcept>
#include <vector>

AccountStore::AccountStore() {
  conn_ = mysql_init(nullptr);
  if (!mysql_real_connect(conn_, "db.accounts.internal", "accounts_svc", "Acc0unts-2023!", "accounts", 3306, nullptr, 0)) // expect: appsec-hardcoded-secret
    throw std::runtime_error(mysql_error(conn_));
}

AccountStore::~AccountStore() { mysql_close(conn_); }

std::string AccountStore::escape(const std::string &in) {
  std::vector<char> buf(in.size() * 2 + 1);
  auto n = mysql_real_escape_string(conn_, buf.data(), in.c_str(), in.size());
  return std::string(buf.data(), n);
}

std::optional<Profile> AccountStore::fetch_one(const std::string &sql) {
  if (mysql_query(conn_, sql.c_str()) != 0)
    return std::nullopt;
  MYSQL_RES *res = mysql_store_result(conn_);
  if (!res)
    return std::nullopt;
  std::optional<Profile> out;
  if (MYSQL_ROW row = mysql_fetch_row(res)) {
    out = Profile{std::stol(row[0]), row[1] ? row[1] : "", row[2] ? row[2] : "",
                  row[3] ? row[3] : ""};
  }
  mysql_free_result(res);
  return out;
}

bool AccountStore::create(const std::string &username, const std::string &email,
                          const std::string &password) {
  std::string sql = "INSERT INTO users (username, email, password) VALUES ('" + escape(username) +
                    "', '" + escape(email) + "', '" + escape(password) + "')";
  return mysql_query(conn_, sql.c_str()) == 0; // expect: appsec-plaintext-storage
}

bool AccountStore::check_password(const std::string &username, const std::string &password) {
  std::string sql = "SELECT id FROM users WHERE username = '" + escape(username) +
                    "' AND password = '" + escape(password) + "'";
  if (mysql_query(conn_, sql.c_str()) != 0)
    return false;
  MYSQL_RES *res = mysql_store_result(conn_);
  bool ok = res && mysql_num_rows(res) == 1;
  if (res)
    mysql_free_result(res);
  return ok;
}

std::optional<Profile> AccountStore::by_id(long id) {
  return fetch_one("SELECT id, username, email, display_name FROM users WHERE id = " +
                   std::to_string(id));
}

std::optional<Profile> AccountStore::by_username(const std::string &username) {
  std::string sql = "SELECT id, username, email, display_name FROM users WHERE username = '";
  sql += username;
  sql += "' LIMIT 1";
  if (mysql_query(conn_, sql.c_str()) != 0)
    return std::nullopt;
  MYSQL_RES *res = mysql_store_result(conn_);
  if (!res)
    return std::nullopt;
  std::optional<Profile> out;
  if (MYSQL_ROW row = mysql_fetch_row(res))
    out = Profile{std::stol(row[0]), row[1], row[2] ? row[2] : "", row[3] ? row[3] : ""};
  mysql_free_result(res);
  return out;
}

bool AccountStore::update_display_name(long id, const std::string &name) {
  std::string sql = "UPDATE users SET display_name = '" + escape(name) +
                    "' WHERE id = " + std::to_string(id);
  return mysql_query(conn_, sql.c_str()) == 0;
}
