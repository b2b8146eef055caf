#include "notes_service.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <optional>
#include <regex>
#include <sstream>

using namespace Pistache;
using json = nlohmann::json;

namespace {

std::string htmlEscape(std::string_view in)
{
    std::string out;
    out.reserve(in.size());
    for (char c : in) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::optional<long> parseId(const std::string& raw)
{
    try {
        size_t pos = 0;
        long v = std::stol(raw, &pos);
        if (pos != raw.size() || v <= 0)
            return std::nullopt;
        return v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

json toJson(const Note& n)
{
    return {{"id", n.id}, {"title", n.title}, {"body", n.body}, {"tag", n.tag}};
}

} // namespace

NotesService::NotesService(ServiceConfig cfg, std::shared_ptr<NotesDb> db)
    : cfg_(std::move(cfg)), db_(std::move(db))
{
}

void NotesService::setupRoutes(Rest::Router& router)
{
    using namespace Rest;
    Routes::Get(router, "/notes/:id", Routes::bind(&NotesService::getNote, this));
    Routes::Post(router, "/notes", Routes::bind(&NotesService::createNote, this));
    Routes::Get(router, "/search", Routes::bind(&NotesService::searchNotes, this));
    Routes::Get(router, "/tags/:tag", Routes::bind(&NotesService::notesByTag, this));
    Routes::Delete(router, "/notes", Routes::bind(&NotesService::deleteNote, this));
    Routes::Get(router, "/attachments/:name", Routes::bind(&NotesService::attachment, this));
}

std::string NotesService::currentUser(const Rest::Request& req) const
{
    // set by the auth gateway in front of us
    auto raw = req.headers().tryGetRaw("X-Forwarded-User");
    return raw ? raw->value() : "anonymous";
}

void NotesService::getNote(const Rest::Request& req, Http::ResponseWriter resp)
{
    auto id = parseId(req.param(":id").as<std::string>());
    if (!id) {
        resp.send(Http::Code::Bad_Request, "invalid id");
        return;
    }
    auto note = db_->findById(*id);
    if (!note) {
        resp.send(Http::Code::Not_Found, "no such note");
        return;
    }
    std::ostringstream html;
    html << "<html><body><h1>" << htmlEscape(note->title) << "</h1><pre>"
         << htmlEscape(note->body) << "</pre></body></html>";
    resp.send(Http::Code::Ok, html.str(), MIME(Text, Html));
}

void NotesService::createNote(const Rest::Request& req, Http::ResponseWriter resp)
{
    auto body = json::parse(req.body(), nullptr, false);
    if (body.is_discarded() || !body.contains("title")) {
        resp.send(Http::Code::Bad_Request, "expected json with title");
        return;
    }
    Note n;
    n.owner = currentUser(req);
    n.title = body.value("title", "");
    n.body = body.value("body", "");
    n.tag = body.value("tag", "misc");
    auto id = db_->insert(n);
    resp.send(Http::Code::Created, json{{"id", id}}.dump(), MIME(Application, Json));
}

void NotesService::searchNotes(const Rest::Request& req, Http::ResponseWriter resp)
{
    auto q = req.query().get("q").value_or("");
    auto results = db_->search(currentUser(req), q); // expect: appsec-sql-injection
    if (results.empty()) {
        std::string page = "<p>No notes matching <b>" + q + "</b></p>";
        resp.send(Http::Code::Ok, page, MIME(Text, Html)); // expect: appsec-xss
        return;
    }
    json arr = json::array();
    for (const auto& n : results)
        arr.push_back(toJson(n));
    resp.send(Http::Code::Ok, arr.dump(), MIME(Application, Json));
}

void NotesService::notesByTag(const Rest::Request& req, Http::ResponseWriter resp)
{
    static const std::regex tagRe("^[a-z0-9_-]{1,32}$");
    auto tag = req.param(":tag").as<std::string>();
    if (!std::regex_match(tag, tagRe)) {
        resp.send(Http::Code::Bad_Request, "bad tag");
        return;
    }
    json arr = json::array();
    for (const auto& n : db_->byTag(tag))
        arr.push_back(toJson(n));
    resp.send(Http::Code::Ok, arr.dump(), MIME(Application, Json));
}

void NotesService::deleteNote(const Rest::Request& req, Http::ResponseWriter resp)
{
    auto title = req.query().get("title");
    if (!title) {
        resp.send(Http::Code::Bad_Request, "title required");
        return;
    }
    bool removed = db_->removeByTitle(currentUser(req), *title); // expect: appsec-sql-injection
    resp.send(removed ? Http::Code::No_Content : Http::Code::Not_Found);
}

void NotesService::attachment(const Rest::Request& req, Http::ResponseWriter resp)
{
    auto name = req.param(":name").as<std::string>();
    std::ifstream in(cfg_.attachmentDir + "/" + name, std::ios::binary); // expect: appsec-path-traversal
    if (!in) {
        resp.send(Http::Code::Not_Found);
        return;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    resp.send(Http::Code::Ok, buf.str(), MIME(Application, OctetStream));
}
