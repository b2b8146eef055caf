// Test mock of Drogon: imitates lib/inc/drogon/HttpResponse.h (v1.9.x). Not
// Drogon's code. Facts the models rely on, checked in Drogon's sources:
// newHttpResponse() creates a 200 response with content type text/html
// (HttpResponseImpl.cc: make_shared<HttpResponseImpl>(k200OK, CT_TEXT_HTML)),
// and addHeader/addCookie store values as given; the header writer
// (HttpResponseImpl::makeHeaderString) copies them out with no CR/LF check.
#pragma once

#include <drogon/Cookie.h>
#include <drogon/HttpRequest.h>
#include <drogon/HttpTypes.h>
#include <drogon/HttpViewData.h>
#include <json/json.h>

#include <memory>
#include <string>
#include <string_view>

namespace drogon {

class HttpResponse;
using HttpResponsePtr = std::shared_ptr<HttpResponse>;

class HttpResponse {
public:
  virtual HttpStatusCode statusCode() const = 0;
  virtual void setStatusCode(HttpStatusCode code) = 0;
  virtual void setContentTypeCode(ContentType type) = 0;
  void setContentTypeString(const std::string_view &typeString) {
    setContentTypeString(typeString.data(), typeString.size());
  }
  virtual ContentType contentType() const = 0;
  virtual const std::string &getHeader(std::string key) const = 0;
  virtual void removeHeader(std::string key) = 0;
  virtual void addHeader(std::string field, const std::string &value) = 0;
  virtual void addHeader(std::string field, std::string &&value) = 0;
  virtual void addCookie(const std::string &key, const std::string &value) = 0;
  virtual void addCookie(const Cookie &cookie) = 0;
  virtual void setBody(const std::string &body) = 0;
  virtual void setBody(std::string &&body) = 0;
  virtual void setBody(const char *body, size_t len) = 0;
  virtual void setContentTypeString(const char *typeString, size_t typeStringLength) = 0;
  std::string_view body() const;
  virtual ~HttpResponse() {}

  /// 200, text/html.
  static HttpResponsePtr newHttpResponse();
  static HttpResponsePtr newHttpResponse(HttpStatusCode code, ContentType type);
  static HttpResponsePtr newNotFoundResponse(const HttpRequestPtr &req = HttpRequestPtr());
  /// application/json; the JSON writer escapes strings.
  static HttpResponsePtr newHttpJsonResponse(const Json::Value &data);
  static HttpResponsePtr newHttpJsonResponse(Json::Value &&data);
  static HttpResponsePtr newHttpViewResponse(const std::string &viewName,
                                             const HttpViewData &data = HttpViewData(),
                                             const HttpRequestPtr &req = HttpRequestPtr());
  static HttpResponsePtr newRedirectionResponse(const std::string &location,
                                                HttpStatusCode status = k302Found);
  static HttpResponsePtr newFileResponse(const std::string &fullPath,
                                         const std::string &attachmentFileName = "",
                                         ContentType type = CT_NONE,
                                         const std::string &typeString = "",
                                         const HttpRequestPtr &req = HttpRequestPtr());
};

} // namespace drogon
