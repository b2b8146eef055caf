// A handler that hands its work, as a lambda, to a function of the program
// that verifies the request's token first and then calls it (Floaty's
// `verifier(req, res, f)`): the lambda runs in that function's context, not
// as a handler of its own, so its claim reads are not reported. The same
// read in the handler itself is.
// The read is in one helper, reported once at the read; the WRAPPED run
// keeps only the wrapped handlers, which must leave it silent.
// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks
// RUN: %check_appsec_tidy -check-suffix=WRAPPED %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks -DONLY_WRAPPED
#include <httplib.h>
#include <jwt-cpp/jwt.h>

#include <functional>
#include <string>

std::string secret();

using Work = std::function<void(const httplib::Request &, httplib::Response &)>;

static void verified(const httplib::Request &req, httplib::Response &res, const Work &f) {
  try {
    auto d = jwt::decode(req.get_header_value("Authorization"));
    jwt::verify().allow_algorithm(jwt::algorithm::hs256{secret()}).verify(d);
  } catch (...) {
    res.status = 401;
    return;
  }
  f(req, res);
}

static std::string subjectOf(const httplib::Request &req) {
  return jwt::decode(req.get_header_value("Authorization")).get_payload_claim("sub").as_string();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: decoded_jwt::get_payload_claim() reads a claim of a JWT decoded from HTTP request data {{.*}} [appsec-jwt-missing-verification]
}

void routes(httplib::Server &svr) {
  svr.Get("/me", [](const httplib::Request &req, httplib::Response &res) {
    auto f = [](const httplib::Request &req, httplib::Response &res) {
      res.set_content(subjectOf(req), "text/plain");
    };
    verified(req, res, f);
  });
  svr.Get("/me/inline", [](const httplib::Request &req, httplib::Response &res) {
    verified(req, res, [](const httplib::Request &req, httplib::Response &res) {
      res.set_content(subjectOf(req), "text/plain");
    });
  });
#ifndef ONLY_WRAPPED
  // Reported: the same read, in the handler, with nothing verified.
  svr.Get("/me/unverified", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/me/unverified' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
    res.set_content(subjectOf(req), "text/plain");
  });
#endif
}
