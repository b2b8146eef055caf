// RUN: %check_appsec_tidy %s appsec-ssrf,appsec-xss,appsec-open-redirect,appsec-header-injection,appsec-command-injection,appsec-sql-injection,appsec-path-traversal,appsec-format-string %t -- -- -std=c++17 -isystem %mocks -I/usr/include/x86_64-linux-gnu
// Crow 1.3 (mock: test/mocks/crow.h): CROW_ROUTE handlers, request fields
// and route parameters as untrusted input, and the web sinks.
#include "crow.h"

#include <cstdio>
#include <cstdlib>
#include <curl/curl.h>
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
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: untrusted HTTP request data from request::url_params reaches response::write(), which adds it to a response body without a content type (browsers sniff HTML) {{.*}} [appsec-xss]
    res.write("<p>Search again: " + html_escape(q) + "</p>");
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

int main() {
  crow::SimpleApp app;
  pages(app);
  std::set<std::string> allowed{"/", "/home"};
  redirects(app, allowed);
  outgoing_and_older_checks(app);
  app.port(18080).multithreaded().run();
}
