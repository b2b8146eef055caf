// Test mock of Oat++: imitates src/oatpp/web/server/handler/AuthorizationHandler.hpp
// (1.3.0). Not Oat++'s code. An endpoint with an AUTHORIZATION(...) parameter
// passes the Authorization header to the controller's authorization handler;
// a null authorization object makes the controller answer 401 before the
// endpoint runs. BearerAuthorizationHandler::authorize is where an
// application verifies its bearer token.
#pragma once

#include "oatpp/core/Types.hpp"

#include <memory>

namespace oatpp { namespace web { namespace server { namespace handler {

class AuthorizationObject {
public:
  virtual ~AuthorizationObject() = default;
};

class AuthorizationHandler {
public:
  virtual ~AuthorizationHandler() = default;
  virtual std::shared_ptr<AuthorizationObject> handleAuthorization(const oatpp::String &header) = 0;
  oatpp::String getScheme() const;
};

class BearerAuthorizationHandler : public AuthorizationHandler {
public:
  explicit BearerAuthorizationHandler(const oatpp::String &realm = "API");
  std::shared_ptr<AuthorizationObject> handleAuthorization(const oatpp::String &header) override;
  /// Checks the token; nullptr rejects the request.
  virtual std::shared_ptr<AuthorizationObject> authorize(const oatpp::String &token);
};

}}}} // namespace oatpp::web::server::handler
