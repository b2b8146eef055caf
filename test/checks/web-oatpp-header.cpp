// RUN: %check_appsec_tidy %s appsec-command-injection %t -- -header-filter='files_controller' -- -std=c++17 -isystem %mocks -I %S/Inputs/oatpp
// An oat++ controller defined in a header and routed here: its ENDPOINTs are
// analysed with this unit (their query parameters are request data), and what
// they do is reported in the header. The allow-listed format stays silent.
#include "files_controller.hpp"

#include "oatpp/web/server/HttpRouter.hpp"

int main() {
  auto router = oatpp::web::server::HttpRouter::createShared();
  router->addController(FilesController::createShared());
  // CHECK-MESSAGES: files_controller.hpp:28:63: warning: untrusted HTTP request data from 'name' reaches system(), {{.*}} [appsec-command-injection]
  return 0;
}
