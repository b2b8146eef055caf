#include "todo_handlers.h"

#include <cpprest/json.h>
#include <cpprest/uri.h>

#include <iostream>
#include <optional>
#include <set>

using namespace web;
using namespace web::http;

namespace {

std::optional<std::string> ownerOf(const http_request& req)
{
    // the ingress sets X-Auth-User after validating the session
    auto it = req.headers().find("X-Auth-User");
    if (it == req.headers().end() || it->second.empty())
        return std::nullopt;
    return it->second;
}

json::value toJson(const Todo& t)
{
    json::value v;
    v["id"] = json::value::number(t.id);
    v["title"] = json::value::string(t.title);
    v["status"] = json::value::string(t.status);
    v["tag"] = json::value::string(t.tag);
    return v;
}

json::value toJson(const std::vector<Todo>& todos)
{
    auto arr = json::value::array(todos.size());
    for (size_t i = 0; i < todos.size(); ++i)
        arr[i] = toJson(todos[i]);
    return arr;
}

std::string escape(const std::string& s)
{
    std::string r;
    for (char c : s) {
        switch (c) {
        case '&': r.append("&amp;"); break;
        case '<': r.append("&lt;"); break;
        case '>': r.append("&gt;"); break;
        case '"': r.append("&quot;"); break;
        case '\'': r.append("&#39;"); break;
        default: r.push_back(c);
        }
    }
    return r;
}

std::string orderColumn(const std::string& requested)
{
    if (requested == "title")
        return "title";
    if (requested == "status")
        return "status, id";
    if (requested == "newest")
        return "id DESC";
    return "id";
}

} // namespace

void TodoHandlers::attach(experimental::listener::http_listener& listener)
{
    listener.support(methods::GET, [this](http_request req) { handleGet(req); });
    listener.support(methods::POST, [this](http_request req) { handlePost(req); });
    listener.support(methods::DEL, [this](http_request req) { handleDelete(req); });
}

void TodoHandlers::handleGet(const http_request& req)
{
    auto owner = ownerOf(req);
    if (!owner) {
        req.reply(status_codes::Unauthorized);
        return;
    }
    auto path = req.relative_uri().path();
    if (path == "/todos")
        listTodos(req, *owner);
    else if (path == "/todos/print")
        printView(req, *owner);
    else
        req.reply(status_codes::NotFound);
}

void TodoHandlers::listTodos(const http_request& req, const std::string& owner)
{
    auto query = uri::split_query(uri::decode(req.relative_uri().query()));
    if (auto tags = query.find("tags"); tags != query.end()) {
        std::vector<std::string> list;
        std::string cur;
        for (char c : tags->second + ",") {
            if (c == ',') {
                if (!cur.empty())
                    list.push_back(cur);
                cur.clear();
            } else {
                cur += c;
            }
        }
        req.reply(status_codes::OK, toJson(store_->withTags(owner, list))); // expect: appsec-sql-injection
        return;
    }
    if (auto title = query.find("title"); title != query.end()) {
        req.reply(status_codes::OK, toJson(store_->findTitle(owner, title->second)));
        return;
    }
    auto sort = query.count("sort") ? query["sort"] : "";
    req.reply(status_codes::OK, toJson(store_->list(owner, orderColumn(sort))));
}

void TodoHandlers::printView(const http_request& req, const std::string& owner)
{
    auto query = uri::split_query(req.relative_uri().query());
    std::string heading = query.count("heading") ? uri::decode(query["heading"]) : "My todos";
    std::string html = "<html><head><title>Todos</title></head><body><h1>" + heading + "</h1><ol>";
    for (const auto& t : store_->list(owner, "id"))
        html += "<li class=\"" + escape(t.status) + "\">" + escape(t.title) + "</li>";
    html += "</ol></body></html>";
    req.reply(status_codes::OK, html, "text/html; charset=utf-8"); // expect: appsec-xss
}

void TodoHandlers::handlePost(const http_request& req)
{
    auto owner = ownerOf(req);
    if (!owner) {
        req.reply(status_codes::Unauthorized);
        return;
    }
    if (req.relative_uri().path() == "/integrations") {
        saveIntegration(req, *owner);
        return;
    }
    static const std::set<std::string> statuses = {"open", "doing", "done"};
    json::value body;
    try {
        body = req.extract_json().get();
    } catch (const json::json_exception&) {
        req.reply(status_codes::BadRequest, "invalid json");
        return;
    }
    if (!body.has_string_field("title")) {
        req.reply(status_codes::BadRequest, "title required");
        return;
    }
    Todo t;
    t.title = body.at("title").as_string();
    t.status = body.has_string_field("status") && statuses.count(body.at("status").as_string())
                   ? body.at("status").as_string()
                   : "open";
    t.tag = body.has_string_field("tag") ? body.at("tag").as_string() : "";
    t.id = store_->add(*owner, t);
    req.reply(status_codes::Created, toJson(t));
}

void TodoHandlers::saveIntegration(const http_request& req, const std::string& owner)
{
    auto body = req.extract_json().get();
    auto service = body.has_string_field("service") ? body.at("service").as_string() : "";
    if (service != "github" && service != "jira" && service != "slack") {
        req.reply(status_codes::BadRequest, "unsupported service");
        return;
    }
    store_->saveIntegration(owner, service, body.at("token").as_string()); // expect: appsec-plaintext-storage
    req.reply(status_codes::NoContent);
}

void TodoHandlers::handleDelete(const http_request& req)
{
    auto owner = ownerOf(req);
    if (!owner) {
        req.reply(status_codes::Unauthorized);
        return;
    }
    auto body = req.extract_json().get();
    std::vector<int64_t> ids;
    if (body.has_array_field("ids"))
        for (const auto& v : body.at("ids").as_array())
            if (v.is_integer())
                ids.push_back(v.as_number().to_int64());
    int removed = ids.empty() ? 0 : store_->removeIds(*owner, ids);
    json::value out;
    out["removed"] = removed;
    req.reply(status_codes::OK, out);
}
