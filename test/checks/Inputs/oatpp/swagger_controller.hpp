// A library's controller, as oatpp-swagger ships one (oatpp-swagger/Controller.hpp):
// it serves the API documentation, and is not the application's code.
#pragma once

#include "oatpp/web/server/api/ApiController.hpp"

#include <memory>

namespace oatpp { namespace swagger {
#include OATPP_CODEGEN_BEGIN(ApiController)
class Controller : public oatpp::web::server::api::ApiController {
public:
  Controller(OATPP_COMPONENT(std::shared_ptr<ObjectMapper>, objectMapper))
      : oatpp::web::server::api::ApiController(objectMapper) {}
  static std::shared_ptr<Controller> createShared();
  ENDPOINT("GET", "/swagger/{filename}", getUIResource, PATH(String, filename)) {
    return createResponse(Status::CODE_200, filename);
  }
};
#include OATPP_CODEGEN_END(ApiController)
}} // namespace oatpp::swagger
