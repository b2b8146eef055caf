// Test mock of Oat++: imitates src/oatpp/web/server/HttpRouter.hpp (1.3.0).
// Not Oat++'s code. addController() routes every ENDPOINT of the controller
// (the services' usual main: router->addController(MyController::createShared())).
#pragma once

#include <memory>

namespace oatpp { namespace web { namespace server {

namespace api {
class ApiController;
}

class HttpRouter {
public:
  static std::shared_ptr<HttpRouter> createShared();
  std::shared_ptr<api::ApiController> addController(const std::shared_ptr<api::ApiController> &controller);
};

}}} // namespace oatpp::web::server
