#pragma once

#include <drogon/HttpController.h>

#include <functional>
#include <string>

struct sqlite3;

using namespace drogon;

class TicketsController : public drogon::HttpController<TicketsController> {
public:
  METHOD_LIST_BEGIN
  ADD_METHOD_TO(TicketsController::list, "/api/tickets", Get, "JwtFilter");
  ADD_METHOD_TO(TicketsController::create, "/api/tickets", Post, "JwtFilter");
  ADD_METHOD_TO(TicketsController::close, "/api/tickets/{1}/close", Put, "JwtFilter");
  ADD_METHOD_TO(TicketsController::attachment, "/api/tickets/{1}/attachments/{2}", Get, "JwtFilter");
  METHOD_LIST_END

  using Callback = std::function<void(const HttpResponsePtr &)>;
  void list(const HttpRequestPtr &req, Callback &&cb);
  void create(const HttpRequestPtr &req, Callback &&cb);
  void close(const HttpRequestPtr &req, Callback &&cb, int ticketId);
  void attachment(const HttpRequestPtr &req, Callback &&cb, int ticketId, const std::string &name);

  static void open(const std::string &dbPath, const std::string &attachmentDir);

private:
  static sqlite3 *db_;
  static std::string attachmentDir_;
};
