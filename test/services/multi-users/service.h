#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>

namespace users {

struct Config {
  std::string db_path = "/var/lib/accounts/users.db";
  unsigned short port = 8082;
  int pbkdf2_iterations = 210000;
  bool verbose = false;
};

// crypto.cpp
struct PasswordHash {
  std::string salt_hex;
  std::string hash_hex;
};
PasswordHash hash_password(const std::string &password, int iterations);
bool check_password(const std::string &password, const PasswordHash &stored, int iterations);
std::string random_token(size_t bytes = 32);
std::string sha256_hex(const std::string &data);

// logging.cpp
void log_info(const std::string &msg);
void log_debug(const std::string &msg);
void log_warn(const std::string &msg);

// user_store.cpp
struct UserRecord {
  long id = 0;
  std::string username;
  std::string email;
  PasswordHash password;
};

class UserStore {
public:
  explicit UserStore(const std::string &path);
  ~UserStore();
  bool create_user(const std::string &username, const std::string &email, const PasswordHash &pw);
  bool create_service_account(const std::string &name, const std::string &secret);
  std::optional<UserRecord> find(const std::string &username);
  void save_session(long user_id, const std::string &token);

private:
  sqlite3 *db_ = nullptr;
};

} // namespace users
