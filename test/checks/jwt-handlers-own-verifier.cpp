// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17
// The project's own jwt_verify() (declared here, defined in another file; no
// libjwt function has that name) verifies like any other project verifier.
#include <httplib.h>

#include <string>

bool jwt_verify(const std::string &token, std::string &subject);

void routes(httplib::Server &svr) {
  svr.Get("/api/devices", [](const httplib::Request &req, httplib::Response &res) {
    std::string subject;
    if (!jwt_verify(req.get_header_value("Authorization"), subject)) {
      res.status = 401;
      return;
    }
    res.set_content(req.get_param_value("q"), "text/plain");
  });
  svr.Get("/api/devices/export", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/api/devices/export' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
    res.set_content(req.get_param_value("q"), "text/plain");
  });
}
