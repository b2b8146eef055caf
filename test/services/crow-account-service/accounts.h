#pragma once

#include <optional>
#include <string>

typedef struct st_mysql MYSQL;

struct Profile {
  long id = 0;
  std::string username;
  std::string email;
  std::string display_name;
};

class AccountStore {
public:
  AccountStore();
  ~AccountStore();

  bool create(const std::string &username, const std::string &email, const std::string &password);
  bool check_password(const std::string &username, const std::string &password);
  std::optional<Profile> by_id(long id);
  std::optional<Profile> by_username(const std::string &username);
  bool update_display_name(long id, const std::string &name);

private:
  std::string escape(const std::string &in);
  std::optional<Profile> fetch_one(const std::string &sql);
  MYSQL *conn_ = nullptr;
};
