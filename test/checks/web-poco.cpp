// RUN: %check_appsec_tidy %s appsec-ssrf,appsec-xss,appsec-open-redirect,appsec-header-injection,appsec-command-injection,appsec-sql-injection,appsec-path-traversal,appsec-format-string %t -- -- -std=c++17
// Poco 1.11 (Debian 12, /usr/include/Poco): HTTPRequestHandler overrides; the
// URI, headers, forms and cookies of the request as untrusted input.
// XSS: a body given to sendBuffer or written into the stream send() returns,
// unless setContentType names a type other than HTML. Header reads (request.get(name)) are not sources: the request
// shares NameValueCollection::get with every response and form.
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <set>
#include <sstream>
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
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: untrusted HTTP request data from HTMLForm::HTMLForm() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
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

// Reading the body stream with >>, through a reference, or whole with rdbuf()
// carries the request data; the same reads of the program's own file do not.
class StreamReadsHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    std::string word;
    request.stream() >> word;
    std::system(word.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches system(), {{.*}} [appsec-command-injection]
    std::istream &in = request.stream();
    std::string verb;
    in >> verb;
    std::system(verb.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches system(), {{.*}} [appsec-command-injection]
    std::stringstream all;
    all << request.stream().rdbuf();
    std::system(all.str().c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches system(), {{.*}} [appsec-command-injection]
    Poco::FileInputStream jobs("/etc/notes/jobs");
    std::string job;
    jobs >> job;
    std::system(job.c_str());
    std::stringstream script;
    script << jobs.rdbuf();
    std::system(script.str().c_str());
    response.send() << "ok";
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
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: untrusted HTTP request data from HTMLForm::HTMLForm() reaches HTTPServerResponse::redirect(), which writes it into the Location header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
    // CHECK-MESSAGES: :[[@LINE-2]]:23: warning: untrusted HTTP request data from HTMLForm::HTMLForm() reaches HTTPServerResponse::redirect(), which redirects the browser there (open redirect, CWE-601); {{.*}} [appsec-open-redirect]
    static const std::set<std::string> allowed{"/", "/notes"};
    if (allowed.count(next))
      response.redirect(next);
    response.set("X-Trace", form.get("trace", ""));
    // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: untrusted HTTP request data from HTMLForm::HTMLForm() reaches NameValueCollection::set(), which writes it into an HTTP header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
    response.set("X-Service", "notes");
  }
};

class PreviewHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    Poco::URI target(Poco::Net::HTMLForm(request, request.stream()).get("url"));
    Poco::Net::HTTPClientSession session(target.getHost(), target.getPort());
    // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: untrusted HTTP request data from HTMLForm::HTMLForm() reaches HTTPClientSession::HTTPClientSession(), which connects to that host (server-side request forgery, CWE-918); {{.*}} [appsec-ssrf]
    // A fixed host; the path comes from the request.
    Poco::Net::HTTPClientSession api("api.example.com", 443);
    Poco::Net::HTTPRequest out(Poco::Net::HTTPRequest::HTTP_GET, "/v1/items/" + target.getPath());
    api.sendRequest(out);
    response.setContentType("text/plain");
    response.send() << "ok";
  }
};

// The body read with the standard library or Poco::JSON, and an HTML page
// sent with sendBuffer (Poco sends no Content-Type unless one is set).
class ApiHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    std::string first;
    std::getline(request.stream(), first);
    std::system(("/usr/local/bin/job " + first).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
    std::string body((std::istreambuf_iterator<char>(request.stream())),
                     std::istreambuf_iterator<char>());
    std::string rest(static_cast<std::size_t>(request.getContentLength()), '\0');
    request.stream().read(&rest[0], static_cast<std::streamsize>(rest.size()));
    std::system(rest.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
    std::string q = "INSERT INTO log VALUES ('" + body + "')";
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]

    Poco::JSON::Parser parser;
    Poco::Dynamic::Var parsed = parser.parse(request.stream());
    Poco::JSON::Object::Ptr obj = parsed.extract<Poco::JSON::Object::Ptr>();
    std::string name = obj->getValue<std::string>("name");
    std::printf(name.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
    std::string email = obj->getObject("owner")->optValue<std::string>("email", "");
    std::printf(email.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches printf(), which uses it as a format string {{.*}} [appsec-format-string]
    std::printf(obj->get("id").toString().c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches printf(), which uses it as a format string {{.*}} [appsec-format-string]
    std::string tag = obj->getArray("tags")->getElement<std::string>(0);
    std::printf(tag.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches printf(), which uses it as a format string {{.*}} [appsec-format-string]
    std::string title = obj->get("title");
    std::printf(title.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches printf(), which uses it as a format string {{.*}} [appsec-format-string]
    std::string note;
    obj->get("note").convert(note);
    std::printf(note.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches printf(), which uses it as a format string {{.*}} [appsec-format-string]
    std::printf(parser.result().extract<Poco::JSON::Object::Ptr>()->get("kind").convert<std::string>().c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:104: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches printf(), which uses it as a format string {{.*}} [appsec-format-string]

    // The same calls on the program's own text.
    std::istringstream fixed("/usr/local/bin/rotate");
    std::string line;
    std::getline(fixed, line);
    std::system(line.c_str());
    std::istringstream defaults("INSERT INTO log VALUES ('start')");
    std::string stmt((std::istreambuf_iterator<char>(defaults)), std::istreambuf_iterator<char>());
    sqlite3_exec(db, stmt.c_str(), nullptr, nullptr, nullptr);
    Poco::JSON::Parser own;
    Poco::JSON::Object::Ptr config =
        own.parse(std::string("{\"name\": \"notes\"}")).extract<Poco::JSON::Object::Ptr>();
    std::printf(config->getValue<std::string>("name").c_str());

    std::string page = "<p>Hello " + name + "</p>";
    response.sendBuffer(page.data(), page.size());
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: untrusted HTTP request data from HTTPServerRequest::stream() reaches HTTPServerResponse::sendBuffer(), {{.*}} (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
    std::string hello = "<p>Hello</p>";
    response.sendBuffer(hello.data(), hello.size());
  }
};

// A GET form read with load(request). HTMLForm(request) is not modelled: the
// one-argument constructor is also HTMLForm(encoding), which builds a form.
class SearchHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    Poco::Net::HTMLForm query;
    query.load(request);
    std::string q = "SELECT body FROM notes ORDER BY " + query.get("sort");
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from HTMLForm::load() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
    // A form the program builds itself (to submit elsewhere) is not.
    Poco::Net::HTMLForm out(Poco::Net::HTMLForm::ENCODING_MULTIPART);
    out.set("q", "notes");
    std::system(("/usr/local/bin/search " + out.get("q")).c_str());
    response.setContentType("application/json");
    response.send() << "[]";
  }
};

// The stream send() returns, directly or bound to a reference; the content
// type set on the response decides.
class PageHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    Poco::Net::HTMLForm form;
    form.load(request);
    response.setContentType("text/html");
    std::ostream &out = response.send();
    out << "<h1>" << form.get("title") << "</h1>";
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: untrusted HTTP request data from HTMLForm::load() reaches HTTPServerResponse::send(), which writes it into the response body (browsers sniff HTML unless the program sets another Content-Type) (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
  }
};

class TextHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    Poco::Net::HTMLForm form;
    form.load(request);
    response.setContentType("text/plain; charset=utf-8");
    response.send() << "title: " << form.get("title") << "\n";
  }
};

// Multipart uploads: HTMLForm hands each file part to a PartHandler. The
// library calls handlePart(header, stream) with the part's headers (the file
// name in Content-Disposition) and contents, and what the handler keeps of
// them is request data to whoever reads it after the form was loaded.
class SavingParts : public Poco::Net::PartHandler {
public:
  void handlePart(const Poco::Net::MessageHeader &header, std::istream &stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition,
                                              params);
    std::string name = params.get("filename", "upload.bin");
    Poco::FileOutputStream out("/srv/uploads/" + name);
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: untrusted HTTP request data from PartHandler::handlePart() reaches {{.*}} (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
    Poco::StreamCopier::copyStream(stream, out);
    names_.push_back(name);
  }
  const std::vector<std::string> &names() const { return names_; }

private:
  std::vector<std::string> names_;
};

// The twin: the file name is not used, a counter names the file.
class NumberedParts : public Poco::Net::PartHandler {
public:
  void handlePart(const Poco::Net::MessageHeader &header, std::istream &stream) override {
    Poco::FileOutputStream out("/srv/uploads/" + std::to_string(++count_) + ".bin");
    Poco::StreamCopier::copyStream(stream, out);
    (void)header;
  }
  int count() const { return count_; }

private:
  int count_ = 0;
};

class UploadHandler : public Poco::Net::HTTPRequestHandler {
public:
  void handleRequest(Poco::Net::HTTPServerRequest &request,
                     Poco::Net::HTTPServerResponse &response) override {
    SavingParts parts;
    Poco::Net::HTMLForm form(request, request.stream(), parts);
    for (const std::string &name : parts.names()) {
      std::string cmd = "file /srv/uploads/" + name;
      std::system(cmd.c_str());
      // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: untrusted HTTP request data from HTMLForm::HTMLForm() reaches system(), {{.*}} [appsec-command-injection]
    }
    NumberedParts numbered;
    Poco::Net::HTMLForm other(request, request.stream(), numbered);
    std::string cmd = "ls /srv/uploads | head -" + std::to_string(numbered.count());
    std::system(cmd.c_str());
    response.send();
  }
};
