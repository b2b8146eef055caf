// Personal notes API (sqlite3 backed) used by the "Jot" mobile app.
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

using json = nlohmann::json;

struct Note {
  long long id;
  std::string title;
  std::string body;
  std::string tag;
};

class NotesDb {
public:
  explicit NotesDb(const std::string &path) {
    sqlite3_open(path.c_str(), &db_);
    sqlite3_exec(db_,
                 "CREATE TABLE IF NOT EXISTS users(id INTEGER PRIMARY KEY, email TEXT UNIQUE, "
                 "password TEXT, api_token TEXT);"
                 "CREATE TABLE IF NOT EXISTS notes(id INTEGER PRIMARY KEY, owner INTEGER, "
                 "title TEXT, body TEXT, tag TEXT, updated INTEGER);",
                 nullptr, nullptr, nullptr);
  }
  ~NotesDb() { sqlite3_close(db_); }

  std::optional<long long> user_for_token(const std::string &token) {
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db_, "SELECT id FROM users WHERE api_token = ?", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, token.c_str(), -1, SQLITE_TRANSIENT);
    std::optional<long long> uid;
    if (sqlite3_step(st) == SQLITE_ROW) uid = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return uid;
  }

  bool create_user(const std::string &email, const std::string &password, const std::string &token) {
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO users(email, password, api_token) VALUES(?, ?, ?)", -1, &st,
                       nullptr);
    sqlite3_bind_text(st, 1, email.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, password.c_str(), -1, SQLITE_TRANSIENT); // expect: appsec-plaintext-storage
    sqlite3_bind_text(st, 3, token.c_str(), -1, SQLITE_TRANSIENT);
    bool ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok;
  }

  std::vector<Note> list(long long owner, const std::string &tag, const std::string &order_by) {
    std::string sql = "SELECT id, title, body, tag FROM notes WHERE owner = " + std::to_string(owner);
    if (!tag.empty()) sql += " AND tag = '" + tag + "'";
    sql += " ORDER BY " + order_by;
    std::vector<Note> out;
    sqlite3_exec(db_, sql.c_str(), collect_note, &out, nullptr); // expect: appsec-sql-injection
    return out;
  }

  std::vector<Note> search(long long owner, const std::string &q) {
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db_,
                       "SELECT id, title, body, tag FROM notes WHERE owner = ?1 AND "
                       "(title LIKE ?2 OR body LIKE ?2) ORDER BY updated DESC LIMIT 50",
                       -1, &st, nullptr);
    sqlite3_bind_int64(st, 1, owner);
    auto pattern = "%" + q + "%";
    sqlite3_bind_text(st, 2, pattern.c_str(), -1, SQLITE_TRANSIENT);
    std::vector<Note> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
      out.push_back({sqlite3_column_int64(st, 0),
                     reinterpret_cast<const char *>(sqlite3_column_text(st, 1)),
                     reinterpret_cast<const char *>(sqlite3_column_text(st, 2)),
                     reinterpret_cast<const char *>(sqlite3_column_text(st, 3))});
    }
    sqlite3_finalize(st);
    return out;
  }

  long long add(long long owner, const Note &n) {
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db_,
                       "INSERT INTO notes(owner, title, body, tag, updated) "
                       "VALUES(?, ?, ?, ?, strftime('%s','now'))",
                       -1, &st, nullptr);
    sqlite3_bind_int64(st, 1, owner);
    sqlite3_bind_text(st, 2, n.title.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, n.body.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, n.tag.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return sqlite3_last_insert_rowid(db_);
  }

  void rename(long long owner, long long id, const std::string &title) {
    std::ostringstream sql;
    sql << "UPDATE notes SET title = '" << title << "', updated = strftime('%s','now') WHERE id = "
        << id << " AND owner = " << owner;
    char *err = nullptr;
    if (sqlite3_exec(db_, sql.str().c_str(), nullptr, nullptr, &err) != SQLITE_OK) { // expect: appsec-sql-injection
      std::cerr << "rename failed: " << err << "\n";
      sqlite3_free(err);
    }
  }

  void remove(long long owner, long long id) {
    auto sql = "DELETE FROM notes WHERE id = " + std::to_string(id) +
               " AND owner = " + std::to_string(owner);
    sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }

private:
  static int collect_note(void *ctx, int, char **vals, char **) {
    auto *out = static_cast<std::vector<Note> *>(ctx);
    out->push_back({std::atoll(vals[0]), vals[1] ? vals[1] : "", vals[2] ? vals[2] : "",
                    vals[3] ? vals[3] : ""});
    return 0;
  }
  sqlite3 *db_ = nullptr;
};

static std::string random_token() {
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device rd;
  std::string t;
  for (int i = 0; i < 40; ++i) t += alphabet[rd() % (sizeof(alphabet) - 1)];
  return t;
}

static std::string escape_html(const std::string &s) {
  std::string o;
  for (char c : s) {
    if (c == '<') o += "&lt;";
    else if (c == '>') o += "&gt;";
    else if (c == '&') o += "&amp;";
    else if (c == '"') o += "&quot;";
    else if (c == '\'') o += "&#39;";
    else o += c;
  }
  return o;
}

static json to_json(const std::vector<Note> &notes) {
  json arr = json::array();
  for (const auto &n : notes) arr.push_back({{"id", n.id}, {"title", n.title}, {"body", n.body}, {"tag", n.tag}});
  return arr;
}

int main() {
  const char *db_path = std::getenv("NOTES_DB");
  auto db = std::make_shared<NotesDb>(db_path ? db_path : "notes.db");
  httplib::Server svr;

  auto current_user = [db](const httplib::Request &req) -> std::optional<long long> {
    auto auth = req.get_header_value("Authorization");
    if (auth.rfind("Bearer ", 0) != 0) return std::nullopt;
    return db->user_for_token(auth.substr(7));
  };

  svr.Post("/register", [db](const httplib::Request &req, httplib::Response &res) {
    auto body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.contains("email") || !body.contains("password")) {
      res.status = 400;
      return;
    }
    auto token = random_token();
    if (!db->create_user(body["email"], body["password"], token)) {
      res.status = 409;
      return;
    }
    res.set_content(json{{"token", token}}.dump(), "application/json");
  });

  svr.Get("/notes", [db, current_user](const httplib::Request &req, httplib::Response &res) {
    auto uid = current_user(req);
    if (!uid) { res.status = 401; return; }
    static const std::map<std::string, std::string> sort_cols{
        {"title", "title ASC"}, {"recent", "updated DESC"}, {"oldest", "updated ASC"}};
    auto s = sort_cols.find(req.get_param_value("sort"));
    auto order = s != sort_cols.end() ? s->second : "updated DESC";
    auto notes = db->list(*uid, req.get_param_value("tag"), order);
    res.set_content(to_json(notes).dump(), "application/json");
  });

  svr.Get("/notes/search", [db, current_user](const httplib::Request &req, httplib::Response &res) {
    auto uid = current_user(req);
    if (!uid) { res.status = 401; return; }
    res.set_content(to_json(db->search(*uid, req.get_param_value("q"))).dump(), "application/json");
  });

  svr.Post("/notes", [db, current_user](const httplib::Request &req, httplib::Response &res) {
    auto uid = current_user(req);
    if (!uid) { res.status = 401; return; }
    auto body = json::parse(req.body, nullptr, false);
    if (body.is_discarded()) { res.status = 400; return; }
    Note n{0, body.value("title", ""), body.value("body", ""), body.value("tag", "")};
    res.set_content(json{{"id", db->add(*uid, n)}}.dump(), "application/json");
  });

  svr.Put(R"(/notes/(\d+)/title)", [db, current_user](const httplib::Request &req, httplib::Response &res) {
    auto uid = current_user(req);
    if (!uid) { res.status = 401; return; }
    db->rename(*uid, std::stoll(req.matches[1]), req.body);
    res.status = 204;
  });

  svr.Delete(R"(/notes/(\d+))", [db, current_user](const httplib::Request &req, httplib::Response &res) {
    auto uid = current_user(req);
    if (!uid) { res.status = 401; return; }
    db->remove(*uid, std::stoll(req.matches[1]));
    res.status = 204;
  });

  svr.Get("/export.html", [db, current_user](const httplib::Request &req, httplib::Response &res) {
    auto uid = current_user(req);
    if (!uid) { res.status = 401; return; }
    auto heading = req.has_param("title") ? req.get_param_value("title") : "My notes";
    std::string page = "<html><body><h1>" + heading + "</h1><ul>";
    for (const auto &n : db->search(*uid, ""))
      page += "<li><b>" + escape_html(n.title) + "</b><p>" + escape_html(n.body) + "</p></li>";
    page += "</ul></body></html>";
    res.set_content(page, "text/html"); // expect: appsec-xss
  });

  svr.listen("0.0.0.0", 8082);
}
