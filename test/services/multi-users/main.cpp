#include "service.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>

#include <csignal>
#include <cstdlib>
#include <ostream>
#include <thread>

using Poco::Net::HTMLForm;
using Poco::Net::HTTPCookie;
using Poco::Net::HTTPRequestHandler;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

namespace users {

namespace {

void reply(HTTPServerResponse &res, HTTPResponse::HTTPStatus status, const std::string &json) {
  res.setStatus(status);
  res.setContentType("application/json");
  res.send() << json;
}

class RegisterHandler : public HTTPRequestHandler {
public:
  RegisterHandler(UserStore &store, const Config &cfg) : store_(store), cfg_(cfg) {}
  void handleRequest(HTTPServerRequest &req, HTTPServerResponse &res) override {
    HTMLForm form(req, req.stream());
    auto username = form.get("username", "");
    auto email = form.get("email", "");
    auto password = form.get("password", "");
    if (username.empty() || password.size() < 12)
      return reply(res, HTTPResponse::HTTP_BAD_REQUEST, R"({"error":"invalid input"})");
    if (!store_.create_user(username, email, hash_password(password, cfg_.pbkdf2_iterations)))
      return reply(res, HTTPResponse::HTTP_CONFLICT, R"({"error":"username taken"})");
    log_info("registered user " + username);
    reply(res, HTTPResponse::HTTP_CREATED, R"({"ok":true})");
  }

private:
  UserStore &store_;
  const Config &cfg_;
};

class LoginHandler : public HTTPRequestHandler {
public:
  LoginHandler(UserStore &store, const Config &cfg) : store_(store), cfg_(cfg) {}
  void handleRequest(HTTPServerRequest &req, HTTPServerResponse &res) override {
    HTMLForm form(req, req.stream());
    const auto username = form.get("username", "");
    const auto password = form.get("password", "");
    auto user = store_.find(username);
    if (!user || !check_password(password, user->password, cfg_.pbkdf2_iterations)) {
      if (cfg_.verbose)
        log_warn("login failed for " + username + " (password: " + password + ")"); // expect: appsec-sensitive-logging
      else
        log_warn("login failed for " + username);
      return reply(res, HTTPResponse::HTTP_UNAUTHORIZED, R"({"error":"bad credentials"})");
    }

    auto session = random_token();
    store_.save_session(user->id, sha256_hex(session));
    log_debug("session " + session + " opened for " + username); // expect: appsec-sensitive-logging

    HTTPCookie sid("sid", session);
    sid.setPath("/");
    sid.setHttpOnly(true);
    sid.setSecure(true);
    sid.setSameSite(HTTPCookie::SAME_SITE_STRICT);
    res.addCookie(sid);

    if (form.get("remember", "") == "1") {
      auto remember = random_token();
      store_.save_session(user->id, sha256_hex(remember));
      HTTPCookie persistent("remember_token", remember);
      persistent.setPath("/");
      persistent.setMaxAge(60 * 60 * 24 * 30);
      res.addCookie(persistent); // expect: appsec-insecure-cookie
    }

    reply(res, HTTPResponse::HTTP_OK, R"({"ok":true})");
  }

private:
  UserStore &store_;
  const Config &cfg_;
};

class ServiceAccountHandler : public HTTPRequestHandler {
public:
  explicit ServiceAccountHandler(UserStore &store) : store_(store) {}
  void handleRequest(HTTPServerRequest &req, HTTPServerResponse &res) override {
    HTMLForm form(req, req.stream());
    auto name = form.get("name", "");
    auto secret = form.get("secret", "");
    if (name.empty() || secret.size() < 24)
      return reply(res, HTTPResponse::HTTP_BAD_REQUEST, R"({"error":"invalid input"})");
    store_.create_service_account(name, secret);
    log_info("service account " + name + " created");
    reply(res, HTTPResponse::HTTP_CREATED, R"({"ok":true})");
  }

private:
  UserStore &store_;
};

class NotFound : public HTTPRequestHandler {
public:
  void handleRequest(HTTPServerRequest &, HTTPServerResponse &res) override {
    reply(res, HTTPResponse::HTTP_NOT_FOUND, R"({"error":"not found"})");
  }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
  Factory(UserStore &store, const Config &cfg) : store_(store), cfg_(cfg) {}
  HTTPRequestHandler *createRequestHandler(const HTTPServerRequest &req) override {
    const auto &uri = req.getURI();
    if (req.getMethod() != "POST")
      return new NotFound;
    if (uri == "/register")
      return new RegisterHandler(store_, cfg_);
    if (uri == "/login")
      return new LoginHandler(store_, cfg_);
    if (uri == "/admin/service-accounts")
      return new ServiceAccountHandler(store_);
    return new NotFound;
  }

private:
  UserStore &store_;
  const Config &cfg_;
};

} // namespace
} // namespace users

int main() {
  users::Config cfg;
  if (const char *db = std::getenv("ACCOUNTS_DB"))
    cfg.db_path = db;
  cfg.verbose = std::getenv("ACCOUNTS_VERBOSE") != nullptr;

  users::UserStore store(cfg.db_path);
  Poco::Net::ServerSocket socket(cfg.port);
  Poco::Net::HTTPServer server(new users::Factory(store, cfg), socket,
                               new Poco::Net::HTTPServerParams);
  server.start();
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int sig = 0;
  sigwait(&set, &sig);
  server.stop();
}
