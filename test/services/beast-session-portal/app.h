#pragma once

#include <boost/beast/http.hpp>
#include <sqlite3.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace http = boost::beast::http;

using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

struct PortalConfig {
  std::string db_path = "portal.db";
  std::string files_dir = "/srv/portal/files";
  std::string public_host = "portal.example.com";
  unsigned short port = 8443;
};

struct AppContext {
  PortalConfig cfg;
  sqlite3 *db = nullptr;
  std::mutex mu;
  std::map<std::string, std::string> sessions; // sid -> username
};

// util
std::map<std::string, std::string> parse_form(const std::string &body);
std::map<std::string, std::string> parse_query(boost::beast::string_view target);
std::optional<std::string> cookie_value(boost::beast::string_view header, const std::string &name);
Response text_response(const Request &req, http::status st, const std::string &body);

// handlers.cpp
Response handle_login(AppContext &app, const Request &req);
Response handle_register(AppContext &app, const Request &req);
Response handle_logout(AppContext &app, const Request &req);
Response handle_download(AppContext &app, const Request &req);
Response handle_me(AppContext &app, const Request &req);

// router.cpp
Response route_request(AppContext &app, Request &&req);
