// Tiny guestbook for the makerspace website, served by embedded civetweb.
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <chrono>
#include <vector>

#include <civetweb.h>

namespace {

struct Entry {
  std::string name;
  std::string message;
  std::time_t at;
};

struct Guestbook {
  std::mutex mu;
  std::vector<Entry> entries;
  std::set<std::string> admin_sessions;
  std::string admin_password;
};

std::string html_escape(const std::string &in) {
  std::string out;
  for (char c : in) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#x27;"; break;
    default: out.push_back(c);
    }
  }
  return out;
}

std::string query_var(const mg_connection *conn, const char *name) {
  const mg_request_info *ri = mg_get_request_info(conn);
  if (!ri->query_string) return {};
  char buf[1024];
  int n = mg_get_var(ri->query_string, std::strlen(ri->query_string), name, buf, sizeof(buf));
  return n >= 0 ? std::string(buf, n) : std::string();
}

std::string read_body(mg_connection *conn) {
  std::string body;
  char buf[2048];
  int n;
  while ((n = mg_read(conn, buf, sizeof(buf))) > 0 && body.size() < 64 * 1024) body.append(buf, n);
  return body;
}

std::string form_var(const std::string &body, const char *name) {
  std::vector<char> buf(body.size() + 1);
  int n = mg_get_var(body.c_str(), body.size(), name, buf.data(), buf.size());
  return n >= 0 ? std::string(buf.data(), n) : std::string();
}

void page_header(mg_connection *conn, const char *title) {
  mg_printf(conn, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                  "Connection: close\r\n\r\n");
  mg_printf(conn, "<!doctype html><html><head><title>%s</title>"
                  "<link rel=\"stylesheet\" href=\"/static/gb.css\"></head><body>", title);
}

int index_handler(mg_connection *conn, void *cbdata) {
  auto *gb = static_cast<Guestbook *>(cbdata);
  long page = std::strtol(query_var(conn, "page").c_str(), nullptr, 10);
  if (page < 0) page = 0;
  page_header(conn, "Guestbook");
  mg_printf(conn, "<h1>Sign our guestbook</h1><form method=\"post\" action=\"/sign\">"
                  "<input name=\"name\"><textarea name=\"message\"></textarea>"
                  "<button>Sign</button></form><ul>");
  std::lock_guard<std::mutex> lock(gb->mu);
  size_t start = static_cast<size_t>(page) * 20;
  for (size_t i = start; i < gb->entries.size() && i < start + 20; ++i) {
    const auto &e = gb->entries[i];
    mg_printf(conn, "<li><b>%s</b>: %s</li>", html_escape(e.name).c_str(),
              html_escape(e.message).c_str());
  }
  mg_printf(conn, "</ul><a href=\"/?page=%ld\">older</a></body></html>", page + 1);
  return 200;
}

int sign_handler(mg_connection *conn, void *cbdata) {
  auto *gb = static_cast<Guestbook *>(cbdata);
  auto body = read_body(conn);
  Entry e{form_var(body, "name"), form_var(body, "message"), std::time(nullptr)};
  if (e.name.empty() || e.message.empty()) {
    mg_send_http_error(conn, 400, "%s", "name and message are required");
    return 400;
  }
  {
    std::lock_guard<std::mutex> lock(gb->mu);
    gb->entries.insert(gb->entries.begin(), e);
  }
  auto back = form_var(body, "return");
  if (back.empty()) back = "/";
  mg_send_http_redirect(conn, back.c_str(), 303); // expect: appsec-open-redirect, appsec-header-injection
  return 303;
}

int search_handler(mg_connection *conn, void *cbdata) {
  auto *gb = static_cast<Guestbook *>(cbdata);
  auto q = query_var(conn, "q");
  page_header(conn, "Search");
  mg_printf(conn, "<h2>Entries mentioning \"%s\"</h2><ul>", q.c_str()); // expect: appsec-xss
  std::lock_guard<std::mutex> lock(gb->mu);
  for (const auto &e : gb->entries)
    if (e.message.find(q) != std::string::npos)
      mg_printf(conn, "<li>%s</li>", html_escape(e.message).c_str());
  mg_printf(conn, "</ul></body></html>");
  return 200;
}

int thanks_handler(mg_connection *conn, void *) {
  auto note = query_var(conn, "note");
  page_header(conn, "Thanks");
  mg_printf(conn, "<p class=\"flash\">");
  mg_printf(conn, note.c_str()); // expect: appsec-format-string, appsec-xss
  mg_printf(conn, "</p><p>Thanks, %s!</p></body></html>", html_escape(query_var(conn, "name")).c_str());
  return 200;
}

std::string new_session_id() {
  std::random_device rd;
  char buf[33];
  for (int i = 0; i < 32; ++i) buf[i] = "0123456789abcdef"[rd() & 15];
  buf[32] = '\0';
  return buf;
}

int admin_login_handler(mg_connection *conn, void *cbdata) {
  auto *gb = static_cast<Guestbook *>(cbdata);
  auto body = read_body(conn);
  if (gb->admin_password.empty() || form_var(body, "password") != gb->admin_password) {
    mg_send_http_error(conn, 403, "%s", "forbidden");
    return 403;
  }
  auto sid = new_session_id();
  {
    std::lock_guard<std::mutex> lock(gb->mu);
    gb->admin_sessions.insert(sid);
  }
  mg_printf(conn, "HTTP/1.1 303 See Other\r\nLocation: /admin\r\n" // expect: appsec-insecure-cookie
                  "Set-Cookie: gbadmin=%s; Path=/\r\nContent-Length: 0\r\n\r\n", sid.c_str());
  return 303;
}

int admin_delete_handler(mg_connection *conn, void *cbdata) {
  auto *gb = static_cast<Guestbook *>(cbdata);
  char sid[64] = {0};
  const char *cookie = mg_get_header(conn, "Cookie");
  if (!cookie || mg_get_cookie(cookie, "gbadmin", sid, sizeof(sid)) < 0) {
    mg_send_http_error(conn, 401, "%s", "login required");
    return 401;
  }
  std::lock_guard<std::mutex> lock(gb->mu);
  if (!gb->admin_sessions.count(sid)) {
    mg_send_http_error(conn, 401, "%s", "login required");
    return 401;
  }
  char *end = nullptr;
  auto idx = std::strtoul(query_var(conn, "i").c_str(), &end, 10);
  if (idx < gb->entries.size()) gb->entries.erase(gb->entries.begin() + idx);
  mg_send_http_redirect(conn, "/", 303);
  return 303;
}

} // namespace

int main() {
  Guestbook gb;
  if (const char *pw = std::getenv("GUESTBOOK_ADMIN_PASSWORD")) gb.admin_password = pw;
  const char *options[] = {"listening_ports", "8088", "document_root", "./www",
                           "num_threads", "8", nullptr};
  mg_init_library(0);
  mg_context *ctx = mg_start(nullptr, &gb, options);
  if (!ctx) return 1;
  mg_set_request_handler(ctx, "/$", index_handler, &gb);
  mg_set_request_handler(ctx, "/sign", sign_handler, &gb);
  mg_set_request_handler(ctx, "/search", search_handler, &gb);
  mg_set_request_handler(ctx, "/thanks", thanks_handler, &gb);
  mg_set_request_handler(ctx, "/admin/login", admin_login_handler, &gb);
  mg_set_request_handler(ctx, "/admin/delete", admin_delete_handler, &gb);
  for (;;) std::this_thread::sleep_for(std::chrono::seconds(60));
  mg_stop(ctx);
  mg_exit_library();
}
