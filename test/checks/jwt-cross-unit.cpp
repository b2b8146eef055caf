// Gates and helpers defined in another unit (Inputs/cross-unit/gates.cpp),
// judged from the summary store: the gate that verifies keeps its routes
// silent, the one that only reads the token leaves them reported, whatever
// their names say. Without the store they are judged by their names, and
// both verdicts come out wrong (the ALONE twin shows it).
// RUN: rm -rf %t.store
// RUN: %appsec_tidy --checks='-*,appsec-jwt-missing-verification' --config="{CheckOptions: {AppSecSummaryExport: '%t.store'}}" %inputs/cross-unit/gates.cpp -- -std=c++17 -isystem %mocks > /dev/null 2>&1
// RUN: %check_appsec_tidy -check-suffix=STORE %s appsec-jwt-missing-verification %t -- --config="{CheckOptions: {AppSecSummaryStore: '%t.store'}}" -- -std=c++17 -isystem %mocks
// RUN: %check_appsec_tidy -check-suffix=ALONE %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks
#include <httplib.h>
#include <jwt-cpp/jwt.h>

#include <string>

httplib::Server::HandlerResponse requestFilter(const httplib::Request &, httplib::Response &);
httplib::Server::HandlerResponse authenticateRequest(const httplib::Request &, httplib::Response &);
bool tokenOk(const std::string &token);

void verifiedElsewhere(httplib::Server &svr) {
  svr.set_pre_routing_handler(requestFilter);
  svr.Get("/api/reports", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES-ALONE: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/api/reports' serves requests without authenticating them{{.*}} [appsec-jwt-missing-verification]
    res.set_content(req.get_param_value("q"), "text/plain");
  });
}

void trustedElsewhere(httplib::Server &svr) {
  svr.set_pre_routing_handler(authenticateRequest);
  svr.Get("/api/audit", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES-STORE: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/api/audit' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
    res.set_content(req.get_param_value("q"), "text/plain");
  });
}

// A helper of the other unit verifies the token: the handler is
// authenticated on the path where it said yes.
void helperElsewhere(httplib::Server &svr) {
  svr.Get("/api/notes", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES-ALONE: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/api/notes' serves requests without authenticating them{{.*}} [appsec-jwt-missing-verification]
    if (!tokenOk(req.get_header_value("Authorization"))) {
      res.status = 401;
      return;
    }
    res.set_content(req.get_param_value("q"), "text/plain");
  });
}
