// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- --config="{CheckOptions: {appsec-jwt-missing-verification.ReportHandlers: always}}" -- -std=c++17 -isystem %mocks -I %inputs/drogon-controller
// Drogon 1.9 (mock): routes declared by METHOD_LIST in the controller's
// header, handlers defined here. The filtered route is covered by its
// filter (not visible here: trusted); the unfiltered one that returns a
// user's profile is reported where it is defined.
#include "NotesController.h"

std::string notesJson();
std::string profileJson(const std::string &id);
drogon::HttpResponsePtr jsonResponse(const std::string &body);

void NotesController::list(const drogon::HttpRequestPtr &req,
                           std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
  callback(jsonResponse(notesJson()));
}

void NotesController::profile(const drogon::HttpRequestPtr &req,
                              std::function<void(const drogon::HttpResponsePtr &)> &&callback,
                              std::string id) {
  // CHECK-MESSAGES: :[[@LINE-3]]:23: warning: Drogon handler for route '/api/users/{id}' serves requests without authenticating them{{.*}} [appsec-jwt-missing-verification]
  callback(jsonResponse(profileJson(id)));
}

void NotesController::about(const drogon::HttpRequestPtr &req,
                            std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
  callback(drogon::HttpResponse::newHttpResponse());
}
