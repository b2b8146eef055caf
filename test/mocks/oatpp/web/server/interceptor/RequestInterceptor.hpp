// Test mock of Oat++: imitates src/oatpp/web/server/interceptor/RequestInterceptor.hpp
// and the interceptor registration of HttpConnectionHandler.hpp (1.3.0). Not
// Oat++'s code. A request interceptor added to the connection handler sees
// every request before routing; returning a response ends the request,
// nullptr lets it continue.
#pragma once

#include "oatpp/web/protocol/http/incoming/Request.hpp"
#include "oatpp/web/protocol/http/outgoing/Response.hpp"
#include "oatpp/web/server/HttpRouter.hpp"

#include <memory>

namespace oatpp { namespace web { namespace server {

namespace interceptor {
class RequestInterceptor {
public:
  typedef oatpp::web::protocol::http::incoming::Request IncomingRequest;
  typedef oatpp::web::protocol::http::outgoing::Response OutgoingResponse;
  virtual ~RequestInterceptor() = default;
  virtual std::shared_ptr<OutgoingResponse> intercept(const std::shared_ptr<IncomingRequest> &request) = 0;
};
} // namespace interceptor

class HttpConnectionHandler {
public:
  static std::shared_ptr<HttpConnectionHandler> createShared(const std::shared_ptr<HttpRouter> &router);
  void addRequestInterceptor(const std::shared_ptr<interceptor::RequestInterceptor> &interceptor);
};

}}} // namespace oatpp::web::server
