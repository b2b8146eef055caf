// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17 -I %inputs/vendored
// A vendored framework's verifySslName (trantor, through -I, not a system
// header) does not make this JWT-free service one that authenticates with
// JWTs: its routes are not held to the handler rule. Silent.
#include <httplib.h>
#include <trantor/TcpConnection.h>

#include <string>

void publicCatalog(httplib::Server &svr) {
  svr.Get("/catalog", [](const httplib::Request &req, httplib::Response &res) {
    res.set_content(req.get_param_value("q"), "text/plain");
  });
}
