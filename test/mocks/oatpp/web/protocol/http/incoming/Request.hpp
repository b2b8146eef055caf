// Test mock of Oat++: imitates src/oatpp/web/protocol/http/incoming/Request.hpp
// (1.3.0). Not Oat++'s code.
#pragma once

#include "oatpp/web/protocol/http/Http.hpp"

#include <memory>

namespace oatpp { namespace data { namespace mapping {
class ObjectMapper {
public:
  template <class Wrapper> Wrapper readFromString(const oatpp::String &str) const;
  oatpp::String writeToString(const oatpp::Void &variant) const;
  virtual ~ObjectMapper() {}
};
}}} // namespace oatpp::data::mapping

namespace oatpp { namespace web { namespace protocol { namespace http { namespace incoming {

class Request {
public:
  const http::QueryParams &getQueryParameters() const;
  oatpp::String getQueryParameter(const oatpp::data::share::StringKeyLabel &name) const;
  oatpp::String getQueryParameter(const oatpp::data::share::StringKeyLabel &name,
                                  const oatpp::String &defaultValue) const;
  const http::Headers &getHeaders() const;
  oatpp::String getHeader(const oatpp::data::share::StringKeyLabelCI &headerName) const;
  oatpp::String getPathVariable(const oatpp::data::share::StringKeyLabel &name) const;
  oatpp::String getPathTail() const;
  oatpp::String readBodyToString() const;
  template <class Wrapper>
  Wrapper readBodyToDto(const std::shared_ptr<data::mapping::ObjectMapper> &objectMapper) const {
    return objectMapper->readFromString<Wrapper>(readBodyToString());
  }
};

}}}}} // namespace oatpp::web::protocol::http::incoming
