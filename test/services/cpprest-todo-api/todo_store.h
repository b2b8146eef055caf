#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

struct Todo {
    int64_t id = 0;
    std::string title;
    std::string status;
    std::string tag;
};

class TodoStore {
public:
    explicit TodoStore(const std::string& file);
    ~TodoStore();

    std::vector<Todo> list(const std::string& owner, const std::string& orderBy);
    std::vector<Todo> withTags(const std::string& owner, const std::vector<std::string>& tags);
    std::vector<Todo> findTitle(const std::string& owner, const std::string& title);
    int64_t add(const std::string& owner, const Todo& todo);
    int removeIds(const std::string& owner, const std::vector<int64_t>& ids);
    void saveIntegration(const std::string& owner, const std::string& service, const std::string& token);

private:
    std::vector<Todo> query(const char* sql);
    sqlite3* db_ = nullptr;
};
