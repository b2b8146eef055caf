#include "app.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>

namespace fs = std::filesystem;

static std::string new_token() {
  static thread_local std::random_device rd;
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string t;
  for (int i = 0; i < 32; ++i) t += alphabet[rd() % 36];
  return t;
}

static std::optional<std::string> current_user(AppContext &app, const Request &req) {
  auto sid = cookie_value(req[http::field::cookie], "sid");
  if (!sid) return std::nullopt;
  std::lock_guard<std::mutex> lock(app.mu);
  auto it = app.sessions.find(*sid);
  if (it == app.sessions.end()) return std::nullopt;
  return it->second;
}

static bool valid_username(const std::string &n) {
  if (n.size() < 3 || n.size() > 32) return false;
  for (unsigned char c : n)
    if (!std::isalnum(c) && c != '_') return false;
  return true;
}

static bool is_local_path(const std::string &p) {
  return !p.empty() && p[0] == '/' && (p.size() == 1 || (p[1] != '/' && p[1] != '\\'));
}

Response handle_register(AppContext &app, const Request &req) {
  auto form = parse_form(req.body());
  const auto &name = form["username"];
  const auto &password = form["password"];
  if (!valid_username(name) || password.size() < 8)
    return text_response(req, http::status::bad_request, "username and a password of 8+ chars required");
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(app.db, "INSERT INTO users (name, password, email) VALUES (?1, ?2, ?3)", -1, &st, nullptr);
  sqlite3_bind_text(st, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 2, password.c_str(), -1, SQLITE_TRANSIENT); // expect: appsec-plaintext-storage
  sqlite3_bind_text(st, 3, form["email"].c_str(), -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step(st);
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return text_response(req, http::status::conflict, "user exists");
  return text_response(req, http::status::created, "registered");
}

Response handle_login(AppContext &app, const Request &req) {
  auto form = parse_form(req.body());
  const auto &name = form["username"];
  const auto &password = form["password"];
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(app.db, "SELECT 1 FROM users WHERE name = ?1 AND password = ?2", -1, &st, nullptr);
  sqlite3_bind_text(st, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 2, password.c_str(), -1, SQLITE_TRANSIENT);
  bool ok = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  if (!ok) {
    std::clog << "login failed user=" << name << " password=" << password << std::endl; // expect: appsec-sensitive-logging
    return text_response(req, http::status::unauthorized, "invalid credentials");
  }

  std::string sid = new_token();
  {
    std::lock_guard<std::mutex> lock(app.mu);
    app.sessions[sid] = name;
  }
  Response res{http::status::see_other, req.version()};
  res.set(http::field::set_cookie, "sid=" + sid + "; Path=/; HttpOnly; Secure; SameSite=Lax");
  if (form["remember"] == "1")
    res.insert(http::field::set_cookie, "remember_token=" + new_token() + "; Path=/; Max-Age=2592000"); // expect: appsec-insecure-cookie
  std::string next = form["next"];
  res.set(http::field::location, is_local_path(next) ? next : "/");
  res.prepare_payload();
  return res;
}

Response handle_logout(AppContext &app, const Request &req) {
  if (auto sid = cookie_value(req[http::field::cookie], "sid")) {
    std::lock_guard<std::mutex> lock(app.mu);
    app.sessions.erase(*sid);
  }
  auto q = parse_query(req.target());
  Response res{http::status::found, req.version()};
  res.set(http::field::set_cookie, "sid=; Path=/; Max-Age=0; HttpOnly; Secure");
  res.set(http::field::location, q.count("continue") ? q["continue"] : "https://" + app.cfg.public_host + "/"); // expect: appsec-open-redirect, appsec-header-injection
  res.prepare_payload();
  return res;
}

Response handle_download(AppContext &app, const Request &req) {
  auto user = current_user(app, req);
  if (!user) return text_response(req, http::status::unauthorized, "login required");
  auto q = parse_query(req.target());
  std::string invoice = q["invoice"];
  for (char c : invoice)
    if (!std::isdigit(static_cast<unsigned char>(c))) return text_response(req, http::status::bad_request, "bad id");
  fs::path file = fs::path(app.cfg.files_dir) / *user / ("INV-" + invoice + ".pdf");
  std::ifstream in(file, std::ios::binary);
  if (!in) return text_response(req, http::status::not_found, "no such invoice");
  std::string label = q.count("as") ? q["as"] : "invoice-" + invoice + ".pdf";
  Response res{http::status::ok, req.version()};
  res.set(http::field::content_type, "application/pdf");
  res.set(http::field::content_disposition, "attachment; filename=\"" + label + "\""); // expect: appsec-header-injection
  res.body().assign(std::istreambuf_iterator<char>(in), {});
  res.prepare_payload();
  return res;
}

Response handle_me(AppContext &app, const Request &req) {
  auto user = current_user(app, req);
  if (!user) return text_response(req, http::status::unauthorized, "login required");
  return text_response(req, http::status::ok, "signed in as " + *user);
}
