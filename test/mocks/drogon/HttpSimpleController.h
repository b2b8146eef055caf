// Test mock of Drogon: imitates lib/inc/drogon/HttpSimpleController.h
// (v1.9.x): a controller overrides asyncHandleHttpRequest; PATH_LIST_BEGIN /
// PATH_ADD / PATH_LIST_END register it. Not Drogon's code.
#pragma once

#include <drogon/HttpAppFramework.h>

#include <functional>
#include <string>
#include <vector>

#define PATH_LIST_BEGIN                                                                            \
  static void initPathRouting() {
#define PATH_ADD(path, ...) registerSelf__(path, {__VA_ARGS__})
#define PATH_LIST_END }

namespace drogon {

class HttpSimpleControllerBase : public virtual DrObjectBase {
public:
  virtual void asyncHandleHttpRequest(const HttpRequestPtr &req,
                                      std::function<void(const HttpResponsePtr &)> &&callback) = 0;
  virtual ~HttpSimpleControllerBase() {}
};

template <typename T, bool AutoCreation = true>
class HttpSimpleController : public DrObject<T>, public HttpSimpleControllerBase {
public:
  static const bool isAutoCreation = AutoCreation;
  virtual ~HttpSimpleController() {}

protected:
  HttpSimpleController() {}
  static void registerSelf__(const std::string &path,
                             const std::vector<internal::HttpConstraint> &constraints);
};

} // namespace drogon
