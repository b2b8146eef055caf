// RUN: %check_appsec_tidy %s appsec-ssrf,appsec-xss,appsec-open-redirect,appsec-header-injection,appsec-command-injection,appsec-sql-injection,appsec-path-traversal,appsec-format-string %t -- -- -std=c++17 -isystem %mocks
// Drogon 1.9 (mock: test/mocks/drogon/): HttpController methods,
// HttpSimpleController overrides and registerHandler lambdas; request
// accessors and route parameters as untrusted input; the web sinks.
#include <drogon/drogon.h>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <sqlite3.h>
#include <string>

using namespace drogon;

sqlite3 *db;

class NotesController : public drogon::HttpController<NotesController> {
public:
  METHOD_LIST_BEGIN
  ADD_METHOD_TO(NotesController::show, "/notes/{title}", Get);
  METHOD_ADD(NotesController::byId, "/{id}", Get);
  ADD_METHOD_TO(NotesController::attachment, "/attachments/{name}", Get);
  METHOD_LIST_END

  // A route parameter in an HTML page (newHttpResponse is text/html).
  void show(const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback,
            const std::string &title) const {
    auto resp = HttpResponse::newHttpResponse();
    resp->setBody("<h1>" + title + "</h1>");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted HTTP request data from 'title' reaches HttpResponse::setBody(), which sends it as a response body (text/html by default) (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
    resp->setBody("<h1>" + HttpViewData::htmlTranslate(title) + "</h1>");
    // JSON: Drogon's writer escapes strings.
    Json::Value json;
    json["title"] = title;
    callback(HttpResponse::newHttpJsonResponse(json));
    (void)req;
  }

  // Numbers cannot carry markup or SQL.
  void byId(const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback,
            int id) const {
    std::string q = "SELECT body FROM notes WHERE id = " + std::to_string(id);
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    auto resp = HttpResponse::newHttpResponse();
    resp->setBody("<p>note " + std::to_string(id) + "</p>");
    callback(resp);
    (void)req;
  }

  void attachment(const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback,
                  std::string name) const {
    callback(HttpResponse::newFileResponse("/srv/attachments/" + name));
    // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: untrusted HTTP request data from 'name' reaches HttpResponse::newFileResponse(), which serves the file it names (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
    (void)req;
  }
};

class LoginDone : public drogon::HttpSimpleController<LoginDone> {
public:
  PATH_LIST_BEGIN
  PATH_ADD("/login/done", Get);
  PATH_LIST_END

  void asyncHandleHttpRequest(const HttpRequestPtr &req,
                              std::function<void(const HttpResponsePtr &)> &&callback) override {
    const std::string &next = req->getParameter("next");
    callback(HttpResponse::newRedirectionResponse(next));
    // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: untrusted HTTP request data from HttpRequest::getParameter() reaches HttpResponse::newRedirectionResponse(), which redirects the browser there (open redirect, CWE-601); {{.*}} [appsec-open-redirect]
    static const std::set<std::string> allowed{"/", "/notes"};
    if (allowed.count(next))
      callback(HttpResponse::newRedirectionResponse(next));
    callback(HttpResponse::newRedirectionResponse("https://app.example.com/notes/" + next));
    auto resp = HttpResponse::newHttpResponse();
    resp->addHeader("Location", req->getHeader("Referer"));
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: untrusted HTTP request data from HttpRequest::getHeader() reaches HttpResponse::addHeader(), which writes it into a response header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
    // CHECK-MESSAGES: :[[@LINE-2]]:38: warning: untrusted HTTP request data from HttpRequest::getHeader() reaches HttpResponse::addHeader(), which redirects the browser there {{.*}} [appsec-open-redirect]
    // Drogon writes header values out as given: CR/LF splits the response.
    resp->addHeader("X-Trace", req->getParameter("trace"));
    // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: untrusted HTTP request data from HttpRequest::getParameter() reaches HttpResponse::addHeader(), which writes it into a response header {{.*}} [appsec-header-injection]
    resp->addHeader("X-Trace", drogon::utils::urlEncodeComponent(req->getParameter("trace")));
    resp->addCookie("last_search", req->getParameter("q"));
    // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: untrusted HTTP request data from HttpRequest::getParameter() reaches HttpResponse::addCookie(), which writes it into a Set-Cookie header {{.*}} [appsec-header-injection]
    callback(resp);
  }
};

void register_routes() {
  app().registerHandler(
      "/fetch?url={}",
      [](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback,
         const std::string &url) {
        auto client = HttpClient::newHttpClient(url);
        // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: untrusted HTTP request data from 'url' reaches HttpClient::newHttpClient(), which connects to that host (server-side request forgery, CWE-918); {{.*}} [appsec-ssrf]
        // A fixed host, a path from the request.
        auto api = HttpClient::newHttpClient("https://api.example.com");
        auto out = HttpRequest::newHttpRequest();
        out->setPath("/v1/items/" + url);
        api->sendRequest(out);
        callback(HttpResponse::newHttpResponse());
        (void)req;
      },
      {Get});

  app().registerHandler(
      "/admin/run",
      [](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback) {
        std::shared_ptr<Json::Value> body = req->getJsonObject();
        std::string job = (*body)["job"].asString();
        std::system(("/usr/local/bin/run-job " + job).c_str());
        // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: untrusted HTTP request data from HttpRequest::getJsonObject() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
        std::string owner = req->getCookie("owner");
        std::string q = "DELETE FROM jobs WHERE owner = '" + owner + "'";
        sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
        // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: untrusted HTTP request data from HttpRequest::getCookie() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
        std::string body_text(req->body());
        std::printf(body_text.c_str());
        // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: untrusted HTTP request data from HttpRequest::body() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
        callback(HttpResponse::newHttpJsonResponse(Json::Value("queued")));
      },
      {Post, "AdminFilter"});
}

int main() {
  register_routes();
  app().addListener("0.0.0.0", 8080).run();
}
