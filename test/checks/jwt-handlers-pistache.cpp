// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17 -fdelayed-template-parsing
// RUN: %check_appsec_tidy -check-suffix=MIDDLEWARE %s appsec-jwt-missing-verification %t -- -- -std=c++17 -fdelayed-template-parsing -DWITH_MIDDLEWARE
// Pistache 0.0.5 (Debian 12) REST routes, with cpp-jwt 1.4 (Debian 12,
// libcpp-jwt-dev) verifying in a router middleware or in the handler.
#include <jwt/jwt.hpp>
#include <pistache/endpoint.h>
#include <pistache/router.h>

#include <string>

using namespace Pistache;

class NotesApi {
public:
  void setup(Rest::Router &router) {
#ifdef WITH_MIDDLEWARE
    router.addMiddleware(Rest::Routes::middleware(&NotesApi::checkToken, this));
#endif
    Rest::Routes::Get(router, "/api/users/:id", Rest::Routes::bind(&NotesApi::getUser, this));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: Pistache handler for route '/api/users/:id' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
    Rest::Routes::Post(router, "/api/notes", Rest::Routes::bind(&NotesApi::addNote, this));
  }

  bool checkToken(Http::Request &req, Http::ResponseWriter &resp) {
    auto auth = req.headers().tryGetRaw("Authorization");
    if (!auth) {
      resp.send(Http::Code::Unauthorized);
      return false;
    }
    std::error_code ec;
    auto token = jwt::decode(auth->value(), jwt::params::algorithms({"HS256"}), ec,
                             jwt::params::secret(secret));
    if (ec) {
      resp.send(Http::Code::Unauthorized);
      return false;
    }
    return true;
  }

  void getUser(const Rest::Request &req, Http::ResponseWriter resp) {
    resp.send(Http::Code::Ok, req.param(":id").as<std::string>());
  }

  // Verifies itself (throwing form: a bad token never gets past decode).
  void addNote(const Rest::Request &req, Http::ResponseWriter resp) {
    auto auth = req.headers().tryGetRaw("Authorization");
    if (!auth) {
      resp.send(Http::Code::Unauthorized);
      return;
    }
    auto token = jwt::decode(auth->value(), jwt::params::algorithms({"HS256"}),
                             jwt::params::secret(secret));
    resp.send(Http::Code::Created, req.body());
  }

private:
  std::string secret;
};
