// RUN: %check_appsec_tidy %s appsec-ssrf,appsec-xss,appsec-open-redirect,appsec-header-injection,appsec-command-injection,appsec-sql-injection,appsec-path-traversal,appsec-format-string %t -- -- -std=c++17
// civetweb 1.15 (Debian 12, /usr/include/civetweb.h and CivetServer.h): the
// C API's request info, headers, body and variables, and CivetHandler
// overrides, as untrusted input; the web sinks, raw body writes among them.
#include <CivetServer.h>
#include <civetweb.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sqlite3.h>
#include <string>

sqlite3 *db;

// A handler registered with mg_set_request_handler.
static int search(struct mg_connection *conn, void *) {
  const struct mg_request_info *ri = mg_get_request_info(conn);
  char q[256];
  mg_get_var(ri->query_string, std::strlen(ri->query_string), "q", q, sizeof q);
  mg_printf(conn, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
  mg_printf(conn, "<p>No results for %s</p>", q);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: untrusted HTTP request data from mg_request_info::query_string reaches mg_printf(), which writes it into HTML markup (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
  char escaped[768];
  mg_url_encode(q, escaped, sizeof escaped);
  mg_printf(conn, "<p>Search again: <a href=\"/search?q=%s\">here</a></p>", escaped);
  // Not markup: plain text with a format.
  mg_printf(conn, "results: %d\n", 0);
  mg_printf(conn, q);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: untrusted HTTP request data from mg_request_info::query_string reaches mg_printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
  // CHECK-MESSAGES: :[[@LINE-2]]:19: warning: untrusted HTTP request data from mg_request_info::query_string reaches mg_printf(), which writes it into the response body (browsers sniff HTML unless the program sends another Content-Type) (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
  return 200;
}

// The content type is declared on the connection by another call: a
// header block, mg_send_http_ok. Plain text and CSV bodies are no page.
static int export_csv(struct mg_connection *conn, void *) {
  const struct mg_request_info *ri = mg_get_request_info(conn);
  char who[128];
  mg_get_var(ri->query_string, std::strlen(ri->query_string), "who", who, sizeof who);
  std::string csv = std::string("name\n") + who + "\n";
  mg_send_http_ok(conn, "text/csv", (long long)csv.size());
  mg_write(conn, csv.data(), csv.size());
  return 200;
}

static int echo_text(struct mg_connection *conn, void *) {
  char body[512];
  int n = mg_read(conn, body, sizeof body - 1);
  body[n > 0 ? n : 0] = 0;
  mg_printf(conn, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n");
  mg_write(conn, body, std::strlen(body));
  return 200;
}

// Twins: declared as HTML, or with a type the tool cannot read (then the
// body is not reported: the program chose its type).
static int echo_html(struct mg_connection *conn, void *) {
  char body[512];
  int n = mg_read(conn, body, sizeof body - 1);
  body[n > 0 ? n : 0] = 0;
  mg_send_http_ok(conn, "text/html; charset=utf-8", (long long)std::strlen(body));
  mg_write(conn, body, std::strlen(body));
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: untrusted HTTP request data from mg_read() reaches mg_write(), which writes it into the response body (browsers sniff HTML unless the program sends another Content-Type) (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
  return 200;
}

int echo_typed(struct mg_connection *conn, void *, const char *type) {
  char body[512];
  int n = mg_read(conn, body, sizeof body - 1);
  body[n > 0 ? n : 0] = 0;
  mg_printf(conn, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\n\r\n", type);
  mg_write(conn, body, std::strlen(body));
  return 200;
}

static int login_done(struct mg_connection *conn, void *) {
  const struct mg_request_info *ri = mg_get_request_info(conn);
  char next[512];
  if (mg_get_var(ri->query_string, std::strlen(ri->query_string), "next", next, sizeof next) > 0)
    mg_send_http_redirect(conn, next, 302);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: untrusted HTTP request data from mg_request_info::query_string reaches mg_send_http_redirect(), which writes it into the Location header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
  // CHECK-MESSAGES: :[[@LINE-2]]:33: warning: untrusted HTTP request data from mg_request_info::query_string reaches mg_send_http_redirect(), which redirects the browser there (open redirect, CWE-601); {{.*}} [appsec-open-redirect]
  mg_send_http_redirect(conn, "/notes", 302);
  const char *lang = mg_get_header(conn, "Accept-Language");
  mg_response_header_start(conn, 200);
  mg_response_header_add(conn, "Content-Language", lang, -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:52: warning: untrusted HTTP request data from mg_get_header() reaches mg_response_header_add(), which writes it into a response header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
  // Rejected when it holds CR or LF: no header injection.
  std::string region = mg_get_header(conn, "X-Region");
  if (region.find_first_of("\r\n") == std::string::npos)
    mg_response_header_add(conn, "X-Region", region.c_str(), -1);
  if (region.find_first_of("\r") != std::string::npos)
    return 400;
  mg_response_header_add(conn, "X-Region", region.c_str(), -1);
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: untrusted HTTP request data from mg_get_header() reaches mg_response_header_add(), which writes it into a response header (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
  mg_printf(conn, "HTTP/1.1 302 Found\r\nLocation: %s\r\n\r\n", next);
  // CHECK-MESSAGES: :[[@LINE-1]]:65: warning: untrusted HTTP request data from mg_request_info::query_string reaches mg_printf(), which writes it into a response header {{.*}} [appsec-header-injection]
  // CHECK-MESSAGES: :[[@LINE-2]]:65: warning: untrusted HTTP request data from mg_request_info::query_string reaches mg_printf(), which redirects the browser there {{.*}} [appsec-open-redirect]
  return 302;
}

static int upload(struct mg_connection *conn, void *) {
  char body[1024] = {0};
  mg_read(conn, body, sizeof body - 1);
  char name[128];
  mg_get_var(body, std::strlen(body), "name", name, sizeof name);
  std::string path = std::string("/srv/uploads/") + name;
  mg_send_file(conn, path.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: untrusted HTTP request data from mg_read() reaches mg_send_file(), which serves the file it names (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
  char cookie[64];
  mg_get_cookie(mg_get_header(conn, "Cookie"), "owner", cookie, sizeof cookie);
  std::string q = std::string("SELECT * FROM files WHERE owner = '") + cookie + "'";
  sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from mg_get_header() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
  return 200;
}

// Bodies written with mg_write/mg_send_chunk, files named by the request,
// raw header lines, the request link and header names.
static int raw(struct mg_connection *conn, void *) {
  const struct mg_request_info *ri = mg_get_request_info(conn);
  std::string page = std::string("<p>You asked for ") + ri->local_uri + "</p>";
  mg_send_http_ok(conn, "text/html", static_cast<long long>(page.size()));
  mg_write(conn, page.data(), page.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: untrusted HTTP request data from mg_request_info::local_uri reaches mg_write(), which writes it into the response body (browsers sniff HTML unless the program sends another Content-Type) (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
  mg_send_chunk(conn, page.c_str(), static_cast<unsigned>(page.size()));
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: untrusted HTTP request data from mg_request_info::local_uri reaches mg_send_chunk(), which writes it into the response body (browsers sniff HTML unless the program sends another Content-Type) (cross-site scripting, CWE-79); {{.*}} [appsec-xss]
  static const char hello[] = "<p>Hello</p>";
  mg_write(conn, hello, sizeof hello - 1);
  mg_send_chunk(conn, hello, sizeof hello - 1);

  char name[128];
  mg_get_var(ri->query_string, std::strlen(ri->query_string), "name", name, sizeof name);
  std::string stored = std::string("/srv/uploads/") + name;
  mg_store_body(conn, stored.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: untrusted HTTP request data from mg_request_info::query_string reaches mg_store_body(), which writes the request body to the file it names (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
  mg_send_file_body(conn, stored.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: untrusted HTTP request data from mg_request_info::query_string reaches mg_send_file_body(), which serves the file it names (path traversal, CWE-22); {{.*}} [appsec-path-traversal]
  mg_store_body(conn, "/srv/uploads/latest");
  mg_send_file_body(conn, "/srv/static/index.html");

  std::string extra = std::string("X-Name: ") + name + "\r\n";
  mg_send_mime_file2(conn, "/srv/static/index.html", "text/html", extra.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:73: warning: untrusted HTTP request data from mg_request_info::query_string reaches mg_send_mime_file2(), which writes it into the response headers (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
  mg_send_mime_file2(conn, "/srv/static/index.html", "text/html", "Cache-Control: no-cache\r\n");
  mg_response_header_start(conn, 200);
  mg_response_header_add_lines(conn, extra.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: untrusted HTTP request data from mg_request_info::query_string reaches mg_response_header_add_lines(), which writes it into the response headers (HTTP header injection, CWE-113); {{.*}} [appsec-header-injection]
  mg_response_header_add_lines(conn, "X-Service: notes\r\n");

  char link[512];
  mg_get_request_link(conn, link, sizeof link);
  std::string q = std::string("INSERT INTO visits VALUES ('") + link + "')";
  sqlite3_exec(db, q.c_str(), nullptr, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: untrusted HTTP request data from mg_get_request_link() reaches sqlite3_exec(), which executes it as SQL (SQL injection, CWE-89); {{.*}} [appsec-sql-injection]
  for (int i = 0; i < ri->num_headers; ++i)
    std::printf(ri->http_headers[i].name);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: untrusted HTTP request data from mg_header::name reaches printf(), which uses it as a format string (uncontrolled format string, CWE-134); {{.*}} [appsec-format-string]
  return 200;
}

// The C++ wrapper: CivetHandler overrides and the static helpers.
class FetchHandler : public CivetHandler {
public:
  bool handleGet(CivetServer *server, struct mg_connection *conn) override {
    std::string host;
    if (!CivetServer::getParam(conn, "host", host))
      return false;
    char err[128];
    struct mg_connection *c = mg_connect_client(host.c_str(), 443, 1, err, sizeof err);
    // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: untrusted HTTP request data from CivetServer::getParam() reaches mg_connect_client(), which connects to that host (server-side request forgery, CWE-918); {{.*}} [appsec-ssrf]
    mg_close_connection(c);
    struct mg_connection *api = mg_connect_client("api.example.com", 443, 1, err, sizeof err);
    mg_close_connection(api);
    (void)server;
    return true;
  }
  bool handlePost(CivetServer *server, struct mg_connection *conn) override {
    std::string data = CivetServer::getPostData(conn);
    std::string job;
    CivetServer::getParam(data, "job", job);
    std::system(("/usr/local/bin/job " + job).c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: untrusted HTTP request data from CivetServer::getParam() reaches system(), which runs it as a shell command (OS command injection, CWE-78); {{.*}} [appsec-command-injection]
    (void)server;
    return true;
  }
};

// A WebSocket handler's data frames come from the client.
class ChatSocket : public CivetWebSocketHandler {
public:
  bool handleData(CivetServer *, struct mg_connection *conn, int, char *data,
                  size_t len) override {
    std::string text(data, len);
    std::string cmd = "notify-send '" + text + "'";
    std::system(cmd.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: untrusted HTTP request data from CivetWebSocketHandler::handleData() reaches system(), {{.*}} [appsec-command-injection]
    std::string ack = "received " + std::to_string(len) + " bytes";
    std::system(("logger " + ack).c_str());
    mg_websocket_write(conn, MG_WEBSOCKET_OPCODE_TEXT, ack.c_str(), ack.size());
    return true;
  }
};

// The twin: a method of the same name in a class that is no WebSocket handler.
class Replayer {
public:
  bool handleData(CivetServer *, struct mg_connection *, int, char *data, size_t) {
    std::system(data);
    return true;
  }
};

int main() {
  const char *options[] = {"listening_ports", "8080", nullptr};
  struct mg_callbacks callbacks;
  std::memset(&callbacks, 0, sizeof callbacks);
  struct mg_context *ctx = mg_start(&callbacks, nullptr, options);
  mg_set_request_handler(ctx, "/search", search, nullptr);
  mg_set_request_handler(ctx, "/login/done", login_done, nullptr);
  mg_set_request_handler(ctx, "/upload", upload, nullptr);
  mg_set_request_handler(ctx, "/raw", raw, nullptr);
  mg_set_request_handler(ctx, "/export.csv", export_csv, nullptr);
  mg_set_request_handler(ctx, "/echo.txt", echo_text, nullptr);
  mg_set_request_handler(ctx, "/echo.html", echo_html, nullptr);
  mg_stop(ctx);
  CivetServer server(std::vector<std::string>{"listening_ports", "8081"});
  FetchHandler fetch;
  server.addHandler("/fetch", fetch);
}
