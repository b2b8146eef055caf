#include "service.h"

#include <stdexcept>

namespace users {

namespace {
const char *kSchema = R"sql(
CREATE TABLE IF NOT EXISTS users(
  id INTEGER PRIMARY KEY, username TEXT UNIQUE, email TEXT, salt TEXT, pw_hash TEXT);
CREATE TABLE IF NOT EXISTS service_accounts(name TEXT PRIMARY KEY, secret TEXT);
CREATE TABLE IF NOT EXISTS sessions(token_hash TEXT PRIMARY KEY, user_id INTEGER, created INTEGER);
)sql";

struct Stmt {
  sqlite3_stmt *s = nullptr;
  ~Stmt() { sqlite3_finalize(s); }
};

std::string column_text(sqlite3_stmt *s, int col) {
  auto *p = sqlite3_column_text(s, col);
  return p ? reinterpret_cast<const char *>(p) : "";
}
} // namespace

UserStore::UserStore(const std::string &path) {
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK)
    throw std::runtime_error("cannot open " + path);
  sqlite3_exec(db_, kSchema, nullptr, nullptr, nullptr);
}

UserStore::~UserStore() { sqlite3_close(db_); }

bool UserStore::create_user(const std::string &username, const std::string &email,
                            const PasswordHash &pw) {
  Stmt st;
  sqlite3_prepare_v2(db_, "INSERT INTO users(username, email, salt, pw_hash) VALUES(?,?,?,?)", -1,
                     &st.s, nullptr);
  sqlite3_bind_text(st.s, 1, username.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st.s, 2, email.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st.s, 3, pw.salt_hex.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st.s, 4, pw.hash_hex.c_str(), -1, SQLITE_TRANSIENT);
  return sqlite3_step(st.s) == SQLITE_DONE;
}

// Service accounts authenticate with HTTP basic auth from CI runners.
bool UserStore::create_service_account(const std::string &name, const std::string &secret) {
  Stmt st;
  sqlite3_prepare_v2(db_, "INSERT INTO service_accounts(name, secret) VALUES(?, ?)", -1, &st.s,
                     nullptr);
  sqlite3_bind_text(st.s, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st.s, 2, secret.c_str(), -1, SQLITE_TRANSIENT); // expect: appsec-plaintext-storage
  return sqlite3_step(st.s) == SQLITE_DONE;
}

std::optional<UserRecord> UserStore::find(const std::string &username) {
  Stmt st;
  sqlite3_prepare_v2(db_, "SELECT id, username, email, salt, pw_hash FROM users WHERE username = ?",
                     -1, &st.s, nullptr);
  sqlite3_bind_text(st.s, 1, username.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(st.s) != SQLITE_ROW)
    return std::nullopt;
  UserRecord r;
  r.id = sqlite3_column_int64(st.s, 0);
  r.username = column_text(st.s, 1);
  r.email = column_text(st.s, 2);
  r.password = {column_text(st.s, 3), column_text(st.s, 4)};
  return r;
}

void UserStore::save_session(long user_id, const std::string &token_hash) {
  Stmt st;
  sqlite3_prepare_v2(db_,
                     "INSERT INTO sessions(token_hash, user_id, created) "
                     "VALUES(?, ?, strftime('%s','now'))",
                     -1, &st.s, nullptr);
  sqlite3_bind_text(st.s, 1, token_hash.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st.s, 2, user_id);
  sqlite3_step(st.s);
}

} // namespace users
