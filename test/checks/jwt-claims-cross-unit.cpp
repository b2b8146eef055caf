// A helper of another unit reads the claims of the request's token
// (Inputs/cross-unit/claims.cpp). With a summary store the callers judge
// it: a route that verifies first is silent, one that does not is reported
// at its call; and the helper's own unit, which the store shows is called
// from elsewhere, leaves the judgement to them. Alone, the helper's unit
// reports the read and this unit sees nothing.
// RUN: rm -rf %t.store
// RUN: %appsec_tidy --checks='-*,appsec-jwt-missing-verification' --config="{CheckOptions: {AppSecSummaryExport: '%t.store'}}" %inputs/cross-unit/claims.cpp -- -std=c++17 -isystem %mocks > /dev/null 2>&1
// RUN: %appsec_tidy --checks='-*,appsec-jwt-missing-verification' --config="{CheckOptions: {AppSecSummaryStore: '%t.store', AppSecSummaryExport: '%t.store'}}" %s -- -std=c++17 -isystem %mocks > /dev/null 2>&1
// RUN: %check_appsec_tidy -check-suffix=STORE %s appsec-jwt-missing-verification %t -- --config="{CheckOptions: {AppSecSummaryStore: '%t.store'}}" -- -std=c++17 -isystem %mocks
// RUN: %check_appsec_tidy -check-suffix=HELPER %inputs/cross-unit/claims.cpp appsec-jwt-missing-verification %t -- --config="{CheckOptions: {AppSecSummaryStore: '%t.store'}}" -- -std=c++17 -isystem %mocks
// RUN: %check_appsec_tidy -check-suffix=ALONE %inputs/cross-unit/claims.cpp appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks
#include <httplib.h>
#include <jwt-cpp/jwt.h>

#include <string>

std::string secret();
std::string subjectOf(const httplib::Request &req);

void routes(httplib::Server &svr) {
  svr.Get("/me", [](const httplib::Request &req, httplib::Response &res) {
    try {
      auto d = jwt::decode(req.get_header_value("Authorization"));
      jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret()}).verify(d);
    } catch (...) {
      res.status = 401;
      return;
    }
    res.set_content(subjectOf(req), "text/plain");
  });
  svr.Get("/whoami", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES-STORE: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/whoami' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
    res.set_content(subjectOf(req), "text/plain");
    // CHECK-MESSAGES-STORE: :[[@LINE-1]]:21: warning: decoded_jwt::get_payload_claim() reads a claim of a JWT decoded from HTTP request data {{.*}} [appsec-jwt-missing-verification]
  });
}
