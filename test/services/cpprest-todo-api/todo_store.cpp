#include "todo_store.h"

#include <sqlite3.h>

#include <sstream>
#include <stdexcept>

TodoStore::TodoStore(const std::string& file)
{
    if (sqlite3_open(file.c_str(), &db_) != SQLITE_OK)
        throw std::runtime_error(sqlite3_errmsg(db_));
    sqlite3_exec(db_,
                 "CREATE TABLE IF NOT EXISTS todos(id INTEGER PRIMARY KEY, owner TEXT, title TEXT, "
                 "status TEXT, tag TEXT);"
                 "CREATE TABLE IF NOT EXISTS integrations(owner TEXT, service TEXT, token TEXT);",
                 nullptr, nullptr, nullptr);
}

TodoStore::~TodoStore() { sqlite3_close(db_); }

std::vector<Todo> TodoStore::query(const char* sql)
{
    std::vector<Todo> rows;
    sqlite3_exec(
        db_, sql,
        [](void* ctx, int, char** vals, char**) {
            auto* out = static_cast<std::vector<Todo>*>(ctx);
            Todo t;
            t.id = std::stoll(vals[0] ? vals[0] : "0");
            t.title = vals[1] ? vals[1] : "";
            t.status = vals[2] ? vals[2] : "";
            t.tag = vals[3] ? vals[3] : "";
            out->push_back(std::move(t));
            return 0;
        },
        &rows, nullptr);
    return rows;
}

std::vector<Todo> TodoStore::list(const std::string& owner, const std::string& orderBy)
{
    char* sql = sqlite3_mprintf("SELECT id, title, status, tag FROM todos WHERE owner = '%q' ORDER BY %s",
                                owner.c_str(), orderBy.c_str());
    auto rows = query(sql);
    sqlite3_free(sql);
    return rows;
}

std::vector<Todo> TodoStore::withTags(const std::string& owner, const std::vector<std::string>& tags)
{
    std::ostringstream sql;
    sql << "SELECT id, title, status, tag FROM todos WHERE owner = '" << owner << "' AND tag IN (";
    for (size_t i = 0; i < tags.size(); ++i)
        sql << (i ? "," : "") << "'" << tags[i] << "'";
    sql << ")";
    return query(sql.str().c_str());
}

std::vector<Todo> TodoStore::findTitle(const std::string& owner, const std::string& title)
{
    char* sql = sqlite3_mprintf("SELECT id, title, status, tag FROM todos WHERE owner = '%q' AND title = '%q'",
                                owner.c_str(), title.c_str());
    auto rows = query(sql);
    sqlite3_free(sql);
    return rows;
}

int64_t TodoStore::add(const std::string& owner, const Todo& todo)
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO todos(owner, title, status, tag) VALUES(?,?,?,?)", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, owner.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, todo.title.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, todo.status.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, todo.tag.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return sqlite3_last_insert_rowid(db_);
}

int TodoStore::removeIds(const std::string& owner, const std::vector<int64_t>& ids)
{
    std::string sql = "DELETE FROM todos WHERE owner = ? AND id IN (";
    for (size_t i = 0; i < ids.size(); ++i)
        sql += (i ? "," : "") + std::to_string(ids[i]);
    sql += ")";
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, owner.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return sqlite3_changes(db_);
}

void TodoStore::saveIntegration(const std::string& owner, const std::string& service, const std::string& token)
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO integrations(owner, service, token) VALUES(?,?,?)", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, owner.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, service.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, token.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(st);
    sqlite3_finalize(st);
}
