// Test mock of Drogon: imitates lib/inc/drogon/HttpAppFramework.h,
// utils/HttpConstraint.h and DrObject.h (v1.9.x). Not Drogon's code.
#pragma once

#include <drogon/HttpRequest.h>
#include <drogon/HttpResponse.h>
#include <drogon/HttpTypes.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace drogon {

namespace internal {
/// A route constraint: a method or a filter/middleware name.
class HttpConstraint {
public:
  HttpConstraint(HttpMethod method) : method_(method) {}
  HttpConstraint(std::string name) : name_(std::move(name)) {}
  HttpConstraint(const char *name) : name_(name) {}

private:
  HttpMethod method_ = Invalid;
  std::string name_;
};
} // namespace internal

class DrObjectBase {
public:
  virtual ~DrObjectBase() {}
};

template <typename T> class DrObject : public virtual DrObjectBase {
public:
  static const std::string &classTypeName();
};

class HttpAppFramework {
public:
  virtual ~HttpAppFramework() {}
  static HttpAppFramework &instance();
  virtual void run() = 0;
  virtual void quit() = 0;
  /// Registers \p function (a lambda, function or member function) for the
  /// path pattern; "{1}", "{name}" segments and "?a={}" query parts become
  /// the handler's parameters after the request and the callback.
  template <typename FUNCTION>
  HttpAppFramework &registerHandler(const std::string &pathPattern, FUNCTION &&function,
                                    const std::vector<internal::HttpConstraint> &constraints = {},
                                    const std::string &handlerName = "") {
    handlers_.push_back(std::make_shared<Binder<typename std::decay<FUNCTION>::type>>(
        std::forward<FUNCTION>(function)));
    (void)pathPattern;
    (void)constraints;
    (void)handlerName;
    return *this;
  }
  template <typename FUNCTION>
  HttpAppFramework &registerHandlerViaRegex(const std::string &regExp, FUNCTION &&function,
                                            const std::vector<internal::HttpConstraint> &constraints = {},
                                            const std::string &handlerName = "") {
    return registerHandler(regExp, std::forward<FUNCTION>(function), constraints, handlerName);
  }
  using AdviceCallback = std::function<void(const HttpResponsePtr &)>;
  using AdviceChainCallback = std::function<void()>;
  /// Advices run for every request: before routing, and after routing
  /// before the handler (and its filters).
  virtual HttpAppFramework &registerPreRoutingAdvice(
      const std::function<void(const HttpRequestPtr &, AdviceCallback &&, AdviceChainCallback &&)>
          &advice) = 0;
  virtual HttpAppFramework &registerPreHandlingAdvice(
      const std::function<void(const HttpRequestPtr &, AdviceCallback &&, AdviceChainCallback &&)>
          &advice) = 0;
  virtual HttpAppFramework &addListener(const std::string &ip, uint16_t port, bool useSSL = false,
                                        const std::string &certFile = "",
                                        const std::string &keyFile = "") = 0;
  virtual HttpAppFramework &setThreadNum(size_t threadNum) = 0;
  virtual HttpAppFramework &setDocumentRoot(const std::string &rootPath) = 0;
  virtual HttpAppFramework &loadConfigFile(const std::string &fileName) = 0;

private:
  struct BinderBase {
    virtual ~BinderBase() {}
  };
  template <typename F> struct Binder : BinderBase {
    explicit Binder(F f) : f(std::move(f)) {}
    F f;
  };
  std::vector<std::shared_ptr<BinderBase>> handlers_;
};

inline HttpAppFramework &app() { return HttpAppFramework::instance(); }

} // namespace drogon
