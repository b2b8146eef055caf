// RUN: %check_appsec_tidy %s appsec-plaintext-storage %t -- \
// RUN:   --config="{CheckOptions: {AppSecEncryptedStores: 'auditDb;TenantRepository'}}" -- -std=c++17
// Stores declared encrypted at rest: by annotation on the handle, on the
// class that owns it or on its type, by the option AppSecEncryptedStores,
// and SQLite databases of a unit keyed with SQLCipher's sqlite3_key. Encryption
// at rest answers for end-user data (requirement 2); a secret or a password
// in such a store is still readable by whoever can read the store, and is
// still reported.
#include <sqlite3.h>

#include <cstdio>
#include <string>

extern "C" int sqlite3_key(sqlite3 *db, const void *pKey, int nKey); // SQLCipher's sqlite.h

void openKeyed(sqlite3 *db, const std::string &dbKey) { sqlite3_key(db, dbKey.data(), int(dbKey.size())); }

void sqlcipher(sqlite3 *db, const std::string &email, const std::string &password) {
  std::string a = "INSERT INTO users(email) VALUES ('" + email + "')";
  sqlite3_exec(db, a.c_str(), nullptr, nullptr, nullptr); // keyed with sqlite3_key
  std::string b = "INSERT INTO users(password) VALUES ('" + password + "')";
  sqlite3_exec(db, b.c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: a password ('password') reaches sqlite3_exec(), which stores it in the database in plaintext; {{.*}}
}

void annotatedHandle(FILE *f, const std::string &email, const std::string &apiToken) {
  [[clang::annotate("appsec::encrypted_at_rest")]] FILE *sealed = f;
  fputs(email.c_str(), sealed);
  fputs(apiToken.c_str(), sealed);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: a secret ('apiToken') reaches fputs(), which writes it to a file in plaintext; {{.*}}
  fputs(email.c_str(), f);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: end-user data ('email') reaches fputs(), which writes it to a file in plaintext; {{.*}}
}

void byOption(FILE *auditDb, const std::string &displayName) {
  fputs(displayName.c_str(), auditDb); // named in AppSecEncryptedStores
}

class TenantRepository { // named in AppSecEncryptedStores
public:
  void save(const std::string &accountId) { fputs(accountId.c_str(), file_); }

private:
  FILE *file_ = nullptr;
};

class [[clang::annotate("appsec::encrypted_at_rest")]] ProfileStore {
public:
  void save(const std::string &emailAddress) { fputs(emailAddress.c_str(), file_); }

private:
  FILE *file_ = nullptr;
};

class PlainStore {
public:
  void save(const std::string &emailAddress) { fputs(emailAddress.c_str(), file_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:67: warning: end-user data ('emailAddress') reaches fputs(), which writes it to a file in plaintext; {{.*}}

private:
  FILE *file_ = nullptr;
};

// A wrapper class declared encrypted at rest: the end-user data its callers
// bind is not reported, their secrets are.
class [[clang::annotate("appsec::encrypted_at_rest")]] Statement {
public:
  Statement(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  Statement &bind(int i, const std::string &v) {
    sqlite3_bind_text(stmt_, i, v.c_str(), -1, SQLITE_TRANSIENT);
    return *this;
  }

private:
  sqlite3_stmt *stmt_ = nullptr;
};

void wrapped(sqlite3 *db, const std::string &accountId, const std::string &sharedSecret) {
  Statement(db, "INSERT INTO notes(account_id) VALUES (?1)").bind(1, accountId);
  Statement(db, "INSERT INTO installations(shared_secret) VALUES (?1)").bind(1, sharedSecret);
  // CHECK-MESSAGES: :[[@LINE-1]]:73: warning: a secret ('sharedSecret') reaches sqlite3_bind_text(), which binds it into a statement that stores it in plaintext; {{.*}}
}
