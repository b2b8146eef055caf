// RUN: %check_appsec_tidy %s appsec-ssrf,appsec-xss,appsec-open-redirect,appsec-header-injection,appsec-command-injection,appsec-sql-injection,appsec-path-traversal,appsec-format-string %t -- -- -std=c++17
// cpprestsdk 2.10.18 (Debian 12, /usr/include/cpprest): http_listener
// handlers; the request URI, query, headers and body as untrusted input.
#include <cpprest/http_client.h>
#include <cpprest/http_listener.h>
#include <cpprest/uri.h>

#include <cstdio>
#include <cstdlib>
#include <sqlite3.h>
#include <string>

using namespace web;
using namespace web::http;
using namespace web::http::experimental::listener;

sqlite3 *db;

void handle_get(http_request request) {
  auto query = uri::split_query(uri::decode(request.relative_uri().query()));
  std::string name = query["name"];
  request.reply(status_codes::OK, "<h1>Hello " + name + "</h1>", "text/html; charset=utf-8");
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: untrusted HTTP request data from http_request::relative_uri() reaches http_request::reply(), which sends it as the body of an HTML page (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
  // Plain text (reply's default) and JSON are not HTML.
  request.reply(status_codes::OK, "Hello " + name);
  request.reply(status_codes::OK, "Hello " + name, "text/plain");
  request.reply(status_codes::OK, "<h1>Hello " + uri::encode_data_string(name) + "</h1>", "text/html");

  std::string q = "SELECT body FROM notes WHERE owner = '" + name + "'";
  sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from http_request::relative_uri() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
}

void handle_post(http_request request) {
  std::string body = request.extract_string().get();
  std::system(("/usr/local/bin/job " + body).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: untrusted HTTP request data from http_request::extract_string() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
  json::value doc = request.extract_json().get();
  std::string file = doc.at("file").as_string();
  std::FILE *f = std::fopen(("/srv/files/" + file).c_str(), "r");
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: untrusted HTTP request data from http_request::extract_json() reaches fopen(), which opens it as a file path (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
  std::printf(request.request_uri().path().c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: untrusted HTTP request data from http_request::request_uri() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
  if (f)
    std::fclose(f);
  // Iterating the request's headers yields request data.
  for (const auto &header : request.headers())
    std::printf(header.second.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: untrusted HTTP request data from http_request::headers() reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
  http_headers own;
  own.add("X-Service", "notes");
  for (const auto &header : own)
    std::printf(header.second.c_str());
  request.reply(status_codes::Accepted);
}

void handle_put(http_request request) {
  auto query = uri::split_query(request.request_uri().query());
  std::string next = query["next"];
  http_response response(status_codes::Found);
  response.headers().add(header_names::location, next);
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: untrusted HTTP request data from http_request::request_uri() reaches http_headers::add(), which writes it into an HTTP header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
  // CHECK-MESSAGES: :[[@LINE-2]]:50: warning: untrusted HTTP request data from http_request::request_uri() reaches http_headers::add(), which redirects the browser there (open redirect, CWE-601); {{.*}} [appsec-open-redirect]
  response.headers().add("X-Service", "notes");
  response.set_body(query["note"], "text/html");
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from http_request::request_uri() reaches http_response::set_body(), which sends it as the body of an HTML page {{.*}} [appsec-xss]
  request.reply(response);

  client::http_client preview(query["url"]);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: untrusted HTTP request data from http_request::request_uri() reaches http_client::http_client(), which sends requests to that URL (server-side request forgery, CWE-918); {{.*}} [appsec-ssrf]
  client::http_client api("https://api.example.com/");
  api.request(methods::GET, "/v1/items/" + query["id"]);
}

// The body read as a continuation, cpprestsdk's usual style: the
// continuation's parameter is the body (or the task holding it).
void handle_patch(http_request request, sqlite3 *db) {
  request.extract_json().then([db](const json::value &doc) {
    std::string q = "UPDATE notes SET title = '" + doc.at("title").as_string() + "'";
    sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: untrusted HTTP request data from http_request::extract_json() reaches sqlite3_exec(){{.*}} [appsec-sql-injection]
  });
  request.extract_string().then([](pplx::task<utility::string_t> body) {
    std::system(("/usr/local/bin/job " + body.get()).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: untrusted HTTP request data from http_request::extract_string() reaches system(){{.*}} [appsec-command-injection]
  });
  // Silent: a continuation of something other than the request's body.
  pplx::create_task([] { return std::string("uptime"); }).then([](const std::string &cmd) {
    std::system(cmd.c_str());
  });
}

int main() {
  http_listener listener("http://0.0.0.0:8080/notes");
  listener.support(methods::GET, handle_get);
  listener.support(methods::POST, handle_post);
  listener.support(methods::PUT, handle_put);
  listener.open().wait();
}
