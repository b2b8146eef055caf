// RUN: %check_appsec_tidy %s appsec-connect-qsh %t -- -- -std=c++17 -isystem %mocks
// RUN: %check_appsec_tidy -check-suffix=FORCED %s appsec-connect-qsh %t -- \
// RUN:   -config="{CheckOptions: {appsec-connect-qsh.ConnectApp: 'true'}}" -- -std=c++17 -isystem %mocks
// An OAuth-style API with Bearer JWTs: no qsh, no context-qsh, no "JWT "
// scheme, no atlassian-connect, so not a Connect app and silent by default
// (ConnectApp auto). ConnectApp true makes the check treat it as one.
#include <jwt-cpp/jwt.h>
#include <httplib.h>

#include <string>

void routes(httplib::Server &svr, const std::string &key) {
  svr.Get("/v1/orders", [&](const httplib::Request &req, httplib::Response &res) {
    std::string header = req.get_header_value("Authorization");
    if (header.rfind("Bearer ", 0) != 0) {
      res.status = 401;
      return;
    }
    auto decoded = jwt::decode(header.substr(7));
    jwt::verify().allow_algorithm(jwt::algorithm::hs256{key}).with_issuer("auth.example.com").verify(decoded);
    // CHECK-NOTES-FORCED: :[[@LINE-1]]:5: warning: Connect JWT verified by jwt-cpp verifier.verify() (route '/v1/orders', cpp-httplib), but its qsh claim is never compared with the hash of the request, {{.*}} [appsec-connect-qsh]
    // CHECK-NOTES-FORCED: :[[@LINE-9]]:3: note: the route is registered here
    res.set_content(decoded.get_subject(), "text/plain");
  });
}
