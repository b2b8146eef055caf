// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks
// RUN: %check_appsec_tidy -check-suffix=ADVICE %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks -DWITH_ADVICE
// Drogon 1.9 (mock: test/mocks/drogon/): filters named in the route
// constraints, a pre-routing advice, and handlers left unprotected.
#include <drogon/drogon.h>
#include <jwt-cpp/jwt.h>

#include <functional>
#include <string>

using namespace drogon;
using Callback = std::function<void(const HttpResponsePtr &)>;

std::string sharedSecret();
HttpResponsePtr textResponse(const std::string &body);

class JwtFilter : public HttpFilter<JwtFilter> {
public:
  void doFilter(const HttpRequestPtr &req, FilterCallback &&fcb, FilterChainCallback &&fccb) override {
    try {
      auto decoded = jwt::decode(req->getHeader("Authorization"));
      jwt::verify().allow_algorithm(jwt::algorithm::hs256{sharedSecret()}).verify(decoded);
    } catch (...) {
      fcb(HttpResponse::newHttpResponse(k401Unauthorized, CT_TEXT_PLAIN));
      return;
    }
    fccb();
  }
};

class CorsFilter : public HttpFilter<CorsFilter> {
public:
  void doFilter(const HttpRequestPtr &, FilterCallback &&, FilterChainCallback &&fccb) override {
    fccb();
  }
};

// Reads the token but only checks that there is one, then passes the
// request on: reported once, here, with the routes it guards.
class PresenceFilter : public HttpFilter<PresenceFilter> {
public:
  void doFilter(const HttpRequestPtr &req, FilterCallback &&fcb, FilterChainCallback &&fccb) override {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: Drogon filter 'PresenceFilter' reads the request's token and passes the request on without verifying it, so the 2 routes it guards serve requests anyone can forge; verify the token (signature with a pinned algorithm, exp, iss) before calling the chain callback, and answer 401 when it fails; violates Atlassian requirement 1 (Authenticate and authorize every request) [appsec-jwt-missing-verification]
    if (req->getHeader("Authorization").empty()) {
      fcb(HttpResponse::newHttpResponse(k401Unauthorized, CT_TEXT_PLAIN));
      return;
    }
    fccb();
  }
};

void routes() {
#ifdef WITH_ADVICE
  app().registerPreRoutingAdvice(
      [](const HttpRequestPtr &req, HttpAppFramework::AdviceCallback &&reject,
         HttpAppFramework::AdviceChainCallback &&next) {
        try {
          auto decoded = jwt::decode(req->getHeader("Authorization"));
          jwt::verify().allow_algorithm(jwt::algorithm::hs256{sharedSecret()}).verify(decoded);
        } catch (...) {
          reject(HttpResponse::newHttpResponse(k401Unauthorized, CT_TEXT_PLAIN));
          return;
        }
        next();
      });
#endif
  app().registerHandler(
      "/api/notes",
      [](const HttpRequestPtr &req, Callback &&callback) { callback(textResponse(std::string(req->getBody()))); },
      {Post, "JwtFilter"});
  app().registerHandler(
      "/api/cors",
      // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: Drogon handler for route '/api/cors' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
      [](const HttpRequestPtr &req, Callback &&callback) { callback(textResponse(req->getParameter("q"))); },
      {Get, "CorsFilter"});
  // A filter defined in another file is given the benefit of the doubt.
  app().registerHandler(
      "/api/projects",
      [](const HttpRequestPtr &req, Callback &&callback) { callback(textResponse(req->getParameter("q"))); },
      {Get, "api::v1::LoginFilter"});
  app().registerHandler(
      "/api/tasks",
      [](const HttpRequestPtr &req, Callback &&callback) { callback(textResponse(std::string(req->getBody()))); },
      {Post, "PresenceFilter"});
  app().registerHandler(
      "/api/tasks/{1}",
      [](const HttpRequestPtr &, Callback &&callback, const std::string &id) { callback(textResponse(id)); },
      {Delete, "PresenceFilter"});
  app().registerHandler(
      "/api/users/{1}",
      // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: Drogon handler for route '/api/users/{1}' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
      [](const HttpRequestPtr &, Callback &&callback, const std::string &id) { callback(textResponse(id)); },
      {Get});
}
