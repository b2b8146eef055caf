// RUN: %check_appsec_tidy %s appsec-ssrf,appsec-xss,appsec-open-redirect,appsec-header-injection,appsec-command-injection,appsec-sql-injection,appsec-path-traversal,appsec-format-string %t -- -- -std=c++17 -isystem %mocks -I/usr/include/x86_64-linux-gnu
// Crow 1.3 (mock: test/mocks/crow.h): CROW_ROUTE handlers, request fields,
// route parameters and multipart uploads as untrusted input, and the web sinks.
#include "crow.h"

#include <cstdio>
#include <cstdlib>
#include <curl/curl.h>
#include <fstream>
#include <set>
#include <sqlite3.h>
#include <string>

sqlite3 *db;

[[clang::annotate("appsec::sanitizer:xss")]] std::string html_escape(const std::string &s);

void pages(crow::SimpleApp &app) {
  // A string route parameter.
  CROW_ROUTE(app, "/hello/<string>")([](std::string name) {
    return crow::response(200, "<h1>Hello " + name + "</h1>");
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: untrusted HTTP request data from 'name' reaches response::response(), which sends it as a response body without a content type (browsers sniff HTML) (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
  });
  // Numbers cannot carry markup.
  CROW_ROUTE(app, "/item/<int>")([](int id) { return crow::response("<p>item " + std::to_string(id) + "</p>"); });

  CROW_ROUTE(app, "/search")([](const crow::request &req, crow::response &res) {
    const char *q = req.url_params.get("q");
    res.write(std::string("<p>No results for ") + q + "</p>");
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted HTTP request data from request::url_params reaches response::write(), which adds it to a response body (browsers sniff HTML unless the program sets another Content-Type) {{.*}} [appsec-xss]
    res.write("<p>Search again: " + html_escape(q) + "</p>");
    res.end();
  });
  // Declared plain text: no page.
  CROW_ROUTE(app, "/echo")([](const crow::request &req, crow::response &res) {
    res.set_header("Content-Type", "text/plain");
    res.write(req.body);
    res.end();
  });

  CROW_ROUTE(app, "/profile").methods("POST"_method)([](const crow::request &req) {
    std::string name = req.get_header_value("X-Name");
    // JSON out: crow::json::wvalue is serialised with escaping, as application/json.
    crow::json::wvalue out{{"name", name}};
    crow::response ok(std::move(out));
    // A template: {{name}} is HTML-escaped by Crow's mustache.
    crow::mustache::context ctx;
    ctx["name"] = name;
    auto page = crow::mustache::load("profile.html").render(ctx);
    // The content type is named: an HTML one is a sink, a text one is not.
    crow::response html(200, "html", "<p>" + req.get_header_value("X-User") + "</p>");
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: untrusted HTTP request data from request::get_header_value() reaches response::response(), which sends it as the body of an HTML page {{.*}} [appsec-xss]
    crow::response text(200, "text/plain", req.get_header_value("X-User"));
    return crow::response(page);
  });
}

void redirects(crow::SimpleApp &app, const std::set<std::string> &allowed) {
  CROW_ROUTE(app, "/login")([&allowed](const crow::request &req, crow::response &res) {
    std::string next = req.url_params.get("next");
    res.redirect(next);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: untrusted HTTP request data from request::url_params reaches response::redirect(), which redirects the browser there (open redirect, CWE-601); {{.*}} [appsec-open-redirect]
    res.set_header("Location", req.get_header_value("Referer"));
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: untrusted HTTP request data from request::get_header_value() reaches response::set_header(), which redirects the browser there {{.*}} [appsec-open-redirect]
    if (allowed.count(next))
      res.moved(next);
    res.redirect_perm("https://app.example.com/" + next);
    // Crow (>= 1.3.2) strips CR and LF from header names and values.
    res.add_header("X-Trace", req.get_header_value("X-Trace"));
    res.end();
  });
}

void outgoing_and_older_checks(crow::SimpleApp &app) {
  CROW_ROUTE(app, "/fetch")([](const crow::request &req) {
    std::string url = req.url_params.get("url");
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: untrusted HTTP request data from request::url_params reaches curl_easy_setopt(), which fetches that URL (server-side request forgery, CWE-918); {{.*}} [appsec-ssrf]
    std::string fixed = "https://api.example.com/v2/" + url;
    curl_easy_setopt(h, CURLOPT_URL, fixed.c_str());
    curl_easy_cleanup(h);
    return crow::response(204);
  });

  CROW_ROUTE(app, "/files/<path>")([](const crow::request &req, crow::response &res, std::string file) {
    res.set_static_file_info_unsafe("/srv/files/" + file);
    // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: untrusted HTTP request data from 'file' reaches response::set_static_file_info_unsafe(), which serves the file it names (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
    // set_static_file_info sanitises the name itself.
    res.set_static_file_info("/srv/files/" + file);
    std::string copy = file;
    crow::utility::sanitize_filename(copy);
    res.set_static_file_info_unsafe("/srv/files/" + copy);
    std::string cmd = "gzip -k " + file;
    std::system(cmd.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from 'file' reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
    std::string q = "INSERT INTO downloads VALUES ('" + req.remote_ip_address + "', '" + file + "')";
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from 'file' reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
    std::fprintf(stderr, req.raw_url.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: untrusted HTTP request data from request::raw_url reaches fprintf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
    res.end();
  });
}

// Uploads: crow::multipart::message and message_view parse the body; the
// parts' bodies, header values and parameters (the file name) are request data.
void uploads(crow::SimpleApp &app) {
  CROW_ROUTE(app, "/upload").methods("POST"_method)([](const crow::request &req) {
    crow::multipart::message msg(req);
    std::string title = msg.get_part_by_name("title").body;
    std::string q = "INSERT INTO uploads(title) VALUES ('" + title + "')";
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from part::body reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
    for (const auto &item : msg.part_map) {
      const crow::multipart::part &part = item.second;
      auto disposition = part.headers.find("Content-Disposition");
      auto filename = disposition->second.params.find("filename");
      std::ofstream out("/srv/uploads/" + filename->second);
      // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: untrusted HTTP request data from header::params reaches basic_ofstream::basic_ofstream(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
      std::string type = part.get_header_object("Content-Type").value;
      std::system(("/usr/local/bin/convert --from " + type).c_str());
      // CHECK-MESSAGES: :[[@LINE-1]]:61: warning: untrusted HTTP request data from header::value reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
      // The upload is stored under a name the program chooses.
      if (item.first == "file") {
        std::ofstream stored("/srv/uploads/" + std::to_string(std::hash<std::string>{}(part.body)));
      }
    }
    // A number cannot carry SQL.
    int copies = msg.get_part_by_name("copies");
    std::string c = "UPDATE uploads SET copies = " + std::to_string(copies);
    sqlite3_exec(db, c.c_str(), nullptr, nullptr, nullptr);
    return crow::response(201);
  });

  CROW_ROUTE(app, "/note").methods("POST"_method)([](const crow::request &req) {
    crow::multipart::message_view view(req);
    std::string note(view.get_part_by_name("note").body);
    std::system(("/usr/local/bin/note " + note).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: untrusted HTTP request data from part_view::body reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
    const auto &disposition = view.get_part_by_name("note").get_header_object("Content-Disposition");
    std::string name(disposition.params.at("filename"));
    std::ofstream out("/srv/notes/" + name);
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: untrusted HTTP request data from header_view::params reaches basic_ofstream::basic_ofstream(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
    std::string type(view.get_part_by_name("note").get_header_object("Content-Type").value);
    std::fprintf(stderr, type.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: untrusted HTTP request data from header_view::value reaches fprintf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
    double size = view.get_part_by_name("size");
    std::string s = "UPDATE notes SET size = " + std::to_string(size);
    sqlite3_exec(db, s.c_str(), nullptr, nullptr, nullptr);
    return crow::response(201);
  });
}

int main() {
  crow::SimpleApp app;
  uploads(app);
  pages(app);
  std::set<std::string> allowed{"/", "/home"};
  redirects(app, allowed);
  outgoing_and_older_checks(app);
  app.port(18080).multithreaded().run();
}
