#include "notes_db.h"

#include <sqlite3.h>

#include <stdexcept>

namespace {

std::string column(sqlite3_stmt* st, int i)
{
    auto* txt = sqlite3_column_text(st, i);
    return txt ? reinterpret_cast<const char*>(txt) : "";
}

Note readRow(sqlite3_stmt* st)
{
    Note n;
    n.id = sqlite3_column_int64(st, 0);
    n.owner = column(st, 1);
    n.title = column(st, 2);
    n.body = column(st, 3);
    n.tag = column(st, 4);
    return n;
}

} // namespace

NotesDb::NotesDb(const std::string& path)
{
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK)
        throw std::runtime_error("cannot open notes db");
    sqlite3_exec(db_,
                 "CREATE TABLE IF NOT EXISTS notes(id INTEGER PRIMARY KEY, owner TEXT, "
                 "title TEXT, body TEXT, tag TEXT)",
                 nullptr, nullptr, nullptr);
}

NotesDb::~NotesDb() { sqlite3_close(db_); }

std::vector<Note> NotesDb::collect(const std::string& sql, const std::string& bindFirst)
{
    std::vector<Note> out;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
        return out;
    if (!bindFirst.empty())
        sqlite3_bind_text(st, 1, bindFirst.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW)
        out.push_back(readRow(st));
    sqlite3_finalize(st);
    return out;
}

std::optional<Note> NotesDb::findById(long id)
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, "SELECT id, owner, title, body, tag FROM notes WHERE id = ?", -1, &st,
                       nullptr);
    sqlite3_bind_int64(st, 1, id);
    std::optional<Note> result;
    if (sqlite3_step(st) == SQLITE_ROW)
        result = readRow(st);
    sqlite3_finalize(st);
    return result;
}

std::vector<Note> NotesDb::search(const std::string& owner, const std::string& text)
{
    std::string sql = "SELECT id, owner, title, body, tag FROM notes WHERE owner = ? AND body LIKE '%";
    sql += text;
    sql += "%' ORDER BY id DESC LIMIT 50";
    return collect(sql, owner);
}

std::vector<Note> NotesDb::byTag(const std::string& tag)
{
    return collect("SELECT id, owner, title, body, tag FROM notes WHERE tag = '" + tag + "'");
}

long NotesDb::insert(const Note& note)
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO notes(owner, title, body, tag) VALUES(?, ?, ?, ?)", -1,
                       &st, nullptr);
    sqlite3_bind_text(st, 1, note.owner.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, note.title.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, note.body.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, note.tag.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return static_cast<long>(sqlite3_last_insert_rowid(db_));
}

bool NotesDb::removeByTitle(const std::string& owner, const std::string& title)
{
    std::string sql = "DELETE FROM notes WHERE owner = '" + owner + "' AND title = '" + title + "'";
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    sqlite3_free(err);
    return rc == SQLITE_OK && sqlite3_changes(db_) > 0;
}
