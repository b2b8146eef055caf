// RUN: %check_appsec_tidy %s appsec-ssrf,appsec-xss,appsec-open-redirect,appsec-header-injection,appsec-command-injection,appsec-sql-injection,appsec-path-traversal,appsec-format-string %t -- -- -std=c++17 -I/usr/include/x86_64-linux-gnu
// cpp-httplib 0.11.4 (Debian 12, /usr/include/httplib.h): request data as
// untrusted input, and the web sinks.
#include <httplib.h>

#include <cstdio>
#include <cstdlib>
#include <curl/curl.h>
#include <fstream>
#include <set>
#include <sqlite3.h>
#include <string>

sqlite3 *db;

// An HTML escaper the analysis cannot see through (it copies characters):
// the annotation says what it is.
[[clang::annotate("appsec::sanitizer:xss")]] std::string html_escape(const std::string &s);

void page_routes(httplib::Server &svr) {
  svr.Get("/hello", [](const httplib::Request &req, httplib::Response &res) {
    std::string name = req.get_param_value("name");
    res.set_content("<h1>Hello " + name + "</h1>", "text/html");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from Request::get_param_value() reaches Response::set_content(), which sends it as the body of an HTML page (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
    res.set_content("<h1>Hello " + html_escape(name) + "</h1>", "text/html; charset=utf-8");
    // JSON and plain text are not rendered as HTML.
    res.set_content("{\"name\": \"" + name + "\"}", "application/json");
    res.set_content("Hello " + name, "text/plain");
  });

  svr.Get("/error", [](const httplib::Request &req, httplib::Response &res) {
    // The raw body, the path and the headers are untrusted too.
    std::string page = "<p>Unknown page " + req.path + "</p>";
    res.set_content(page, "text/html");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from Request::path reaches Response::set_content(), {{.*}} [appsec-xss]
    res.set_content(req.body.data(), req.body.size(), "text/html");
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: untrusted HTTP request data from Request::body reaches Response::set_content(), {{.*}} [appsec-xss]
  });
}

void redirect_routes(httplib::Server &svr, const std::set<std::string> &allowed) {
  svr.Get("/login/done", [&allowed](const httplib::Request &req, httplib::Response &res) {
    std::string next = req.get_param_value("next");
    res.set_redirect(next);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from Request::get_param_value() reaches Response::set_redirect(), which redirects the browser there (open redirect, CWE-601); {{.*}} [appsec-open-redirect]
    res.set_header("Location", req.get_header_value("Referer"));
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: untrusted HTTP request data from Request::get_header_value() reaches Response::set_header(), which redirects the browser there {{.*}} [appsec-open-redirect]
    // Allow-listed targets, and targets on a fixed host.
    if (allowed.count(next))
      res.set_redirect(next);
    res.set_redirect("https://app.example.com/notes/" + next);
    // Other headers: cpp-httplib drops values containing CR or LF
    // (detail::has_crlf), so they are not a header-injection sink.
    res.set_header("X-Request-Id", req.get_header_value("X-Request-Id"));
  });
}

void outgoing_routes(httplib::Server &svr) {
  svr.Post("/preview", [](const httplib::Request &req, httplib::Response &res) {
    std::string url = req.get_param_value("url");
    httplib::Client cli(url);
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: untrusted HTTP request data from Request::get_param_value() reaches Client::Client(), which connects to that host (server-side request forgery, CWE-918); {{.*}} [appsec-ssrf]
    auto r = cli.Get("/");
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, req.body.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: untrusted HTTP request data from Request::body reaches curl_easy_setopt(), which fetches that URL {{.*}} [appsec-ssrf]
    // A fixed scheme and host: the data only picks a path on it.
    std::string item = "https://api.example.com/v1/items/" + req.get_param_value("id");
    curl_easy_setopt(h, CURLOPT_URL, item.c_str());
    httplib::Client api("https://api.example.com");
    auto r2 = api.Get(("/v1/items/" + req.get_param_value("id")).c_str());
    // Other options are not URLs.
    curl_easy_setopt(h, CURLOPT_USERAGENT, req.get_header_value("User-Agent").c_str());
    curl_easy_cleanup(h);
    (void)res;
  });
}

// A handler registered by name.
void upload(const httplib::Request &req, httplib::Response &res) {
  std::string name = req.get_file_value("file").filename;
  std::ofstream out("/srv/uploads/" + name);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from Request::get_file_value() reaches basic_ofstream::basic_ofstream(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
  out << req.get_file_value("file").content;
  res.status = 201;
}

void older_checks(httplib::Server &svr) {
  svr.Post("/upload", upload);
  svr.Get(R"(/convert/(\w+))", [](const httplib::Request &req, httplib::Response &res) {
    // (sub_match's conversion to std::string is not modelled: use str().)
    std::string fmt = req.matches[1].str();
    std::string cmd = "convert in.png out." + fmt;
    std::system(cmd.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from Request::matches reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
    std::string q = "SELECT body FROM notes WHERE owner = '" + req.get_param_value("owner") + "'";
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from Request::get_param_value() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
    std::printf(req.get_header_value("X-Debug").c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: untrusted HTTP request data from Request::get_header_value() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
    // Numbers cannot carry an injection.
    int id = std::stoi(req.get_param_value("id"));
    std::string q2 = "SELECT body FROM notes WHERE id = " + std::to_string(id);
    sqlite3_exec(db, q2.c_str(), nullptr, nullptr, nullptr);
    res.set_content("ok", "text/plain");
  });
}

int main() {
  httplib::Server svr;
  page_routes(svr);
  std::set<std::string> allowed{"/", "/notes"};
  redirect_routes(svr, allowed);
  outgoing_routes(svr);
  older_checks(svr);
  svr.listen("0.0.0.0", 8080);
}
