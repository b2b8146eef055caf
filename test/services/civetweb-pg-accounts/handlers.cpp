#include "portal.h"

#include <cctype>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <sstream>

static std::string json_str(const std::string &s) {
  std::string o = "\"";
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x20) o += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
  return o + "\"";
}

static bool send_json(mg_connection *conn, int status, const std::string &body) {
  mg_printf(conn,
            "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
            "Connection: close\r\n\r\n",
            status, status == 200 ? "OK" : "Error", body.size());
  mg_write(conn, body.data(), body.size());
  return true;
}

static std::string accounts_json(const std::vector<Account> &accounts) {
  std::string out = "[";
  for (const auto &a : accounts)
    out += (out.size() > 1 ? ",{\"id\":" : "{\"id\":") + std::to_string(a.id) + ",\"email\":" +
           json_str(a.email) + ",\"name\":" + json_str(a.display_name) + "}";
  return out + "]";
}

static bool is_slug(const std::string &s) {
  if (s.empty() || s.size() > 40) return false;
  for (unsigned char c : s)
    if (!std::isalnum(c) && c != '-') return false;
  return true;
}

static std::mutex g_session_mu;
static std::map<std::string, std::string> g_sessions;

std::string open_session(const std::string &email) {
  std::random_device rd;
  std::ostringstream id;
  for (int i = 0; i < 4; ++i) id << std::hex << rd();
  std::lock_guard<std::mutex> l(g_session_mu);
  g_sessions[id.str()] = email;
  return id.str();
}

std::optional<std::string> session_user(mg_connection *conn) {
  std::string sid;
  if (CivetServer::getCookie(conn, "sid", sid) <= 0) return std::nullopt;
  std::lock_guard<std::mutex> l(g_session_mu);
  auto it = g_sessions.find(sid);
  return it == g_sessions.end() ? std::nullopt : std::optional<std::string>(it->second);
}

bool SignupHandler::handlePost(CivetServer *, mg_connection *conn) {
  auto form = CivetServer::getPostData(conn);
  std::string email, password, name, org;
  for (auto [key, dst] : {std::pair{"email", &email}, {"password", &password}, {"name", &name}, {"org", &org}})
    CivetServer::getParam(form, key, *dst);
  if (email.find('@') == std::string::npos || password.size() < 8 || !is_slug(org))
    return send_json(conn, 400, "{\"error\":\"invalid signup\"}");
  if (!repo_.create(email, password, name, org))
    return send_json(conn, 409, "{\"error\":\"exists\"}");
  return send_json(conn, 200, "{\"ok\":true}");
}

bool LoginHandler::handlePost(CivetServer *, mg_connection *conn) {
  auto form = CivetServer::getPostData(conn);
  std::string email, password;
  CivetServer::getParam(form, "email", email);
  CivetServer::getParam(form, "password", password);
  auto acct = repo_.find_by_email(email);
  if (!acct || acct->password != password) {
    std::clog << "failed login for " << email << " (tried '" << password << "')\n"; // expect: appsec-sensitive-logging
    return send_json(conn, 401, "{\"error\":\"bad credentials\"}");
  }
  auto sid = open_session(acct->email);
  std::string body = "{\"ok\":true}";
  mg_printf(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" // expect: appsec-insecure-cookie
                  "Set-Cookie: sid=%s; Path=/\r\nContent-Length: %zu\r\n\r\n",
            sid.c_str(), body.size());
  mg_write(conn, body.data(), body.size());
  return true;
}

bool SearchHandler::handleGet(CivetServer *, mg_connection *conn) {
  if (!session_user(conn)) return send_json(conn, 401, "{\"error\":\"login required\"}");
  std::string q;
  CivetServer::getParam(conn, "q", q);
  return send_json(conn, 200, accounts_json(repo_.search(q))); // expect: appsec-sql-injection
}

bool ExportHandler::handleGet(CivetServer *, mg_connection *conn) {
  if (!session_user(conn)) return send_json(conn, 401, "{\"error\":\"login required\"}");
  std::string org, filename;
  CivetServer::getParam(conn, "org", org);
  if (!is_slug(org)) return send_json(conn, 400, "{\"error\":\"bad org\"}");
  if (!CivetServer::getParam(conn, "filename", filename)) filename = org + "-accounts";
  std::ostringstream csv;
  csv << "id,email,name,status\n";
  for (const auto &a : repo_.by_org(org))
    csv << a.id << "," << a.email << "," << a.display_name << "," << a.status << "\n";
  auto data = csv.str();
  mg_printf(conn, "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n" // expect: appsec-header-injection
                  "Content-Disposition: attachment; filename=\"%s.csv\"\r\n"
                  "Content-Length: %zu\r\n\r\n",
            filename.c_str(), data.size());
  mg_write(conn, data.data(), data.size());
  return true;
}
