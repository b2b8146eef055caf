// Test mock of Oat++: imitates src/oatpp/web/server/api/ApiController.hpp
// (1.3.0). Not Oat++'s code. ENDPOINT (oatpp/codegen/ApiController_define.hpp)
// generates, per endpoint, a proxy method taking the incoming request that
// reads the PATH/QUERY/HEADER/BODY parameters and calls the endpoint.
#pragma once

#include "oatpp/core/Types.hpp"
#include "oatpp/core/macro/codegen.hpp"
#include "oatpp/core/macro/component.hpp"
#include "oatpp/web/protocol/http/Http.hpp"
#include "oatpp/web/protocol/http/incoming/Request.hpp"
#include "oatpp/web/protocol/http/outgoing/Response.hpp"
#include "oatpp/web/server/handler/AuthorizationHandler.hpp"

#include <functional>
#include <memory>
#include <string>

namespace oatpp { namespace web { namespace server { namespace api {

class ApiController {
public:
  typedef ApiController __ControllerType;
  typedef oatpp::web::protocol::http::incoming::Request IncomingRequest;
  typedef oatpp::web::protocol::http::outgoing::Response OutgoingResponse;
  typedef oatpp::web::protocol::http::outgoing::ResponseFactory ResponseFactory;
  typedef oatpp::web::protocol::http::Status Status;
  typedef oatpp::web::protocol::http::Header Header;
  typedef oatpp::web::protocol::http::QueryParams QueryParams;
  typedef oatpp::data::mapping::ObjectMapper ObjectMapper;
  typedef oatpp::String String;
  typedef oatpp::Int8 Int8;
  typedef oatpp::Int32 Int32;
  typedef oatpp::UInt32 UInt32;
  typedef oatpp::Int64 Int64;
  typedef oatpp::Float64 Float64;
  typedef oatpp::Boolean Boolean;

  ApiController(const std::shared_ptr<ObjectMapper> &defaultObjectMapper,
                const oatpp::String &routerPrefix = nullptr)
      : m_defaultObjectMapper(defaultObjectMapper), m_routerPrefix(routerPrefix) {}
  virtual ~ApiController() {}

  std::shared_ptr<OutgoingResponse> handleError(const Status &status, const oatpp::String &message) const;
  /// Used by AUTHORIZATION(TYPE, NAME): runs the default authorization
  /// handler on the header and throws an HTTP 401 error when it returns null.
  std::shared_ptr<handler::AuthorizationObject> handleDefaultAuthorization(const String &authHeader) const;
  void setDefaultAuthorizationHandler(const std::shared_ptr<handler::AuthorizationHandler> &handler);
  const std::shared_ptr<ObjectMapper> &getDefaultObjectMapper() const { return m_defaultObjectMapper; }
  /// A response whose body is \p str, with no Content-Type.
  std::shared_ptr<OutgoingResponse> createResponse(const Status &status, const oatpp::String &str) const;
  /// A response serialised by the object mapper (application/json).
  std::shared_ptr<OutgoingResponse> createDtoResponse(const Status &status, const oatpp::Void &dto) const;

  /// Calls an endpoint's proxy method for each matching request.
  template <class T> class Handler {
  public:
    typedef std::shared_ptr<OutgoingResponse> (T::*Method)(const std::shared_ptr<IncomingRequest> &);
    Handler(T *controller, Method method) : m_controller(controller), m_method(method) {}
    std::shared_ptr<OutgoingResponse> handle(const std::shared_ptr<IncomingRequest> &request) {
      return (m_controller->*m_method)(request);
    }

  private:
    T *m_controller;
    Method m_method;
  };
  /// What oat++ knows of an endpoint (oatpp/web/server/api/Endpoint.hpp).
  struct EndpointInfo {
    oatpp::String name, path, method;
  };
  /// Built when the controller is constructed: ENDPOINT's info lambda.
  typedef std::function<std::shared_ptr<EndpointInfo>()> EndpointInfoBuilder;
  /// Registers a handler with the info its builder gives (createEndpoint in
  /// Oat++, which keeps them in the controller's endpoint list).
  std::shared_ptr<EndpointInfo> createEndpoint(const std::shared_ptr<void> &handler,
                                               const EndpointInfoBuilder &info);

  template <typename T> struct TypeInterpretation {
    static T fromString(const oatpp::String &typeName, const oatpp::String &text, bool &success);
  };

protected:
  std::shared_ptr<ObjectMapper> m_defaultObjectMapper;
  oatpp::String m_routerPrefix;
};

template <> struct ApiController::TypeInterpretation<oatpp::String> {
  static oatpp::String fromString(const oatpp::String &typeName, const oatpp::String &text,
                                  bool &success) {
    (void)typeName;
    success = true;
    return text;
  }
};
template <> struct ApiController::TypeInterpretation<oatpp::Int32> {
  static oatpp::Int32 fromString(const oatpp::String &typeName, const oatpp::String &text,
                                 bool &success);
};
template <> struct ApiController::TypeInterpretation<oatpp::Int64> {
  static oatpp::Int64 fromString(const oatpp::String &typeName, const oatpp::String &text,
                                 bool &success);
};

}}}} // namespace oatpp::web::server::api
