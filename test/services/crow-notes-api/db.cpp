#include "db.h"

#include <sqlite3.h>

#include <cctype>
#include <map>
#include <stdexcept>

namespace {

std::string column_text(sqlite3_stmt *st, int col) {
  auto *p = sqlite3_column_text(st, col);
  return p ? reinterpret_cast<const char *>(p) : "";
}

Note row_to_note(sqlite3_stmt *st) {
  return Note{sqlite3_column_int64(st, 0), column_text(st, 1), column_text(st, 2),
              column_text(st, 3)};
}

int collect_cb(void *out, int argc, char **argv, char **) {
  auto *notes = static_cast<std::vector<Note> *>(out);
  if (argc < 4)
    return 0;
  notes->push_back(Note{std::stoll(argv[0]), argv[1] ? argv[1] : "", argv[2] ? argv[2] : "",
                        argv[3] ? argv[3] : ""});
  return 0;
}

const std::map<std::string, std::string> kSortColumns = {
    {"created", "created_at DESC"}, {"title", "title ASC"}, {"updated", "updated_at DESC"}};

bool is_simple_word(const std::string &s) {
  if (s.empty() || s.size() > 32)
    return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-')
      return false;
  return true;
}

} // namespace

NotesDb::NotesDb(const std::string &path) {
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK)
    throw std::runtime_error("cannot open notes database");
}

NotesDb::~NotesDb() { sqlite3_close(db_); }

std::vector<Note> NotesDb::list(const std::string &owner) {
  std::vector<Note> out;
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(db_, "SELECT id, title, body, tag FROM notes WHERE owner = ?1", -1, &st,
                     nullptr);
  sqlite3_bind_text(st, 1, owner.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(st) == SQLITE_ROW)
    out.push_back(row_to_note(st));
  sqlite3_finalize(st);
  return out;
}

int64_t NotesDb::create(const std::string &owner, const Note &note) {
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(db_, "INSERT INTO notes(owner, title, body, tag) VALUES(?1, ?2, ?3, ?4)", -1,
                     &st, nullptr);
  sqlite3_bind_text(st, 1, owner.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 2, note.title.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 3, note.body.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 4, note.tag.c_str(), -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step(st);
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? sqlite3_last_insert_rowid(db_) : -1;
}

std::vector<Note> NotesDb::search(const std::string &owner, const std::string &term,
                                  const std::string &sort) {
  auto order = kSortColumns.find(sort);
  std::string sql = "SELECT id, title, body, tag FROM notes WHERE owner = '" + owner +
                    "' AND (title LIKE '%" + term + "%' OR body LIKE '%" + term + "%')";
  if (order != kSortColumns.end())
    sql += " ORDER BY " + order->second;

  std::vector<Note> out;
  char *err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), collect_cb, &out, &err) != SQLITE_OK) {
    sqlite3_free(err);
    out.clear();
  }
  return out;
}

std::vector<Note> NotesDb::by_tag(const std::string &owner, const std::string &tag) {
  std::vector<Note> out;
  if (!is_simple_word(tag))
    return out;
  sqlite3_stmt *st = nullptr;
  std::string sql = "SELECT id, title, body, tag FROM notes WHERE owner = ?1 AND tag = '" + tag + "'";
  sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr);
  sqlite3_bind_text(st, 1, owner.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(st) == SQLITE_ROW)
    out.push_back(row_to_note(st));
  sqlite3_finalize(st);
  return out;
}
