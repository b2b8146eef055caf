// The other unit of jwt-cross-unit.cpp: the gates and helpers it registers
// or calls, defined here. Their names say the opposite of what they do.
#include <httplib.h>
#include <jwt-cpp/jwt.h>

#include <string>

std::string secretFor(const std::string &issuer);

// Verifies the bearer token and rejects the request when it fails.
httplib::Server::HandlerResponse requestFilter(const httplib::Request &req,
                                               httplib::Response &res) {
  std::string auth = req.get_header_value("Authorization");
  try {
    auto decoded = jwt::decode(auth.substr(7));
    jwt::verify()
        .allow_algorithm(jwt::algorithm::hs256{secretFor(decoded.get_issuer())})
        .verify(decoded);
  } catch (...) {
    res.status = 401;
    return httplib::Server::HandlerResponse::Handled;
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

// Reads the token, never checks it, and lets every request through.
httplib::Server::HandlerResponse authenticateRequest(const httplib::Request &req,
                                                     httplib::Response &) {
  std::string auth = req.get_header_value("Authorization");
  (void)jwt::decode(auth.substr(7));
  return httplib::Server::HandlerResponse::Unhandled;
}

// A helper that verifies the token it is given.
bool tokenOk(const std::string &token) {
  try {
    auto decoded = jwt::decode(token);
    jwt::verify()
        .allow_algorithm(jwt::algorithm::hs256{secretFor(decoded.get_issuer())})
        .verify(decoded);
    return true;
  } catch (...) {
    return false;
  }
}
