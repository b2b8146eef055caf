// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks
// A Drogon filter whose job is authentication (mock: test/mocks/drogon/):
// the classic bypass decodes the request's token, hands its claims on and
// passes the request without verifying anything. Its twin verifies first.
#include <drogon/drogon.h>
#include <jwt-cpp/jwt.h>

#include <string>

using namespace drogon;
using Callback = std::function<void(const HttpResponsePtr &)>;

std::string sharedSecret();
void rememberUser(const HttpRequestPtr &req, const std::string &user);
HttpResponsePtr textResponse(const std::string &body);

class DecodeOnlyFilter : public HttpFilter<DecodeOnlyFilter> {
public:
  void doFilter(const HttpRequestPtr &req, FilterCallback &&fcb, FilterChainCallback &&fccb) override {
    // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: Drogon filter 'DecodeOnlyFilter' reads the request's token and passes the request on without verifying it, so the route it guards serves requests anyone can forge; {{.*}} [appsec-jwt-missing-verification]
    auto header = req->getHeader("Authorization");
    if (header.empty()) {
      fcb(HttpResponse::newHttpResponse(k401Unauthorized, CT_TEXT_PLAIN));
      return;
    }
    // The payload read is a note of the filter's finding (same fix, same
    // place), not a finding of its own.
    rememberUser(req, jwt::decode(header.substr(7)).get_payload());
    fccb();
  }
};

class VerifyingFilter : public HttpFilter<VerifyingFilter> {
public:
  void doFilter(const HttpRequestPtr &req, FilterCallback &&fcb, FilterChainCallback &&fccb) override {
    try {
      auto decoded = jwt::decode(req->getHeader("Authorization").substr(7));
      jwt::verify().allow_algorithm(jwt::algorithm::hs256{sharedSecret()}).verify(decoded);
      rememberUser(req, decoded.get_payload());
    } catch (...) {
      fcb(HttpResponse::newHttpResponse(k401Unauthorized, CT_TEXT_PLAIN));
      return;
    }
    fccb();
  }
};

void routes() {
  // The route the decode-only filter guards is not verified either: the
  // filter's finding names it (a note here), instead of one finding per route.
  app().registerHandler(
      "/api/a", [](const HttpRequestPtr &req, Callback &&callback) { callback(textResponse("a")); },
      {Get, "DecodeOnlyFilter"});
  app().registerHandler(
      "/api/b", [](const HttpRequestPtr &req, Callback &&callback) { callback(textResponse("b")); },
      {Get, "VerifyingFilter"});
}
