// Test mock of Oat++: imitates src/oatpp/web/protocol/http/outgoing/Response.hpp
// and ResponseFactory.hpp (1.3.0). Not Oat++'s code. Facts the models rely
// on, checked in Oat++'s sources: a response created from a string
// (BufferBody without a content type) has no Content-Type header, so
// browsers sniff it; putHeader stores the value as given and the headers are
// written out with no CR/LF check.
#pragma once

#include "oatpp/web/protocol/http/Http.hpp"

#include <memory>

namespace oatpp { namespace web { namespace protocol { namespace http { namespace outgoing {

class Body {
public:
  virtual ~Body() {}
};

class BufferBody : public Body {
public:
  BufferBody(const oatpp::String &buffer, const data::share::StringKeyLabel &contentType);
  static std::shared_ptr<BufferBody>
  createShared(const oatpp::String &buffer,
               const data::share::StringKeyLabel &contentType = data::share::StringKeyLabel());
};

class Response {
public:
  Response(const Status &status, const std::shared_ptr<Body> &body);
  static std::shared_ptr<Response> createShared(const Status &status, const std::shared_ptr<Body> &body);
  const Status &getStatus() const;
  void putHeader(const oatpp::String &key, const oatpp::String &value);
  bool putHeaderIfNotExists(const oatpp::String &key, const oatpp::String &value);
  bool putOrReplaceHeader(const oatpp::String &key, const oatpp::String &value);
  oatpp::String getHeader(const oatpp::data::share::StringKeyLabelCI &headerName) const;
};

class ResponseFactory {
public:
  static std::shared_ptr<Response> createResponse(const Status &status, const oatpp::String &text);
  static std::shared_ptr<Response> createResponse(const Status &status, const oatpp::Void &dto,
                                                  const std::shared_ptr<data::mapping::ObjectMapper> &objectMapper);
};

}}}}} // namespace oatpp::web::protocol::http::outgoing
