// RUN: %check_appsec_tidy %s appsec-ssrf,appsec-xss,appsec-open-redirect,appsec-header-injection,appsec-command-injection,appsec-sql-injection,appsec-path-traversal,appsec-format-string %t -- -- -std=c++17 -isystem %mocks
// Drogon 1.9 (mock: test/mocks/drogon/): HttpController methods,
// HttpSimpleController overrides and registerHandler lambdas; request
// accessors, route parameters and multipart uploads as untrusted input; the
// web sinks, view data among them.
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
  ADD_METHOD_TO(NotesController::echo, "/echo", Get);
  METHOD_LIST_END

  // A route parameter in an HTML page (newHttpResponse is text/html).
  void show(const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback,
            const std::string &title) const {
    auto resp = HttpResponse::newHttpResponse();
    resp->setBody("<h1>" + title + "</h1>");
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted HTTP request data from 'title' reaches HttpResponse::setBody(), which sends it as a response body (text/html unless another type is set) (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
    resp->setBody("<h1>" + HttpViewData::htmlTranslate(title) + "</h1>");
    // JSON: Drogon's writer escapes strings.
    Json::Value json;
    json["title"] = title;
    callback(HttpResponse::newHttpJsonResponse(json));
    (void)req;
  }

  // The type set by another call decides: plain text and JSON are no page,
  // whether given to newHttpResponse or set afterwards; HTML is.
  void echo(const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback) const {
    auto text = HttpResponse::newHttpResponse(k200OK, CT_TEXT_PLAIN);
    text->setBody(req->getParameter("q"));
    auto json = HttpResponse::newHttpResponse();
    json->setContentTypeCode(CT_APPLICATION_JSON);
    json->setBody("{\"q\": \"" + req->getParameter("q") + "\"}");
    HttpResponsePtr html;
    html = HttpResponse::newHttpResponse(k200OK, CT_TEXT_HTML);
    html->setBody(req->getParameter("q"));
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from HttpRequest::getParameter() reaches HttpResponse::setBody(), which sends it as a response body (text/html unless another type is set) (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
    auto page = HttpResponse::newHttpResponse();
    page->setContentTypeString("text/html; charset=utf-8");
    page->setBody(req->getParameter("q"));
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from HttpRequest::getParameter() reaches HttpResponse::setBody(), which sends it as a response body (text/html unless another type is set) (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
    callback(text);
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

// Uploads: MultiPartParser::parse(req) fills the parser from the body.
void register_uploads() {
  app().registerHandler(
      "/upload",
      [](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback) {
        MultiPartParser form;
        if (form.parse(req) != 0) {
          callback(HttpResponse::newHttpResponse());
          return;
        }
        for (const auto &file : form.getFiles()) {
          file.saveAs("/srv/uploads/" + file.getFileName());
          // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: untrusted HTTP request data from MultiPartParser::parse() reaches HttpFile::saveAs(), which writes the upload to the path it names (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
          // save() and save(dir) keep the client's name inside the directory.
          file.save();
          file.save("/srv/uploads");
          // A name the program derives from the content.
          file.saveAs("/srv/uploads/" + file.getMd5());
        }
        std::string album = form.getParameter<std::string>("album");
        form.getFiles()[0].save("/srv/albums/" + album);
        // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: untrusted HTTP request data from MultiPartParser::parse() reaches HttpFile::save(), which writes the upload into the directory it names (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
        std::string q = "INSERT INTO uploads(title) VALUES ('" + form.getParameters().at("title") + "')";
        sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
        // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: untrusted HTTP request data from MultiPartParser::parse() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
        auto files = form.getFilesMap();
        std::string text(files.at("note").fileContent());
        std::printf(text.c_str());
        // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: untrusted HTTP request data from MultiPartParser::parse() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
        // A parser nobody filled from a request.
        MultiPartParser empty;
        std::system(("/usr/local/bin/album " + empty.getParameter<std::string>("album")).c_str());
        callback(HttpResponse::newHttpResponse());
      },
      {Post});

  // CSP views write [[ key ]] unescaped: view data is an HTML sink.
  app().registerHandler(
      "/hello",
      [](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback) {
        HttpViewData data;
        data.insert("name", req->getParameter("name"));
        // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: untrusted HTTP request data from HttpRequest::getParameter() reaches HttpViewData::insert(), which puts it in view data that {{\[\[ \]\]}} writes into the page unescaped (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
        data.insertAsString("visits", req->getCookie("visits"));
        // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: untrusted HTTP request data from HttpRequest::getCookie() reaches HttpViewData::insertAsString(), which puts it in view data that {{\[\[ \]\]}} writes into the page unescaped (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
        data.insertFormattedString("greeting", "Hello %s", req->getParameter("name").c_str());
        // CHECK-MESSAGES: :[[@LINE-1]]:86: warning: untrusted HTTP request data from HttpRequest::getParameter() reaches HttpViewData::insertFormattedString(), which puts it in view data that {{\[\[ \]\]}} writes into the page unescaped (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
        data.insert("title", std::string("Notes"));
        data.insert("safe_name", HttpViewData::htmlTranslate(req->getParameter("name")));
        data.insertAsString("year", 2024);
        data.insertFormattedString("footer", "%d notes", 3);
        callback(HttpResponse::newHttpViewResponse("HelloView", data));
      },
      {Get});

  // Iterating the request's maps yields request data.
  app().registerHandler(
      "/echo",
      [](const HttpRequestPtr &req, std::function<void(const HttpResponsePtr &)> &&callback) {
        for (const auto &[key, value] : req->getParameters())
          std::system(("/usr/local/bin/index " + value).c_str());
        // CHECK-MESSAGES: :[[@LINE-1]]:57: warning: untrusted HTTP request data from HttpRequest::getParameters() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
        for (const auto &header : req->headers())
          std::printf(header.second.c_str());
        // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: untrusted HTTP request data from HttpRequest::headers() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
        SafeStringMap<std::string> defaults{{"sort", "name"}};
        for (const auto &[key, value] : defaults)
          std::system(("/usr/local/bin/index " + value).c_str());
        callback(HttpResponse::newHttpResponse());
      },
      {Get});
}

int main() {
  register_routes();
  register_uploads();
  app().addListener("0.0.0.0", 8080).run();
}
