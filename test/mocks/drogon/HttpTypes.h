// Test mock of Drogon (https://github.com/drogonframework/drogon), written
// for appsec-tidy's tests; not Drogon's code. Imitates lib/inc/drogon/HttpTypes.h
// (v1.9.x): status codes, content types, methods.
#pragma once

#include <string>
#include <unordered_map>

namespace drogon {

enum HttpStatusCode {
  kUnknown = 0,
  k200OK = 200,
  k201Created = 201,
  k204NoContent = 204,
  k301MovedPermanently = 301,
  k302Found = 302,
  k303SeeOther = 303,
  k307TemporaryRedirect = 307,
  k308PermanentRedirect = 308,
  k400BadRequest = 400,
  k401Unauthorized = 401,
  k403Forbidden = 403,
  k404NotFound = 404,
  k500InternalServerError = 500,
};

enum class Version { kUnknown = 0, kHttp10, kHttp11 };

enum ContentType {
  CT_NONE = 0,
  CT_APPLICATION_JSON,
  CT_TEXT_PLAIN,
  CT_TEXT_HTML,
  CT_APPLICATION_X_FORM,
  CT_TEXT_JAVASCRIPT,
  CT_TEXT_CSS,
  CT_TEXT_XML,
  CT_APPLICATION_XML,
  CT_APPLICATION_OCTET_STREAM,
  CT_CUSTOM,
};

enum HttpMethod { Get = 0, Post, Head, Put, Delete, Options, Patch, Invalid };

enum class ReqResult { Ok = 0, BadResponse, NetworkFailure, BadServerAddress, Timeout };

template <typename T> using SafeStringMap = std::unordered_map<std::string, T>;

} // namespace drogon
