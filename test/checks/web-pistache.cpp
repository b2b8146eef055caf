// RUN: %check_appsec_tidy %s appsec-ssrf,appsec-xss,appsec-open-redirect,appsec-header-injection,appsec-command-injection,appsec-sql-injection,appsec-path-traversal,appsec-format-string %t -- -- -std=c++17 -fdelayed-template-parsing
// Pistache 0.0.5 (Debian 12, /usr/include/pistache): REST routes bound with
// Routes::bind, an Http::Handler override; route parameters, query, headers,
// cookies and body as untrusted input; typed headers (get<H>/tryGet<H>) and
// serveFile. ResponseWriter::send is an XSS sink when the type given with
// the body is HTML (MIME(Text, Html)); without one Pistache sends none.
// Pistache 0.0.5's async.h does not compile with Clang 19 (it reads
// this->chain_, a member that does not exist, in a template that is never
// instantiated); -fdelayed-template-parsing gets past it, for users too.
#include <pistache/client.h>
#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/router.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sqlite3.h>
#include <string>

using namespace Pistache;

sqlite3 *db;

class NotesApi {
public:
  explicit NotesApi(Rest::Router &router) {
    Rest::Routes::Get(router, "/notes/:owner", Rest::Routes::bind(&NotesApi::list, this));
    Rest::Routes::Get(router, "/notes/by-id/:id", Rest::Routes::bind(&NotesApi::byId, this));
    Rest::Routes::Get(router, "/files/*", Rest::Routes::bind(&NotesApi::file, this));
    Rest::Routes::Post(router, "/jobs", Rest::Routes::bind(&NotesApi::job, this));
    Rest::Routes::Get(router, "/me", Rest::Routes::bind(&NotesApi::me, this));
    Rest::Routes::Get(router, "/search", Rest::Routes::bind(&NotesApi::search, this));
    Rest::Routes::Get(router, "/static/*", Rest::Routes::bind(&NotesApi::serve, this));
    Rest::Routes::Get(router, "/", Rest::Routes::bind(&NotesApi::index, this));
    Rest::Routes::Get(router, "/hello/:name", Rest::Routes::bind(&NotesApi::hello, this));
  }

  void list(const Rest::Request &request, Http::ResponseWriter response) {
    auto owner = request.param(":owner").as<std::string>();
    std::string q = "SELECT body FROM notes WHERE owner = '" + owner + "'";
    auto sort = request.query().get("sort");
    if (sort)
      q += " ORDER BY " + *sort;
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from Request::param() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
    response.send(Http::Code::Ok, "[]", MIME(Application, Json));
  }

  // The type given with the body decides; none given, Pistache sends none.
  void hello(const Rest::Request &request, Http::ResponseWriter response) {
    auto name = request.param(":name").as<std::string>();
    response.send(Http::Code::Ok, "<h1>Hello " + name + "</h1>", MIME(Text, Html));
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: untrusted HTTP request data from Request::param() reaches ResponseWriter::send(), which sends it as the body of an HTML page (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
    response.send(Http::Code::Ok, "Hello " + name, MIME(Text, Plain));
    response.send(Http::Code::Ok, "{\"name\": \"" + name + "\"}");
  }

  // A number cannot carry SQL.
  void byId(const Rest::Request &request, Http::ResponseWriter response) {
    int id = request.param(":id").as<int>();
    std::string q = "SELECT body FROM notes WHERE id = " + std::to_string(id);
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    response.send(Http::Code::Ok, "{}", MIME(Application, Json));
  }

  void file(const Rest::Request &request, Http::ResponseWriter response) {
    std::string name = request.splatAt(0).as<std::string>();
    std::ifstream in("/srv/files/" + name);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from Request::splatAt() reaches basic_ifstream::basic_ifstream(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
    response.send(Http::Code::Ok, "", MIME(Application, OctetStream));
  }

  void job(const Rest::Request &request, Http::ResponseWriter response) {
    std::string cmd = "/usr/local/bin/job " + request.body();
    std::system(cmd.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from Message::body() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
    std::printf(request.resource().c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: untrusted HTTP request data from Request::resource() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
    // Pistache writes raw header values out as given.
    auto trace = request.query().get("trace");
    response.headers().addRaw(Http::Header::Raw("X-Trace", trace.value_or("none")));
    // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: untrusted HTTP request data from Request::query() reaches Raw::Raw(), which writes it into an HTTP header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
    response.headers().addRaw(Http::Header::Raw("X-Service", "notes"));
    response.send(Http::Code::Accepted);
  }

  // Typed headers: headers().get<H>() / tryGet<H>() and the typed accessors.
  void me(const Rest::Request &request, Http::ResponseWriter response) {
    auto auth = request.headers().get<Http::Header::Authorization>();
    std::string q = "SELECT name FROM sessions WHERE token = '" + auth->value() + "'";
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from Message::headers() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
    std::system(("/usr/local/bin/quota " + auth->getBasicUser()).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:66: warning: untrusted HTTP request data from Message::headers() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
    std::string login = "/usr/local/bin/login '" + auth->getBasicPassword() + "'";
    std::system(login.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: untrusted HTTP request data from Message::headers() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
    auto host = request.headers().tryGet<Http::Header::Host>();
    if (host)
      std::printf(host->host().c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: untrusted HTTP request data from Message::headers() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
    std::printf(request.headers().get<Http::Header::UserAgent>()->agent().c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:75: warning: untrusted HTTP request data from Message::headers() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
    // Headers the program sets itself are not request data.
    Http::Header::Collection own;
    own.add<Http::Header::Host>("notes.example.com");
    std::printf(own.get<Http::Header::Host>()->host().c_str());
    auto mine = own.tryGet<Http::Header::Host>();
    std::system(("/usr/local/bin/ping " + mine->host()).c_str());
    response.send(Http::Code::Ok, "{}", MIME(Application, Json));
  }

  // Query parameters through the iterator.
  void search(const Rest::Request &request, Http::ResponseWriter response) {
    const auto &query = request.query();
    for (auto it = query.parameters_begin(); it != query.parameters_end(); ++it)
      std::system(("/usr/local/bin/index " + it->second).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: untrusted HTTP request data from Request::query() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
    Http::Uri::Query defaults;
    defaults.add("sort", "name");
    for (auto it = defaults.parameters_begin(); it != defaults.parameters_end(); ++it)
      std::system(("/usr/local/bin/index " + it->second).c_str());
    response.send(Http::Code::Ok, "[]", MIME(Application, Json));
  }

  // Http::serveFile opens the file it is given.
  void serve(const Rest::Request &request, Http::ResponseWriter response) {
    Http::serveFile(response, "/srv/static/" + request.splatAt(0).as<std::string>());
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: untrusted HTTP request data from Request::splatAt() reaches serveFile(), which serves the file it names (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
  }

  void index(const Rest::Request &, Http::ResponseWriter response) {
    Http::serveFile(response, "/srv/static/index.html", MIME(Text, Html));
  }
};

// A plain Http::Handler.
class Proxy : public Http::Handler {
public:
  HTTP_PROTOTYPE(Proxy)

  void onRequest(const Http::Request &request, Http::ResponseWriter response) override {
    auto target = request.query().get("url");
    Http::Experimental::Client client;
    client.init();
    auto rb = client.get(*target);
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: untrusted HTTP request data from Request::query() reaches Client::get(), which sends a request to that URL (server-side request forgery, CWE-918); {{.*}} [appsec-ssrf]
    auto fixed = client.get("https://api.example.com/v1/items/" + request.query().get("id").value_or(""));
    std::string who = request.cookies().get("user").value;
    std::string q = "INSERT INTO seen VALUES ('" + who + "')";
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from Message::cookies() reaches sqlite3_exec(), which executes it as SQL {{.*}} [appsec-sql-injection]
    response.send(Http::Code::Ok);
  }
};

int main() {
  Http::Endpoint server(Address(Ipv4::any(), Port(9080)));
  Rest::Router router;
  NotesApi api(router);
  server.init(Http::Endpoint::options().threads(1));
  server.setHandler(router.handler());
  server.serve();
}
