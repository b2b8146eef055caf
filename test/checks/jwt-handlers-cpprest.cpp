// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17
// cpprestsdk 2.10.18 (Debian 12): http_listener handlers, one verifying
// the request with the application's own function, one not. Nothing here
// calls a JWT library or names a verifier for a token (authorizeRequest), so
// the finding asks for authentication, not for a JWT.
#include <cpprest/http_listener.h>

using namespace web::http;
using namespace web::http::experimental::listener;

bool authorizeRequest(const http_request &request);

void listen(http_listener &listener) {
  listener.support(methods::GET, [](http_request request) {
    if (!authorizeRequest(request)) {
      request.reply(status_codes::Unauthorized);
      return;
    }
    request.reply(status_codes::OK, request.extract_string().get());
  });
  listener.support(methods::POST, [](http_request request) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpprestsdk request handler serves requests without authenticating them{{.*}} [appsec-jwt-missing-verification]
    request.reply(status_codes::OK, request.extract_string().get());
  });
}
