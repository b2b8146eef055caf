// notes-svc - personal notes backend behind the company SSO proxy (the proxy
// sets X-Owner).
#include "NotesController.hpp"

#include "oatpp/web/server/HttpRouter.hpp"
#include "oatpp/web/server/interceptor/RequestInterceptor.hpp"

#include <cstdlib>
#include <iostream>

int main() {
  const char *conninfo = std::getenv("NOTES_PG");
  auto db = std::make_shared<NotesDb>(conninfo ? conninfo : "dbname=notes");

  auto router = oatpp::web::server::HttpRouter::createShared();
  router->addController(NotesController::createShared(db));
  auto handler = oatpp::web::server::HttpConnectionHandler::createShared(router);
  std::cout << "notes-svc ready" << std::endl;
  return handler ? 0 : 1;
}
