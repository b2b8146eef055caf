// RUN: %check_appsec_tidy %s appsec-ssrf,appsec-xss,appsec-open-redirect,appsec-header-injection,appsec-command-injection,appsec-sql-injection,appsec-path-traversal,appsec-format-string %t -- -- -std=c++17
// Poco 1.11 (Debian 12, /usr/include/Poco): HTTPRequestHandler overrides; the
// URI, headers, forms and cookies of the request as untrusted input.
// Poco's XSS is not modelled: a body is written through the std::ostream
// that send() returns, and its content type is set separately.
#include <Poco/FileStream.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <sqlite3.h>
#include <string>

sqlite3 *db;

class NotesHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    Poco::URI uri(request.getURI());
    std::string path = uri.getPath();
    std::string q = "SELECT body FROM notes WHERE path = '" + path + "'";
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from HTTPRequest::getURI() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]

    Poco::Net::HTMLForm form(request, request.stream());
    std::string job = form.get("job");
    std::system(("/usr/local/bin/job " + job).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
    std::string body;
    Poco::StreamCopier::copyToString(request.stream(), body);
    std::printf(body.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]

    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    response.sendFile("/srv/files/" + cookies.get("last_file"), "application/octet-stream");
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: untrusted HTTP request data from HTTPRequest::getCookies() reaches HTTPServerResponse::sendFile(), which serves the file it names (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
  }
};

class LoginDoneHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    Poco::Net::HTMLForm form(request, request.stream());
    std::string next = form.get("next", "/");
    // Poco writes header values out unchecked: redirect() both redirects
    // and puts the value in a header.
    response.redirect(next);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches HTTPServerResponse::redirect(), which writes it into the Location header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
    // CHECK-MESSAGES: :[[@LINE-2]]:23: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches HTTPServerResponse::redirect(), which redirects the browser there (open redirect, CWE-601); {{.*}} [appsec-open-redirect]
    static const std::set<std::string> allowed{"/", "/notes"};
    if (allowed.count(next))
      response.redirect(next);
    response.set("X-Trace", form.get("trace", ""));
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches NameValueCollection::set(), which writes it into an HTTP header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
    response.set("X-Service", "notes");
  }
};

class PreviewHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    Poco::URI target(Poco::Net::HTMLForm(request, request.stream()).get("url"));
    Poco::Net::HTTPClientSession session(target.getHost(), target.getPort());
    // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches HTTPClientSession::HTTPClientSession(), which connects to that host (server-side request forgery, CWE-918); {{.*}} [appsec-ssrf]
    // A fixed host; the path comes from the request.
    Poco::Net::HTTPClientSession api("api.example.com", 443);
    Poco::Net::HTTPRequest out(Poco::Net::HTTPRequest::HTTP_GET, "/v1/items/" + target.getPath());
    api.sendRequest(out);
    response.setContentType("text/plain");
    response.send() << "ok";
  }
};
