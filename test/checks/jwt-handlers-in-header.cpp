// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -header-filter='notes_handlers' -- -std=c++17 -isystem %mocks -I %S/Inputs/handlers
// Handlers registered in this file whose code is inline in a header: the
// engine walks their bodies for the handler check too. A handler that
// never verifies is reported at its registration; one that uses request
// data on a path without verification, at that use (in the header).
#include "notes_handlers.h"

void routes(httplib::Server &svr) {
  svr.Post("/notes", notes::create);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: cpp-httplib handler for route '/notes' serves requests without verifying a JWT; {{.*}} [appsec-jwt-missing-verification]
  // CHECK-MESSAGES: notes_handlers.h:14:13: note: handler defined here
  svr.Put("/notes", notes::update);
  svr.Patch("/notes", notes::patch);
  // CHECK-MESSAGES: notes_handlers.h:32:13: warning: cpp-httplib handler for route '/notes' uses request field 'body' on a path where the JWT is not verified; {{.*}} [appsec-jwt-missing-verification]
  // CHECK-MESSAGES: notes_handlers.h:30:8: note: the token is verified here, but not on every path to the use above
}
