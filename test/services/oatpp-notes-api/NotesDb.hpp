#pragma once

#include <libpq-fe.h>

#include <optional>
#include <string>
#include <vector>

struct Note {
  long id = 0;
  std::string owner;
  std::string title;
  std::string body;
};

class NotesDb {
public:
  explicit NotesDb(const std::string &conninfo);
  ~NotesDb();

  std::optional<Note> byId(long id);
  std::vector<Note> search(const std::string &owner, const std::string &term);
  long create(const std::string &owner, const std::string &title, const std::string &body);
  bool rename(long id, const std::string &title);

private:
  std::vector<Note> rows(PGresult *res);
  PGconn *m_conn;
};
