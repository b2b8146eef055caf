// Test mock of Drogon: imitates lib/inc/drogon/HttpController.h (v1.9.x):
// the METHOD_LIST_BEGIN / METHOD_ADD / ADD_METHOD_TO / METHOD_LIST_END
// macros expand to a static initPathRouting() that calls
// registerMethod(&Class::method, pattern, {constraints...}, ...), which
// hands the member function to app().registerHandler. Not Drogon's code.
#pragma once

#include <drogon/HttpAppFramework.h>

#include <string>
#include <vector>

#define METHOD_LIST_BEGIN                                                                          \
  static void initPathRouting() {
#define METHOD_ADD(method, pattern, ...)                                                           \
  registerMethod(&method, pattern, {__VA_ARGS__}, true, #method)
#define ADD_METHOD_TO(method, path_pattern, ...)                                                   \
  registerMethod(&method, path_pattern, {__VA_ARGS__}, false, #method)
#define ADD_METHOD_VIA_REGEX(method, regex, ...)                                                   \
  registerMethodViaRegex(&method, regex, {__VA_ARGS__}, #method)
#define METHOD_LIST_END                                                                            \
  return;                                                                                          \
  }

namespace drogon {

class HttpControllerBase {};

template <typename T, bool AutoCreation = true>
class HttpController : public DrObject<T>, public HttpControllerBase {
public:
  static constexpr bool isAutoCreation = AutoCreation;

protected:
  template <typename FUNCTION>
  static void registerMethod(FUNCTION &&function, const std::string &pattern,
                             const std::vector<internal::HttpConstraint> &constraints = {},
                             bool classNameInPath = true, const std::string &handlerName = "") {
    std::string path = classNameInPath ? "/" + HttpController::classTypeName() + "/" + pattern
                                       : pattern;
    app().registerHandler(path, std::forward<FUNCTION>(function), constraints, handlerName);
  }
  template <typename FUNCTION>
  static void registerMethodViaRegex(FUNCTION &&function, const std::string &regExp,
                                     const std::vector<internal::HttpConstraint> &constraints = {},
                                     const std::string &handlerName = "") {
    app().registerHandlerViaRegex(regExp, std::forward<FUNCTION>(function), constraints,
                                  handlerName);
  }
};

} // namespace drogon
