// RUN: %check_appsec_tidy %s appsec-plaintext-storage %t -- -- -std=c++17
// RUN: %check_appsec_tidy -check-suffix=NOUSER %s appsec-plaintext-storage %t -- \
// RUN:   --config="{CheckOptions: {appsec-plaintext-storage.ReportEndUserData: 'false'}}" -- -std=c++17
// Passwords, secrets and end-user data written in plaintext to files and
// databases, against Debian's headers: glibc stdio, libstdc++ fstream,
// SQLite, libpq, libpqxx 6.4, MariaDB Connector/C, hiredis, LevelDB,
// OpenSSL, libsodium and nlohmann/json. A statement is a store only when it
// writes (INSERT, UPDATE, SET, ...): a value bound into a SELECT is looked
// up. Encryption and password hashes clear the data; a fast digest clears a
// secret but not a password. With ReportEndUserData off only secrets count.
// Stores declared encrypted at rest: plaintext-storage-at-rest.cpp.
#include <hiredis/hiredis.h>
#include <leveldb/db.h>
#include <postgresql/libpq-fe.h>
#include <mariadb/mysql.h>
#include <nlohmann/json.hpp>
#include <openssl/sha.h>
#include <pqxx/pqxx>
#include <sodium.h>
#include <sqlite3.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <string>

struct NewUser {
  std::string emailAddress;
  std::string password;
  std::string displayName;
};

// --- Files ------------------------------------------------------------------

void saveUserFile(const NewUser &u) {
  FILE *f = fopen("users.txt", "a");
  fprintf(f, "%s:%s\n", u.emailAddress.c_str(), u.password.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: end-user data ('emailAddress') reaches fprintf(), which writes it to a file in plaintext; encrypt it, or declare the store encrypted at rest (AppSecEncryptedStores) (sensitive data stored in plaintext, CWE-312); violates Atlassian requirements 2 (Protect stored end-user data) and 5 (Secret handling) [appsec-plaintext-storage]
  // CHECK-MESSAGES: :[[@LINE-2]]:60: warning: a password ('password') reaches fprintf(), which writes it to a file in plaintext; store a password hash (Argon2, bcrypt, scrypt, PBKDF2) instead, or encrypt it if the app must use it later (sensitive data stored in plaintext, CWE-312); {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-3]]:60: warning: a password ('password') reaches fprintf()
  fprintf(stderr, "saved %s\n", u.emailAddress.c_str()); // a log: appsec-sensitive-logging
  fputs(u.displayName.c_str(), f);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: end-user data ('displayName') reaches fputs(), which writes it to a file in plaintext; {{.*}}
  fclose(f);
}

void saveTenant(const nlohmann::json &payload) {
  std::ofstream out("tenants.json");
  out << payload["sharedSecret"]; // nlohmann's own <<
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: a secret ('sharedSecret') reaches operator<<(), which writes it to a file in plaintext; encrypt it, keep it in a secret manager, or store a hash if it is only compared (sensitive data stored in plaintext, CWE-312); {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:10: warning: a secret ('sharedSecret') reaches
  std::string key = payload["clientKey"].get<std::string>();
  out << "client " << key << "\n"; // clientKey is not a secret
  std::string secret = payload["sharedSecret"].get<std::string>();
  unsigned char box[256], nonce[crypto_secretbox_NONCEBYTES], k[crypto_secretbox_KEYBYTES];
  crypto_secretbox_easy(box, reinterpret_cast<const unsigned char *>(secret.data()), secret.size(), nonce, k);
  out.write(reinterpret_cast<const char *>(box), sizeof box); // encrypted
  out.write(secret.data(), secret.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: a secret ('sharedSecret') reaches basic_ostream::write(), which writes it to a file in plaintext; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:13: warning: a secret ('sharedSecret') reaches
}

// --- Passwords: password hashes, fast digests --------------------------------

void storePasswordHashes(sqlite3 *db, const std::string &password, const std::string &apiToken) {
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO users(pw) VALUES (?)", -1, &stmt, nullptr);
  char hashed[crypto_pwhash_STRBYTES];
  crypto_pwhash_str(hashed, password.c_str(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                    crypto_pwhash_MEMLIMIT_INTERACTIVE);
  sqlite3_bind_text(stmt, 1, hashed, -1, SQLITE_TRANSIENT); // a password hash
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char *>(password.data()), password.size(), digest);
  char weak[2 * SHA256_DIGEST_LENGTH + 1];
  for (int i = 0; i < SHA256_DIGEST_LENGTH; ++i)
    snprintf(weak + 2 * i, 3, "%02x", digest[i]);
  sqlite3_bind_text(stmt, 1, weak, -1, SQLITE_TRANSIENT);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: a password hashed with a fast digest ('password') reaches sqlite3_bind_text(), which binds it into a statement that stores it in plaintext; a fast digest is cracked offline; store a password hash (Argon2, bcrypt, scrypt, PBKDF2) instead (sensitive data stored in plaintext, CWE-312); {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:30: warning: a password hashed with a fast digest ('password') reaches
  unsigned char tokenDigest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char *>(apiToken.data()), apiToken.size(), tokenDigest);
  sqlite3_bind_blob(stmt, 2, tokenDigest, sizeof tokenDigest, SQLITE_TRANSIENT); // a token's digest is fine
  std::string byStdHash = std::to_string(std::hash<std::string>{}(password));
  sqlite3_bind_text(stmt, 3, byStdHash.c_str(), -1, SQLITE_TRANSIENT);
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: a password hashed with a fast digest ('password') reaches sqlite3_bind_text(){{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:40: warning: a password hashed with a fast digest ('password') reaches
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
}

// --- SQLite: writes and lookups ---------------------------------------------

void sqliteUsers(sqlite3 *db, const NewUser &u) {
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO users(email, password) VALUES (?, ?)", -1, &ins, nullptr);
  sqlite3_bind_text(ins, 1, u.emailAddress.c_str(), -1, SQLITE_TRANSIENT);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: end-user data ('emailAddress') reaches sqlite3_bind_text(), which binds it into a statement that stores it in plaintext; {{.*}}
  sqlite3_bind_text(ins, 2, u.password.c_str(), -1, SQLITE_TRANSIENT);
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: a password ('password') reaches sqlite3_bind_text(), which binds it into a statement that stores it in plaintext; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:40: warning: a password ('password') reaches
  sqlite3_stmt *sel = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM users WHERE email = ?", -1, &sel, nullptr);
  sqlite3_bind_text(sel, 1, u.emailAddress.c_str(), -1, SQLITE_TRANSIENT); // a lookup
  std::string sql = "UPDATE users SET display_name = '" + u.displayName + "'";
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: end-user data ('displayName') reaches sqlite3_exec(), which stores it in the database in plaintext; {{.*}}
  std::string q = "SELECT * FROM users WHERE email = '" + u.emailAddress + "'";
  sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr); // a lookup (injection is another check)
}

// --- libpq, libpqxx, MariaDB, hiredis, LevelDB ------------------------------

void postgres(PGconn *conn, pqxx::work &txn, const NewUser &u, const std::string &refreshToken) {
  const char *values[2] = {u.emailAddress.c_str(), u.password.c_str()};
  PQexecParams(conn, "INSERT INTO users(email, password) VALUES ($1, $2)", 2, nullptr, values,
               nullptr, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-2]]:88: warning: end-user data ('emailAddress') with a password reaches PQexecParams(), which stores it in the database in plaintext; store a password hash {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-3]]:88: warning: end-user data ('emailAddress') with a password reaches PQexecParams()
  PQexecParams(conn, "SELECT id FROM users WHERE email = $1", 1, nullptr, values, nullptr, nullptr, 0);
  const char *tokens[1] = {refreshToken.c_str()};
  PQexecPrepared(conn, "insert_refresh_token", 1, tokens, nullptr, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: a secret ('refreshToken') reaches PQexecPrepared(), which stores it in the database in plaintext; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:51: warning: a secret ('refreshToken') reaches
  PQexecPrepared(conn, "find_refresh_token", 1, tokens, nullptr, nullptr, 0);
  txn.exec_params("INSERT INTO sessions(token) VALUES ($1)", refreshToken);
  // CHECK-MESSAGES: :[[@LINE-1]]:62: warning: a secret ('refreshToken') reaches transaction_base::exec_params(), which stores it in the database in plaintext; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:62: warning: a secret ('refreshToken') reaches
  txn.exec_params("SELECT user_id FROM sessions WHERE token = $1", refreshToken);
  txn.exec_prepared("save_user", u.emailAddress);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: end-user data ('emailAddress') reaches transaction_base::exec_prepared(), which stores it in the database in plaintext; {{.*}}
}

void others(MYSQL *my, redisContext *rc, leveldb::DB *kv, const NewUser &u, const std::string &sessionToken) {
  std::string sql = "INSERT INTO users(email) VALUES ('" + u.emailAddress + "')";
  mysql_query(my, sql.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: end-user data ('emailAddress') reaches mysql_query(), which stores it in the database in plaintext; {{.*}}
  redisCommand(rc, "SET session:%s %s", u.emailAddress.c_str(), sessionToken.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: end-user data ('emailAddress') reaches redisCommand(), which stores it in Redis in plaintext; {{.*}}
  // CHECK-MESSAGES: :[[@LINE-2]]:78: warning: a secret ('sessionToken') reaches redisCommand(), which stores it in Redis in plaintext; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-3]]:78: warning: a secret ('sessionToken') reaches
  redisCommand(rc, "GET session:%s", sessionToken.c_str()); // a lookup
  kv->Put(leveldb::WriteOptions(), "user:1", u.emailAddress);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: end-user data ('emailAddress') reaches DB::Put(), which stores it in LevelDB in plaintext; {{.*}}
}

// --- A statement wrapper: the caller's statement decides ---------------------

class Statement {
public:
  Statement(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  Statement &bind(int i, const std::string &v) {
    sqlite3_bind_text(stmt_, i, v.c_str(), -1, SQLITE_TRANSIENT);
    return *this;
  }
  bool step() { return sqlite3_step(stmt_) == SQLITE_ROW; }

private:
  sqlite3_stmt *stmt_ = nullptr;
};

void wrapped(sqlite3 *db, const std::string &clientKey, const std::string &sharedSecret) {
  Statement(db, "INSERT INTO installations(client_key, shared_secret) VALUES (?1, ?2)")
      .bind(1, clientKey)
      .bind(2, sharedSecret)
      .step();
  // CHECK-MESSAGES: :[[@LINE-2]]:8: warning: a secret ('sharedSecret') reaches sqlite3_bind_text(), which binds it into a statement that stores it in plaintext; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-3]]:8: warning: a secret ('sharedSecret') reaches
  Statement lookup(db, "SELECT client_key FROM installations WHERE shared_secret = ?1");
  lookup.bind(1, sharedSecret).step(); // a lookup
}

// A prepared statement's name held in a constant.
inline std::string saveTokenStatement = "save_token";
inline std::string findTokenStatement = "find_token";

void namedStatements(pqxx::work &txn, const std::string &accessToken) {
  txn.exec_prepared(saveTokenStatement, accessToken);
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: a secret ('accessToken') reaches transaction_base::exec_prepared(), which stores it in the database in plaintext; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:41: warning: a secret ('accessToken') reaches
  txn.exec_prepared(findTokenStatement, accessToken);
}

// Building JSON that is written to a file.
void jsonFile(const std::string &username, const std::string &password) {
  nlohmann::json users;
  users["users"][0]["name"] = username;
  users["users"][0]["password"] = std::hash<std::string>{}(password);
  std::ofstream("users.json") << users.dump(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: a password hashed with a fast digest reaches operator<<(), which writes it to a file in plaintext; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:34: warning: a password hashed with a fast digest reaches
}

// Writing through a range-for's reference writes into the container.
void changePassword(nlohmann::json &allUsers, const std::string &newPassword) {
  for (auto &user : allUsers)
    user["password"] = newPassword;
  std::ofstream("users.json") << allUsers.dump(4);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: a password ('newPassword') reaches operator<<(), which writes it to a file in plaintext; {{.*}}
  // CHECK-MESSAGES-NOUSER: :[[@LINE-2]]:34: warning: a password ('newPassword') reaches
  for (auto user : allUsers) // a copy
    user["password"] = newPassword;
}
