// Test mock of Drogon: imitates lib/inc/drogon/HttpRequest.h (v1.9.x), an
// abstract request whose accessors are pure virtual (HttpRequestImpl
// implements them inside libdrogon). Not Drogon's code.
#pragma once

#include <drogon/HttpTypes.h>
#include <json/json.h>

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace drogon {

class HttpRequest;
using HttpRequestPtr = std::shared_ptr<HttpRequest>;

class HttpRequest {
public:
  virtual const char *methodString() const = 0;
  virtual HttpMethod method() const = 0;
  virtual const std::string &getHeader(std::string key) const = 0;
  virtual void addHeader(std::string field, const std::string &value) = 0;
  virtual const std::string &getCookie(const std::string &field) const = 0;
  virtual const SafeStringMap<std::string> &headers() const = 0;
  const SafeStringMap<std::string> &getHeaders() const { return headers(); }
  virtual const SafeStringMap<std::string> &cookies() const = 0;
  const SafeStringMap<std::string> &getCookies() const { return cookies(); }
  /// The query string, without '?'.
  virtual const std::string &query() const = 0;
  const std::string &getQuery() const { return query(); }
  std::string_view body() const { return std::string_view(bodyData(), bodyLength()); }
  std::string_view getBody() const { return body(); }
  virtual const char *bodyData() const = 0;
  virtual size_t bodyLength() const = 0;
  virtual void setBody(const std::string &body) = 0;
  virtual const std::string &path() const = 0;
  const std::string &getPath() const { return path(); }
  virtual const std::string &getOriginalPath() const = 0;
  virtual const std::vector<std::string> &getRoutingParameters() const = 0;
  /// Query and form parameters.
  virtual const SafeStringMap<std::string> &parameters() const = 0;
  const SafeStringMap<std::string> &getParameters() const { return parameters(); }
  virtual const std::string &getParameter(const std::string &key) const = 0;
  template <typename T> std::optional<T> getOptionalParameter(const std::string &key) {
    auto &params = getParameters();
    auto it = params.find(key);
    if (it == params.end())
      return std::nullopt;
    T value;
    std::istringstream(it->second) >> value;
    return value;
  }
  virtual const std::shared_ptr<Json::Value> &jsonObject() const = 0;
  const std::shared_ptr<Json::Value> &getJsonObject() const { return jsonObject(); }
  virtual const std::string &getJsonError() const = 0;
  virtual ContentType contentType() const = 0;
  virtual void setPath(const std::string &path) = 0;
  virtual void setParameter(const std::string &key, const std::string &value) = 0;
  virtual void setMethod(const HttpMethod method) = 0;
  virtual bool isOnSecureConnection() const noexcept = 0;
  static HttpRequestPtr newHttpRequest();
  static HttpRequestPtr newHttpJsonRequest(const Json::Value &data);
  virtual ~HttpRequest() {}
};

} // namespace drogon
