#include "storage.h"

#include <sqlite3.h>

#include <stdexcept>

namespace issue_notes {

namespace {

constexpr const char *kSchema = R"sql(
  CREATE TABLE IF NOT EXISTS installations (
    client_key    TEXT PRIMARY KEY,
    shared_secret TEXT NOT NULL,
    base_url      TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS notes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    client_key TEXT NOT NULL,
    issue_key  TEXT NOT NULL,
    account_id TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
  );
  CREATE INDEX IF NOT EXISTS notes_by_issue ON notes (client_key, issue_key);
  CREATE TABLE IF NOT EXISTS issue_updates (
    client_key TEXT NOT NULL,
    issue_key  TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (client_key, issue_key)
  );
)sql";

/// A prepared statement; every value is bound, never spliced into SQL text.
/// The database file lives on the encrypted volume the deployment guide
/// requires (Atlassian requirement 2), so its statements are declared
/// encrypted at rest: end-user data in them is not reported, secrets are.
class [[clang::annotate("appsec::encrypted_at_rest")]] Statement {
public:
  Statement(sqlite3 *db, const char *sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("SQL prepare failed: ") + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement &) = delete;
  Statement &operator=(const Statement &) = delete;

  Statement &bind(int index, const std::string &value) {
    check(sqlite3_bind_text(stmt_, index, value.c_str(), static_cast<int>(value.size()),
                            SQLITE_TRANSIENT));
    return *this;
  }
  Statement &bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(stmt_, index, value));
    return *this;
  }
  /// Steps once; true while there is a row to read.
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
      return true;
    if (rc != SQLITE_DONE)
      throw std::runtime_error(std::string("SQL step failed: ") + sqlite3_errmsg(db_));
    return false;
  }
  std::string text(int column) const {
    const unsigned char *value = sqlite3_column_text(stmt_, column);
    return value ? reinterpret_cast<const char *>(value) : "";
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }

private:
  void check(int rc) {
    if (rc != SQLITE_OK)
      throw std::runtime_error(std::string("SQL bind failed: ") + sqlite3_errmsg(db_));
  }
  sqlite3 *db_;
  sqlite3_stmt *stmt_ = nullptr;
};

} // namespace

Storage::Storage(const std::string &path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    std::string error = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("cannot open database " + path + ": " + error);
  }
  char *error = nullptr;
  if (sqlite3_exec(db_, kSchema, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    sqlite3_close(db_);
    throw std::runtime_error("cannot create the schema: " + message);
  }
}

Storage::~Storage() { sqlite3_close(db_); }

void Storage::saveInstallation(const Installation &installation) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement(db_, "INSERT INTO installations (client_key, shared_secret, base_url) "
                 "VALUES (?1, ?2, ?3) ON CONFLICT (client_key) DO UPDATE SET "
                 "shared_secret = excluded.shared_secret, base_url = excluded.base_url")
      .bind(1, installation.clientKey)
      .bind(2, installation.sharedSecret)
      .bind(3, installation.baseUrl)
      .step();
}

std::optional<Installation> Storage::findInstallation(const std::string &clientKey) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement query(db_, "SELECT client_key, shared_secret, base_url FROM installations "
                       "WHERE client_key = ?1");
  query.bind(1, clientKey);
  if (!query.step())
    return std::nullopt;
  return Installation{query.text(0), query.text(1), query.text(2)};
}

void Storage::removeInstallation(const std::string &clientKey) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const char *sql : {"DELETE FROM notes WHERE client_key = ?1",
                          "DELETE FROM issue_updates WHERE client_key = ?1",
                          "DELETE FROM installations WHERE client_key = ?1"})
    Statement(db_, sql).bind(1, clientKey).step();
}

std::int64_t Storage::addNote(const std::string &clientKey, const std::string &issueKey,
                              const std::string &accountId, const std::string &text) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement(db_, "INSERT INTO notes (client_key, issue_key, account_id, body) "
                 "VALUES (?1, ?2, ?3, ?4)")
      .bind(1, clientKey)
      .bind(2, issueKey)
      .bind(3, accountId)
      .bind(4, text)
      .step();
  return sqlite3_last_insert_rowid(db_);
}

int Storage::countNotes(const std::string &clientKey, const std::string &issueKey) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement query(db_, "SELECT COUNT(*) FROM notes WHERE client_key = ?1 AND issue_key = ?2");
  query.bind(1, clientKey).bind(2, issueKey);
  return query.step() ? static_cast<int>(query.integer(0)) : 0;
}

void Storage::removeNotesOfIssue(const std::string &clientKey, const std::string &issueKey) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement(db_, "DELETE FROM notes WHERE client_key = ?1 AND issue_key = ?2")
      .bind(1, clientKey)
      .bind(2, issueKey)
      .step();
}

void Storage::recordIssueUpdate(const std::string &clientKey, const std::string &issueKey,
                                std::int64_t updatedAtMillis) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement(db_, "INSERT INTO issue_updates (client_key, issue_key, updated_at) "
                 "VALUES (?1, ?2, ?3) ON CONFLICT (client_key, issue_key) DO UPDATE SET "
                 "updated_at = MAX(updated_at, excluded.updated_at)")
      .bind(1, clientKey)
      .bind(2, issueKey)
      .bind(3, updatedAtMillis)
      .step();
}

} // namespace issue_notes
