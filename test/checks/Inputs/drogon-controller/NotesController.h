// A Drogon controller whose routes are declared in its header, as Drogon's
// generator and most services write them; the methods are defined in the
// .cpp that includes it (test/checks/jwt-handlers-drogon-controller.cpp).
#pragma once
#include <drogon/HttpController.h>

#include <functional>
#include <string>

class NotesController : public drogon::HttpController<NotesController> {
public:
  METHOD_LIST_BEGIN
  ADD_METHOD_TO(NotesController::list, "/api/notes", drogon::Get, "JwtFilter");
  ADD_METHOD_TO(NotesController::profile, "/api/users/{id}", drogon::Get);
  ADD_METHOD_TO(NotesController::about, "/about", drogon::Get);
  METHOD_LIST_END

  void list(const drogon::HttpRequestPtr &req,
            std::function<void(const drogon::HttpResponsePtr &)> &&callback);
  void profile(const drogon::HttpRequestPtr &req,
               std::function<void(const drogon::HttpResponsePtr &)> &&callback, std::string id);
  void about(const drogon::HttpRequestPtr &req,
             std::function<void(const drogon::HttpResponsePtr &)> &&callback);
};
