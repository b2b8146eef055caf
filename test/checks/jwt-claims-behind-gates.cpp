// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks
// A helper that decodes the request's token again to read a claim, called
// from handlers behind code that runs first: a cpp-httplib pre-routing
// handler (Debian's httplib.h), a Crow middleware and a Drogon filter
// (mocks). Where that code verifies the token, the helper reads verified
// claims: silent. Where it only looks at the token, the read is reported.
#include <crow.h>
#include <drogon/drogon.h>
#include <httplib.h>
#include <jwt-cpp/jwt.h>

#include <string>

std::string sharedSecret();

// One helper per route, so that each silent twin stands on its own: a claim
// read in a helper is reported once, at the read.
std::string subjectOf(const std::string &authorization) {
  return jwt::decode(authorization.substr(7)).get_payload_claim("sub").as_string();
}
std::string boardOwner(const crow::request &req) {
  return jwt::decode(req.get_header_value("Authorization").substr(7)).get_subject();
}
std::string cardOwner(const crow::request &req) {
  return jwt::decode(req.get_header_value("Authorization").substr(7)).get_subject();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: payload::get_subject() reads its subject of a JWT decoded from HTTP request data from request::get_header_value() that is not verified on every path to here; {{.*}} [appsec-jwt-missing-verification]
}
std::string noteOwner(const drogon::HttpRequestPtr &req) {
  return jwt::decode(req->getHeader("Authorization").substr(7)).get_subject();
}
std::string tagOwner(const drogon::HttpRequestPtr &req) {
  return jwt::decode(req->getHeader("Authorization").substr(7)).get_subject();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: payload::get_subject() reads its subject of a JWT decoded from HTTP request data from HttpRequest::getHeader() that is not verified on every path to here; {{.*}} [appsec-jwt-missing-verification]
}

// --- cpp-httplib -------------------------------------------------------------

std::string currentUser(const httplib::Request &req) {
  auto decoded = jwt::decode(req.get_header_value("Authorization").substr(7));
  return decoded.get_payload_claim("sub").as_string();
}
std::string profileOwner(const httplib::Request &req) {
  auto decoded = jwt::decode(req.get_header_value("Authorization").substr(7));
  return decoded.get_payload_claim("sub").as_string();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: decoded_jwt::get_payload_claim() reads a claim of a JWT decoded from HTTP request data from Request::get_header_value() that is not verified on every path to here; {{.*}} [appsec-jwt-missing-verification]
}

void verifyingServer(httplib::Server &svr) {
  svr.set_pre_routing_handler([](const httplib::Request &req, httplib::Response &res) {
    try {
      auto decoded = jwt::decode(req.get_header_value("Authorization").substr(7));
      jwt::verify().allow_algorithm(jwt::algorithm::hs256{sharedSecret()}).verify(decoded);
    } catch (...) {
      res.status = 401;
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  svr.Get("/api/me", [](const httplib::Request &req, httplib::Response &res) {
    res.set_content(currentUser(req), "text/plain");
  });
  svr.Get("/api/whoami", [](const httplib::Request &req, httplib::Response &res) {
    res.set_content(subjectOf(req.get_header_value("Authorization")), "text/plain");
  });
}

// The twin: the pre-routing handler only rejects requests without a token.
// The claim is read (in profileOwner) from a token nobody verified, and the
// pre-routing handler is reported for passing the request on.
void presenceOnlyServer(httplib::Server &svr) {
  svr.set_pre_routing_handler([](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib pre-routing handler reads the request's token and passes the request on without verifying it, so the route it guards serves requests anyone can forge; {{.*}} [appsec-jwt-missing-verification]
    if (!req.has_header("Authorization")) {
      res.status = 401;
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  svr.Get("/api/profile", [](const httplib::Request &req, httplib::Response &res) {
    res.set_content(profileOwner(req), "text/plain");
  });
}

// --- Crow ----------------------------------------------------------------------

struct VerifyJwt {
  struct context {};
  void before_handle(crow::request &req, crow::response &res, context &) {
    try {
      auto decoded = jwt::decode(req.get_header_value("Authorization").substr(7));
      jwt::verify().allow_algorithm(jwt::algorithm::hs256{sharedSecret()}).verify(decoded);
    } catch (...) {
      res.code = 401;
      res.end();
    }
  }
  void after_handle(crow::request &, crow::response &, context &) {}
};

void crowRoutes(crow::App<VerifyJwt> &app) {
  CROW_ROUTE(app, "/api/boards")([](const crow::request &req) {
    return crow::response(boardOwner(req));
  });
}

void crowWithoutMiddleware(crow::SimpleApp &app) {
  CROW_ROUTE(app, "/api/cards")([](const crow::request &req) {
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: Crow handler for route '/api/cards' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
    return crow::response(cardOwner(req));
  });
}

// --- Drogon ----------------------------------------------------------------------

using namespace drogon;
using Callback = std::function<void(const HttpResponsePtr &)>;

class JwtFilter : public HttpFilter<JwtFilter> {
public:
  void doFilter(const HttpRequestPtr &req, FilterCallback &&fcb, FilterChainCallback &&fccb) override {
    try {
      auto decoded = jwt::decode(req->getHeader("Authorization").substr(7));
      jwt::verify().allow_algorithm(jwt::algorithm::hs256{sharedSecret()}).verify(decoded);
    } catch (...) {
      fcb(HttpResponse::newHttpResponse(k401Unauthorized, CT_TEXT_PLAIN));
      return;
    }
    fccb();
  }
};

void drogonRoutes() {
  app().registerHandler(
      "/api/notes",
      [](const HttpRequestPtr &req, Callback &&callback) {
        auto res = HttpResponse::newHttpResponse();
        res->setBody(noteOwner(req));
        callback(res);
      },
      {Get, "JwtFilter"});
  app().registerHandler(
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: Drogon handler for route '/api/tags' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
      "/api/tags",
      [](const HttpRequestPtr &req, Callback &&callback) {
        auto res = HttpResponse::newHttpResponse();
        res->setBody(tagOwner(req));
        callback(res);
      },
      {Get});
}
