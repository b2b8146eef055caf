// An oat++ controller in a header of its own, as oat++ services lay them out
// (controller/NotesController.hpp); routed by the file that includes it.
#pragma once

#include "oatpp/web/server/api/ApiController.hpp"

#include <memory>

bool verifyToken(const oatpp::String &authorization);

#include OATPP_CODEGEN_BEGIN(ApiController)

class NotesController : public oatpp::web::server::api::ApiController {
public:
  NotesController(OATPP_COMPONENT(std::shared_ptr<ObjectMapper>, objectMapper))
      : oatpp::web::server::api::ApiController(objectMapper) {}
  static std::shared_ptr<NotesController> createShared();

  ENDPOINT("POST", "/api/notes", addNote, BODY_STRING(String, body)) {
    return createResponse(Status::CODE_200, body);
  }

  ENDPOINT("GET", "/api/self", self, HEADER(String, authorization, "Authorization"),
           QUERY(String, fields)) {
    if (!verifyToken(authorization))
      return createResponse(Status::CODE_401, "unauthorized");
    return createResponse(Status::CODE_200, fields);
  }
};

#include OATPP_CODEGEN_END(ApiController)
