#pragma once

#include "NotesDb.hpp"

#include "oatpp/core/macro/codegen.hpp"
#include "oatpp/core/macro/component.hpp"
#include "oatpp/web/server/api/ApiController.hpp"

#include <memory>
#include <sstream>

#include OATPP_CODEGEN_BEGIN(ApiController)

namespace util {
inline std::string htmlEscape(const std::string &in) {
  std::string out;
  for (char c : in) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#x27;"; break;
    default: out += c;
    }
  }
  return out;
}
} // namespace util

class NotesController : public oatpp::web::server::api::ApiController {
public:
  NotesController(const std::shared_ptr<NotesDb> &db, OATPP_COMPONENT(std::shared_ptr<ObjectMapper>, objectMapper))
      : oatpp::web::server::api::ApiController(objectMapper), m_db(db) {}

  static std::shared_ptr<NotesController> createShared(const std::shared_ptr<NotesDb> &db) {
    return std::make_shared<NotesController>(db);
  }

  ENDPOINT("GET", "/health", health) { return createResponse(Status::CODE_200, "OK"); }

  ENDPOINT("GET", "/notes/{id}", getNote, PATH(Int64, id)) {
    auto note = m_db->byId(*id);
    if (!note) return createResponse(Status::CODE_404, "no such note");
    auto res = createResponse(Status::CODE_200,
                              "<article><h1>" + util::htmlEscape(note->title) + "</h1><div>" +
                                  util::htmlEscape(note->body) + "</div></article>");
    res->putHeader(Header::CONTENT_TYPE, "text/html; charset=utf-8");
    return res;
  }

  ENDPOINT("GET", "/notes", searchNotes, HEADER(String, owner, "X-Owner"), QUERY(String, q)) {
    auto found = m_db->search(*owner, *q); // expect: appsec-sql-injection
    std::ostringstream html;
    html << "<p>" << found.size() << " notes matching <em>" << *q << "</em></p><ul>";
    for (const auto &n : found) html << "<li><a href=\"/notes/" << n.id << "\">" << util::htmlEscape(n.title) << "</a></li>";
    html << "</ul>";
    auto res = createResponse(Status::CODE_200, html.str()); // expect: appsec-xss
    res->putHeader(Header::CONTENT_TYPE, "text/html; charset=utf-8");
    return res;
  }

  ENDPOINT("POST", "/notes", createNote, HEADER(String, owner, "X-Owner"), QUERY(String, title),
           BODY_STRING(String, body)) {
    long id = m_db->create(*owner, *title, *body);
    if (id < 0) return createResponse(Status::CODE_500, "insert failed");
    auto res = createResponse(Status::CODE_201, std::to_string(id));
    res->putHeader("Location", "/notes/" + std::to_string(id));
    return res;
  }

  ENDPOINT("PUT", "/notes/{id}/title", renameNote, PATH(Int64, id), BODY_STRING(String, title)) {
    if (!m_db->rename(*id, *title)) return createResponse(Status::CODE_404, "no such note");
    return createResponse(Status::CODE_204, "");
  }

  ENDPOINT("GET", "/notes/{id}/export", exportNote, PATH(Int64, id), QUERY(String, filename, "filename", "note.txt")) {
    auto note = m_db->byId(*id);
    if (!note) return createResponse(Status::CODE_404, "no such note");
    auto res = createResponse(Status::CODE_200, note->title + "\n\n" + note->body);
    res->putHeader(Header::CONTENT_TYPE, "text/plain; charset=utf-8");
    res->putHeader("Content-Disposition", "attachment; filename=\"" + *filename + "\"");
    return res;
  }

private:
  std::shared_ptr<NotesDb> m_db;
};

#include OATPP_CODEGEN_END(ApiController)
