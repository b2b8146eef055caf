#include "accounts.h"

#include <crow.h>

#include <map>
#include <mutex>
#include <random>
#include <regex>
#include <string>

namespace {

class SessionTable {
public:
  std::string open(long user_id) {
    std::string sid = random_hex(32);
    std::lock_guard<std::mutex> lock(mu_);
    sessions_[sid] = user_id;
    return sid;
  }
  std::optional<long> lookup(const std::string &sid) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = sessions_.find(sid);
    if (it == sessions_.end())
      return std::nullopt;
    return it->second;
  }

private:
  static std::string random_hex(size_t n) {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static const char *digits = "0123456789abcdef";
    std::string out(n, '0');
    for (auto &c : out)
      c = digits[rng() % 16];
    return out;
  }
  std::mutex mu_;
  std::map<std::string, long> sessions_;
};

bool valid_username(const std::string &u) {
  static const std::regex re("^[a-z][a-z0-9_.]{2,31}$");
  return std::regex_match(u, re);
}

crow::json::wvalue profile_json(const Profile &p) {
  return crow::json::wvalue{{"id", static_cast<int64_t>(p.id)},
                            {"username", p.username},
                            {"email", p.email},
                            {"display_name", p.display_name}};
}

} // namespace

int main() {
  AccountStore store;
  SessionTable sessions;
  crow::App<crow::CookieParser> app;

  CROW_ROUTE(app, "/signup").methods("POST"_method)([&store](const crow::request &req) {
    auto body = crow::json::load(req.body);
    if (!body || !body.has("username") || !body.has("password") || !body.has("email"))
      return crow::response(400);
    std::string username = body["username"].s();
    if (!valid_username(username))
      return crow::response(400, "invalid username");
    std::string password = body["password"].s();
    if (password.size() < 10)
      return crow::response(400, "password too short");
    if (!store.create(username, std::string(body["email"].s()), password))
      return crow::response(409);
    return crow::response(201);
  });

  CROW_ROUTE(app, "/login").methods("POST"_method)([&](const crow::request &req) {
    auto form = req.get_body_params();
    const char *user = form.get("username");
    const char *pass = form.get("password");
    if (!user || !pass)
      return crow::response(400);
    CROW_LOG_DEBUG << "login attempt user=" << user << " password=" << pass; // expect: appsec-sensitive-logging
    if (!store.check_password(user, pass))
      return crow::response(401);
    auto profile = store.by_username(user); // expect: appsec-sql-injection
    if (!profile)
      return crow::response(401);

    auto sid = sessions.open(profile->id);
    auto &cookies = app.get_context<crow::CookieParser>(req);
    cookies.set_cookie("sid", sid).path("/").max_age(86400); // expect: appsec-insecure-cookie
    cookies.set_cookie("last_user", profile->username)
        .path("/")
        .secure()
        .httponly()
        .same_site(crow::CookieParser::Cookie::SameSitePolicy::Strict);
    return crow::response(204);
  });

  CROW_ROUTE(app, "/me")([&](const crow::request &req) {
    auto &cookies = app.get_context<crow::CookieParser>(req);
    auto uid = sessions.lookup(cookies.get_cookie("sid"));
    if (!uid)
      return crow::response(401);
    auto profile = store.by_id(*uid);
    return profile ? crow::response(profile_json(*profile)) : crow::response(404);
  });

  CROW_ROUTE(app, "/me/display-name").methods("PUT"_method)([&](const crow::request &req) {
    auto &cookies = app.get_context<crow::CookieParser>(req);
    auto uid = sessions.lookup(cookies.get_cookie("sid"));
    if (!uid)
      return crow::response(401);
    auto body = crow::json::load(req.body);
    if (!body || !body.has("display_name"))
      return crow::response(400);
    return crow::response(store.update_display_name(*uid, body["display_name"].s()) ? 204 : 500);
  });

  CROW_ROUTE(app, "/users/<int>")([&store](int64_t id) {
    auto profile = store.by_id(static_cast<long>(id));
    if (!profile)
      return crow::response(404);
    crow::json::wvalue pub{{"username", profile->username},
                           {"display_name", profile->display_name}};
    return crow::response(pub);
  });

  CROW_ROUTE(app, "/users/by-name/<string>")([&store](std::string username) {
    auto profile = store.by_username(username); // expect: appsec-sql-injection
    if (!profile)
      return crow::response(404);
    crow::json::wvalue pub{{"id", static_cast<int64_t>(profile->id)},
                           {"display_name", profile->display_name}};
    return crow::response(pub);
  });

  app.port(8081).multithreaded().run();
}
