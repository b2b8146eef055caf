// Test mock of Drogon: imitates lib/inc/drogon/HttpFilter.h and
// HttpMiddleware.h (v1.9.x; middlewares since v1.9.5). Not Drogon's code.
//
// A filter or middleware runs before the handlers whose route constraints
// name its class ({Get, "AuthFilter"}); a filter rejects a request by calling
// fcb(response) and lets it through by calling fccb().
#pragma once

#include <drogon/HttpAppFramework.h>
#include <drogon/HttpRequest.h>
#include <drogon/HttpResponse.h>

#include <functional>

namespace drogon {

using FilterCallback = std::function<void(const HttpResponsePtr &)>;
using FilterChainCallback = std::function<void()>;

class HttpFilterBase : public virtual DrObjectBase {
public:
  virtual void doFilter(const HttpRequestPtr &req, FilterCallback &&fcb,
                        FilterChainCallback &&fccb) = 0;
  ~HttpFilterBase() override {}
};

template <typename T, bool AutoCreation = true>
class HttpFilter : public DrObject<T>, public HttpFilterBase {
public:
  static constexpr bool isAutoCreation{AutoCreation};
  ~HttpFilter() override {}
};

using MiddlewareCallback = std::function<void(const HttpResponsePtr &)>;
using MiddlewareNextCallback = std::function<void(MiddlewareCallback &&)>;

class HttpMiddlewareBase : public virtual DrObjectBase {
public:
  virtual void invoke(const HttpRequestPtr &req, MiddlewareNextCallback &&nextCb,
                      MiddlewareCallback &&mcb) = 0;
  ~HttpMiddlewareBase() override {}
};

template <typename T, bool AutoCreation = true>
class HttpMiddleware : public DrObject<T>, public HttpMiddlewareBase {
public:
  static constexpr bool isAutoCreation{AutoCreation};
  ~HttpMiddleware() override {}
};

} // namespace drogon
