// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- --config="{CheckOptions: {appsec-jwt-missing-verification.ReportHandlers: sometimes, appsec-jwt-missing-verification.PublicRoutes: '^/health(;^/version$', appsec-jwt-missing-verification.VerificationFunctions: 'verify[;^checkToken$'}}" -- -std=c++17 -isystem %mocks
// Malformed options of appsec-jwt-missing-verification: each is named with
// what was expected, the check goes on with the valid parts.
#include <httplib.h>

#include <string>

// CHECK-MESSAGES: warning: appsec-jwt-missing-verification: PublicRoutes: invalid regular expression '^/health(': parentheses not balanced [clang-tidy-config]
// CHECK-MESSAGES: warning: appsec-jwt-missing-verification: VerificationFunctions: invalid regular expression 'verify[': brackets ([ ]) not balanced [clang-tidy-config]
// CHECK-MESSAGES: warning: invalid ReportHandlers value 'sometimes' for appsec-jwt-missing-verification: expected auto, always or never; using auto [clang-tidy-config]

bool checkToken(const httplib::Request &req);
bool databaseUp();

void routes(httplib::Server &svr) {
  // The valid VerificationFunctions pattern still applies.
  svr.Get("/api/me", [](const httplib::Request &req, httplib::Response &res) {
    if (!checkToken(req)) {
      res.status = 401;
      return;
    }
    res.set_content(req.body, "text/plain");
  });
  // So does the valid PublicRoutes pattern.
  svr.Get("/version", [](const httplib::Request &, httplib::Response &res) { res.status = 200; });
  svr.Get("/health", [](const httplib::Request &, httplib::Response &res) { res.status = databaseUp() ? 200 : 503; });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/health' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
}
