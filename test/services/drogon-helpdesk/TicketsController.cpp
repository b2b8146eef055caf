#include "TicketsController.h"

#include <sqlite3.h>
#include <syslog.h>

#include <map>
#include <stdexcept>

sqlite3 *TicketsController::db_ = nullptr;
std::string TicketsController::attachmentDir_;

namespace {

const std::map<std::string, std::string> kStatusFilter = {
    {"open", "status = 'open'"},
    {"pending", "status = 'pending'"},
    {"closed", "status = 'closed'"},
    {"all", "1 = 1"},
};

std::string text(sqlite3_stmt *st, int col) {
  auto *p = sqlite3_column_text(st, col);
  return p ? reinterpret_cast<const char *>(p) : "";
}

HttpResponsePtr bad(const std::string &msg) {
  auto resp = HttpResponse::newHttpResponse(k400BadRequest, CT_TEXT_PLAIN);
  resp->setBody(msg);
  return resp;
}

} // namespace

void TicketsController::open(const std::string &dbPath, const std::string &attachmentDir) {
  if (sqlite3_open(dbPath.c_str(), &db_) != SQLITE_OK)
    throw std::runtime_error("cannot open ticket db");
  attachmentDir_ = attachmentDir;
  openlog("helpdesk", LOG_PID, LOG_USER);
}

void TicketsController::list(const HttpRequestPtr &req, Callback &&cb) {
  auto status = req->getOptionalParameter<std::string>("status").value_or("open");
  auto where = kStatusFilter.find(status);
  if (where == kStatusFilter.end())
    return cb(bad("unknown status"));

  std::string sql = "SELECT id, subject, requester, status FROM tickets WHERE " + where->second;
  const auto &q = req->getParameter("q");
  if (!q.empty())
    sql += " AND subject LIKE '%" + q + "%'";
  sql += " ORDER BY id DESC LIMIT 100";

  sqlite3_stmt *st = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) // expect: appsec-sql-injection
    return cb(bad("query failed"));
  Json::Value rows(Json::arrayValue);
  while (sqlite3_step(st) == SQLITE_ROW) {
    Json::Value row;
    row["id"] = sqlite3_column_int(st, 0);
    row["subject"] = text(st, 1);
    row["requester"] = text(st, 2);
    row["status"] = text(st, 3);
    rows.append(row);
  }
  sqlite3_finalize(st);
  cb(HttpResponse::newHttpJsonResponse(rows));
}

void TicketsController::create(const HttpRequestPtr &req, Callback &&cb) {
  auto json = req->getJsonObject();
  if (!json || !(*json)["subject"].isString())
    return cb(bad("subject required"));
  const auto subject = (*json)["subject"].asString();
  const auto body = json->get("body", "").asString();
  const auto &user = req->getHeader("x-helpdesk-user");

  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(db_,
                     "INSERT INTO tickets(subject, body, requester, status) VALUES(?, ?, ?, 'open')",
                     -1, &st, nullptr);
  sqlite3_bind_text(st, 1, subject.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 2, body.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 3, user.c_str(), -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step(st);
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE)
    return cb(bad("insert failed"));

  auto id = sqlite3_last_insert_rowid(db_);
  std::string audit = "ticket " + std::to_string(id) + " opened: " + subject;
  syslog(LOG_INFO, audit.c_str()); // expect: appsec-format-string

  Json::Value out;
  out["id"] = static_cast<Json::Int64>(id);
  auto resp = HttpResponse::newHttpJsonResponse(out);
  resp->setStatusCode(k201Created);
  cb(resp);
}

void TicketsController::close(const HttpRequestPtr &req, Callback &&cb, int ticketId) {
  if (req->getHeader("x-helpdesk-agent").empty())
    return cb(HttpResponse::newHttpResponse(k403Forbidden, CT_TEXT_PLAIN));
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(db_, "UPDATE tickets SET status = 'closed' WHERE id = ?", -1, &st, nullptr);
  sqlite3_bind_int(st, 1, ticketId);
  sqlite3_step(st);
  sqlite3_finalize(st);
  const auto &agent = req->getHeader("x-helpdesk-user");
  syslog(LOG_INFO, "ticket %d closed by %s", ticketId, agent.c_str());
  cb(HttpResponse::newHttpResponse(k204NoContent, CT_NONE));
}

void TicketsController::attachment(const HttpRequestPtr &req, Callback &&cb, int ticketId,
                                   const std::string &name) {
  auto path = attachmentDir_ + "/" + std::to_string(ticketId) + "/" + name;
  auto resp = HttpResponse::newFileResponse(path, name, CT_APPLICATION_OCTET_STREAM, "", req); // expect: appsec-path-traversal
  cb(resp);
}
