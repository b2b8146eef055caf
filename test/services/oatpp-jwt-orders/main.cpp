// orders-svc - order tracking API for the web shop.
#include "OrdersController.hpp"

#include "oatpp/web/server/HttpRouter.hpp"
#include "oatpp/web/server/interceptor/RequestInterceptor.hpp"

#include <cstdlib>
#include <iostream>

bool OrdersController::checkPassword(const std::string &user, const std::string &password) {
  // TODO: move to the accounts service
  const char *pw = std::getenv(("ORDERS_PW_" + user).c_str());
  return pw && password == pw;
}

int main() {
  const char *secret = std::getenv("ORDERS_JWT_SECRET");
  if (!secret) {
    std::cerr << "ORDERS_JWT_SECRET not set\n";
    return 1;
  }
  auto tokens = std::make_shared<TokenService>(secret);
  auto store = std::make_shared<OrderStore>();

  auto router = oatpp::web::server::HttpRouter::createShared();
  router->addController(std::make_shared<OrdersController>(tokens, store));
  auto connectionHandler = oatpp::web::server::HttpConnectionHandler::createShared(router);
  (void)connectionHandler;
  return 0;
}
