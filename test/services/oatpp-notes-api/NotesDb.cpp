#include "NotesDb.hpp"

#include <cstdlib>
#include <stdexcept>

NotesDb::NotesDb(const std::string &conninfo) : m_conn(PQconnectdb(conninfo.c_str())) {
  if (PQstatus(m_conn) != CONNECTION_OK)
    throw std::runtime_error(PQerrorMessage(m_conn));
}

NotesDb::~NotesDb() { PQfinish(m_conn); }

std::vector<Note> NotesDb::rows(PGresult *res) {
  std::vector<Note> out;
  if (PQresultStatus(res) == PGRES_TUPLES_OK) {
    for (int i = 0; i < PQntuples(res); ++i) {
      Note n;
      n.id = std::atol(PQgetvalue(res, i, 0));
      n.owner = PQgetvalue(res, i, 1);
      n.title = PQgetvalue(res, i, 2);
      n.body = PQgetvalue(res, i, 3);
      out.push_back(std::move(n));
    }
  }
  PQclear(res);
  return out;
}

std::optional<Note> NotesDb::byId(long id) {
  std::string idStr = std::to_string(id);
  const char *params[] = {idStr.c_str()};
  auto res = PQexecParams(m_conn, "SELECT id, owner, title, body FROM notes WHERE id = $1", 1, nullptr, params,
                          nullptr, nullptr, 0);
  auto list = rows(res);
  if (list.empty()) return std::nullopt;
  return list.front();
}

std::vector<Note> NotesDb::search(const std::string &owner, const std::string &term) {
  std::string sql = "SELECT id, owner, title, body FROM notes WHERE owner = '" + owner +
                    "' AND (title ILIKE '%" + term + "%' OR body ILIKE '%" + term + "%') ORDER BY id DESC LIMIT 50";
  return rows(PQexec(m_conn, sql.c_str()));
}

long NotesDb::create(const std::string &owner, const std::string &title, const std::string &body) {
  const char *params[] = {owner.c_str(), title.c_str(), body.c_str()};
  auto res = PQexecParams(m_conn, "INSERT INTO notes (owner, title, body) VALUES ($1, $2, $3) RETURNING id", 3,
                          nullptr, params, nullptr, nullptr, 0);
  long id = PQresultStatus(res) == PGRES_TUPLES_OK ? std::atol(PQgetvalue(res, 0, 0)) : -1;
  PQclear(res);
  return id;
}

bool NotesDb::rename(long id, const std::string &title) {
  char *escaped = PQescapeLiteral(m_conn, title.c_str(), title.size());
  if (!escaped) return false;
  std::string sql = "UPDATE notes SET title = " + std::string(escaped) + " WHERE id = " + std::to_string(id);
  PQfreemem(escaped);
  auto res = PQexec(m_conn, sql.c_str());
  bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  PQclear(res);
  return ok;
}
