#pragma once

#include <cpprest/http_listener.h>

#include <memory>
#include <string>

#include "todo_store.h"

class TodoHandlers {
public:
    explicit TodoHandlers(std::shared_ptr<TodoStore> store) : store_(std::move(store)) {}

    void attach(web::http::experimental::listener::http_listener& listener);

private:
    void handleGet(const web::http::http_request& req);
    void handlePost(const web::http::http_request& req);
    void handleDelete(const web::http::http_request& req);

    void listTodos(const web::http::http_request& req, const std::string& owner);
    void printView(const web::http::http_request& req, const std::string& owner);
    void saveIntegration(const web::http::http_request& req, const std::string& owner);

    std::shared_ptr<TodoStore> store_;
};
