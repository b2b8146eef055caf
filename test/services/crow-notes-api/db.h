#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

struct Note {
  int64_t id = 0;
  std::string title;
  std::string body;
  std::string tag;
};

class NotesDb {
public:
  explicit NotesDb(const std::string &path);
  ~NotesDb();
  NotesDb(const NotesDb &) = delete;
  NotesDb &operator=(const NotesDb &) = delete;

  std::vector<Note> list(const std::string &owner);
  int64_t create(const std::string &owner, const Note &note);
  std::vector<Note> search(const std::string &owner, const std::string &term,
                           const std::string &sort);
  std::vector<Note> by_tag(const std::string &owner, const std::string &tag);

private:
  sqlite3 *db_ = nullptr;
};
