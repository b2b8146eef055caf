// RUN: %check_appsec_tidy %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks
// RUN: %check_appsec_tidy -check-suffix=INTERCEPTOR %s appsec-jwt-missing-verification %t -- -- -std=c++17 -isystem %mocks -DWITH_INTERCEPTOR
// Oat++ 1.3 (mock: test/mocks/oatpp/): ENDPOINTs protected by an
// AUTHORIZATION parameter, by a verifying request interceptor, by a check in
// the endpoint, and one left open.
#include "oatpp/web/server/api/ApiController.hpp"
#include "oatpp/web/server/interceptor/RequestInterceptor.hpp"

#include <memory>
#include <string>

bool verifyToken(const oatpp::String &authorization);

#ifdef WITH_INTERCEPTOR
class JwtInterceptor : public oatpp::web::server::interceptor::RequestInterceptor {
public:
  std::shared_ptr<OutgoingResponse> intercept(const std::shared_ptr<IncomingRequest> &request) override {
    if (!verifyToken(request->getHeader("Authorization")))
      return unauthorized();
    return nullptr;
  }
  std::shared_ptr<OutgoingResponse> unauthorized();
};
#endif

#include OATPP_CODEGEN_BEGIN(ApiController)

class NotesController : public oatpp::web::server::api::ApiController {
public:
  NotesController(OATPP_COMPONENT(std::shared_ptr<ObjectMapper>, objectMapper))
      : oatpp::web::server::api::ApiController(objectMapper) {}

  ENDPOINT("GET", "/api/notes/{id}", getNote, PATH(String, id),
           AUTHORIZATION(std::shared_ptr<oatpp::web::server::handler::AuthorizationObject>, auth)) {
    return createResponse(Status::CODE_200, id);
  }

  ENDPOINT("POST", "/api/notes", addNote, BODY_STRING(String, body)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: oat++ handler for route '/api/notes' serves requests without verifying a JWT{{.*}} [appsec-jwt-missing-verification]
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
