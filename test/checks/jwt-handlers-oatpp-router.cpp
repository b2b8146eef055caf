// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks -I %inputs/oatpp
// RUN: %check_appsec_tidy -check-suffix=PATH %s appsec-path-traversal %t -- -- -std=c++17 -isystem %mocks -I %inputs/oatpp
// RUN: %check_appsec_tidy -check-suffix=UNITTEST %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks -I %inputs/oatpp -DWITH_GTEST
// RUN: %check_appsec_tidy -check-suffix=NOROUTER %s appsec-path-traversal,appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks -I %inputs/oatpp -DNO_ROUTER
// Oat++ 1.3 (mock): the service's main routes a controller defined in a
// header (router->addController(NotesController::createShared())). Its
// ENDPOINTs are this program's request handlers: the open one is reported
// at the registration, the verifying one is not; and, the program serving
// requests, the operator's environment is not attacker input (the
// configuration directory below stays silent). Without the router line the
// file is a plain tool: no handlers, and getenv counts as input. A library's
// controller (oatpp-swagger's) is not the application's; and a unit test
// (GoogleTest, Debian's header) that starts the same routes is not the
// service: silent.
#ifdef WITH_GTEST
#include <gtest/gtest.h>
#endif
#include "notes_controller.hpp"
#include "swagger_controller.hpp"
#include "oatpp/web/server/HttpRouter.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>

void ensureConfigDir() {
  std::filesystem::create_directory(std::string(std::getenv("HOME")) + "/.config/notes");
  // CHECK-MESSAGES-NOROUTER: :[[@LINE-1]]:37: warning: untrusted environment data from getenv() reaches {{.*}} [appsec-path-traversal]
}

int main() {
  ensureConfigDir();
#ifndef NO_ROUTER
  auto router = oatpp::web::server::HttpRouter::createShared();
  router->addController(NotesController::createShared());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: oat++ handler for route '/api/notes' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
  // CHECK-MESSAGES: notes_controller.hpp:19:3: note: handler defined here
  router->addController(oatpp::swagger::Controller::createShared());
#endif
}
