// RUN: %check_appsec_tidy %s appsec-ssrf,appsec-xss,appsec-open-redirect,appsec-header-injection,appsec-command-injection,appsec-sql-injection,appsec-path-traversal,appsec-format-string %t -- -- -std=c++17 -isystem %mocks
// Oat++ 1.3 (mock: test/mocks/oatpp/): ENDPOINT parameters (PATH, QUERY,
// HEADER, BODY_STRING) are read from the request by the generated proxy
// method and are untrusted in the endpoint's body.
#include "oatpp/web/server/api/ApiController.hpp"

#include <cstdio>
#include <cstdlib>
#include <sqlite3.h>
#include <string>

sqlite3 *db;

[[clang::annotate("appsec::sanitizer:xss")]] oatpp::String escapeHtml(const oatpp::String &s);

#include OATPP_CODEGEN_BEGIN(ApiController)

class NotesController : public oatpp::web::server::api::ApiController {
public:
  NotesController(OATPP_COMPONENT(std::shared_ptr<ObjectMapper>, objectMapper))
      : oatpp::web::server::api::ApiController(objectMapper) {}

  ENDPOINT("GET", "/", root) { return createResponse(Status::CODE_200, "<h1>Notes</h1>"); }

  ENDPOINT("GET", "/notes/{title}", showNote, PATH(String, title)) {
    return createResponse(Status::CODE_200, "<h1>" + title + "</h1>");
    // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: untrusted HTTP request data from Request::getPathVariable() reaches ApiController::createResponse(), which sends it as a response body without a content type (browsers sniff HTML) (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
  }

  ENDPOINT("GET", "/safe/{title}", showSafe, PATH(String, title)) {
    return createResponse(Status::CODE_200, "<h1>" + escapeHtml(title) + "</h1>");
  }

  // Numbers: Int32 parameters are converted before the endpoint runs.
  ENDPOINT("GET", "/notes/by-id/{id}", byId, PATH(Int32, id)) {
    std::string q = "SELECT body FROM notes WHERE id = " + std::to_string(*id);
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    return createResponse(Status::CODE_200, "ok");
  }

  ENDPOINT("GET", "/go", go, QUERY(String, next), HEADER(String, trace, "X-Trace")) {
    auto response = createResponse(Status::CODE_302, "");
    response->putHeader("Location", next);
    // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: untrusted HTTP request data from Request::getQueryParameter() reaches Response::putHeader(), which writes it into a response header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
    // CHECK-MESSAGES: :[[@LINE-2]]:37: warning: untrusted HTTP request data from Request::getQueryParameter() reaches Response::putHeader(), which redirects the browser there (open redirect, CWE-601); {{.*}} [appsec-open-redirect]
    response->putHeader("X-Trace", trace);
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: untrusted HTTP request data from Request::getHeader() reaches Response::putHeader(), which writes it into a response header {{.*}} [appsec-header-injection]
    response->putHeader(Header::CONTENT_TYPE, "text/plain");
    return response;
  }

  ENDPOINT("POST", "/jobs/{name}", runJob, PATH(String, name), BODY_STRING(String, body)) {
    std::string cmd = "/usr/local/bin/job " + *name;
    std::system(cmd.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from Request::getPathVariable() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
    std::string q = "INSERT INTO jobs VALUES ('" + *body + "')";
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from Request::readBodyToString() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
    std::printf(body->c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: untrusted HTTP request data from Request::readBodyToString() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
    oatpp::String log = oatpp::String::loadFromFile(("/var/log/jobs/" + *name).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:80: warning: untrusted HTTP request data from Request::getPathVariable() reaches String::loadFromFile(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
    return createDtoResponse(Status::CODE_200, log);
  }
};

#include OATPP_CODEGEN_END(ApiController)
