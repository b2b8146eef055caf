#include "auth.h"
#include "db.h"

#include <crow.h>

#include <cstdlib>
#include <memory>
#include <string>

namespace {

std::string html_escape(std::string_view in) {
  std::string out;
  for (char c : in) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else if (c == '"') out += "&quot;";
    else if (c == '\'') out += "&#39;";
    else out += c;
  }
  return out;
}

crow::json::wvalue to_json(const std::vector<Note> &notes) {
  crow::json::wvalue out;
  unsigned i = 0;
  for (const auto &[id, title, body, tag] : notes)
    out["notes"][i++] = crow::json::wvalue{
        {"id", static_cast<int64_t>(id)}, {"title", title}, {"body", body}, {"tag", tag}};
  return out;
}

using NotesApp = crow::App<TokenAuth>;

void register_routes(NotesApp &app, std::shared_ptr<NotesDb> db) {
  CROW_ROUTE(app, "/health")([] { return "ok"; });

  CROW_ROUTE(app, "/api/notes")([&app, db](const crow::request &req) { // expect: appsec-jwt-missing-verification
    auto &auth = app.get_context<TokenAuth>(req);
    return crow::response(to_json(db->list(auth.user_id)));
  });

  CROW_ROUTE(app, "/api/notes").methods("POST"_method)([&app, db](const crow::request &req) { // expect: appsec-jwt-missing-verification
    auto &auth = app.get_context<TokenAuth>(req);
    auto body = crow::json::load(req.body);
    if (!body || !body.has("title"))
      return crow::response(400, "invalid note");
    Note note;
    note.title = std::string(body["title"].s());
    note.body = body.has("body") ? std::string(body["body"].s()) : "";
    note.tag = body.has("tag") ? std::string(body["tag"].s()) : "";
    auto id = db->create(auth.user_id, note);
    if (id < 0)
      return crow::response(500);
    crow::json::wvalue out{{"id", static_cast<int64_t>(id)}};
    return crow::response(201, out);
  });

  CROW_ROUTE(app, "/api/notes/search")([&app, db](const crow::request &req) { // expect: appsec-jwt-missing-verification
    auto &auth = app.get_context<TokenAuth>(req);
    const char *q = req.url_params.get("q");
    const char *sort = req.url_params.get("sort");
    if (!q)
      return crow::response(400, "missing q");
    return crow::response(to_json(db->search(auth.user_id, q, sort ? sort : "created"))); // expect: appsec-sql-injection
  });

  CROW_ROUTE(app, "/api/tags/<string>")([&app, db](const crow::request &req, std::string tag) { // expect: appsec-jwt-missing-verification
    auto &auth = app.get_context<TokenAuth>(req);
    return crow::response(to_json(db->by_tag(auth.user_id, tag)));
  });

  // live markdown-ish preview while typing
  CROW_ROUTE(app, "/notes/preview").methods("POST"_method)([](const crow::request &req) { // expect: appsec-jwt-missing-verification
    auto params = req.get_body_params();
    const char *text = params.get("text");
    const char *heading = params.get("heading");
    std::string html = "<html><body>";
    if (heading)
      html += "<h2>" + std::string(heading) + "</h2>";
    html += "<div class=\"preview\">" + html_escape(text ? text : "") + "</div></body></html>";
    crow::response res;
    res.write(html); // expect: appsec-xss
    return res;
  });
}

} // namespace

int main() {
  const char *db_path = std::getenv("NOTES_DB");
  auto db = std::make_shared<NotesDb>(db_path ? db_path : "notes.db");

  NotesApp app;
  register_routes(app, db);
  app.port(8080).multithreaded().run();
}
