#pragma once

#include <optional>
#include <string>
#include <vector>

struct sqlite3;

struct Note {
    long id = 0;
    std::string owner;
    std::string title;
    std::string body;
    std::string tag;
};

class NotesDb {
public:
    explicit NotesDb(const std::string& path);
    ~NotesDb();

    NotesDb(const NotesDb&) = delete;
    NotesDb& operator=(const NotesDb&) = delete;

    std::optional<Note> findById(long id);
    std::vector<Note> search(const std::string& owner, const std::string& text);
    std::vector<Note> byTag(const std::string& tag);
    long insert(const Note& note);
    bool removeByTitle(const std::string& owner, const std::string& title);

private:
    std::vector<Note> collect(const std::string& sql, const std::string& bindFirst = {});
    sqlite3* db_ = nullptr;
};
