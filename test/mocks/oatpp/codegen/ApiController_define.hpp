// Test mock of Oat++: imitates the ENDPOINT code generation of
// src/oatpp/codegen/ApiController_define.hpp and
// codegen/api_controller/base_define.hpp (1.3.0); not Oat++'s code.
//
// As in Oat++, ENDPOINT("GET", "/users/{id}", getUser, PATH(String, id),
// QUERY(String, q), HEADER(String, agent, "User-Agent"), BODY_STRING(String,
// body)) expands to
//  - a proxy method Z__PROXY_METHOD_getUser(const std::shared_ptr<
//    incoming::Request>& __request) that reads each parameter from the
//    request (getPathVariable, getQueryParameter, getHeader,
//    readBodyToString, readBodyToDto), converts it with
//    ApiController::TypeInterpretation<TYPE>::fromString, answers 400 when
//    it is missing or invalid, and calls the endpoint;
//  - the endpoint's own declaration, getUser(const String& id, ...), whose
//    body follows the macro;
//  - a data member whose initialiser registers the proxy with the controller.
// The preprocessor helpers are simplified (at most six parameters).

#include "oatpp/core/macro/codegen.hpp"

#define OATPP_MACRO_CONCAT_(A, B) A##B
#define OATPP_MACRO_CONCAT(A, B) OATPP_MACRO_CONCAT_(A, B)
#define OATPP_MACRO_UNFOLD_VA_ARGS(...) __VA_ARGS__
#define OATPP_MACRO_FIRSTARG_(X, ...) X
#define OATPP_MACRO_FIRSTARG(...) OATPP_MACRO_EXPAND(OATPP_MACRO_FIRSTARG_(__VA_ARGS__, ))
#define OATPP_MACRO_NUM_ARGS_(_1, _2, _3, _4, _5, _6, _7, _8, N, ...) N
#define OATPP_MACRO_NUM_ARGS(...) OATPP_MACRO_EXPAND(OATPP_MACRO_NUM_ARGS_(__VA_ARGS__, 8, 7, 6, 5, 4, 3, 2, 1, ))
#define OATPP_MACRO_BINARY_SELECTOR_(_1, _2, _3, _4, _5, _6, _7, _8, N, ...) N
#define OATPP_MACRO_BINARY_SELECTOR(...)                                                           \
  OATPP_MACRO_EXPAND(OATPP_MACRO_BINARY_SELECTOR_(__VA_ARGS__, 1, 1, 1, 1, 1, 1, 1, 0, ))

#define OATPP_MACRO_FOREACH_1(F, X) F(X)
#define OATPP_MACRO_FOREACH_2(F, X, ...) F(X) OATPP_MACRO_EXPAND(OATPP_MACRO_FOREACH_1(F, __VA_ARGS__))
#define OATPP_MACRO_FOREACH_3(F, X, ...) F(X) OATPP_MACRO_EXPAND(OATPP_MACRO_FOREACH_2(F, __VA_ARGS__))
#define OATPP_MACRO_FOREACH_4(F, X, ...) F(X) OATPP_MACRO_EXPAND(OATPP_MACRO_FOREACH_3(F, __VA_ARGS__))
#define OATPP_MACRO_FOREACH_5(F, X, ...) F(X) OATPP_MACRO_EXPAND(OATPP_MACRO_FOREACH_4(F, __VA_ARGS__))
#define OATPP_MACRO_FOREACH_6(F, X, ...) F(X) OATPP_MACRO_EXPAND(OATPP_MACRO_FOREACH_5(F, __VA_ARGS__))
#define OATPP_MACRO_FOREACH(F, ...)                                                                \
  OATPP_MACRO_EXPAND(OATPP_MACRO_CONCAT(OATPP_MACRO_FOREACH_, OATPP_MACRO_NUM_ARGS(__VA_ARGS__))(F, __VA_ARGS__))
#define OATPP_MACRO_FOREACH_FIRST_AND_REST_1(FIRST, REST, X) FIRST(X)
#define OATPP_MACRO_FOREACH_FIRST_AND_REST_2(FIRST, REST, X, ...) FIRST(X) OATPP_MACRO_EXPAND(OATPP_MACRO_FOREACH_1(REST, __VA_ARGS__))
#define OATPP_MACRO_FOREACH_FIRST_AND_REST_3(FIRST, REST, X, ...) FIRST(X) OATPP_MACRO_EXPAND(OATPP_MACRO_FOREACH_2(REST, __VA_ARGS__))
#define OATPP_MACRO_FOREACH_FIRST_AND_REST_4(FIRST, REST, X, ...) FIRST(X) OATPP_MACRO_EXPAND(OATPP_MACRO_FOREACH_3(REST, __VA_ARGS__))
#define OATPP_MACRO_FOREACH_FIRST_AND_REST_5(FIRST, REST, X, ...) FIRST(X) OATPP_MACRO_EXPAND(OATPP_MACRO_FOREACH_4(REST, __VA_ARGS__))
#define OATPP_MACRO_FOREACH_FIRST_AND_REST_6(FIRST, REST, X, ...) FIRST(X) OATPP_MACRO_EXPAND(OATPP_MACRO_FOREACH_5(REST, __VA_ARGS__))
#define OATPP_MACRO_FOREACH_FIRST_AND_REST(FIRST, REST, ...)                                       \
  OATPP_MACRO_EXPAND(OATPP_MACRO_CONCAT(OATPP_MACRO_FOREACH_FIRST_AND_REST_,                       \
                                        OATPP_MACRO_NUM_ARGS(__VA_ARGS__))(FIRST, REST, __VA_ARGS__))

// A parameter is a tuple (MACRO, INFO, TYPE, (NAME[, QUALIFIER[, DEFAULT]])).
#define OATPP_MACRO_API_CONTROLLER_PARAM_MACRO(MACRO, INFO, TYPE, PARAM_LIST) MACRO(TYPE, PARAM_LIST)
#define OATPP_MACRO_API_CONTROLLER_PARAM_TYPE(MACRO, INFO, TYPE, PARAM_LIST) const TYPE &
#define OATPP_MACRO_API_CONTROLLER_PARAM_NAME(MACRO, INFO, TYPE, PARAM_LIST) OATPP_MACRO_FIRSTARG PARAM_LIST
#define OATPP_MACRO_API_CONTROLLER_PARAM(MACRO, INFO, TYPE, PARAM_LIST) (MACRO, INFO, TYPE, PARAM_LIST)

#define REQUEST(TYPE, ...)                                                                         \
  OATPP_MACRO_API_CONTROLLER_PARAM(OATPP_MACRO_API_CONTROLLER_REQUEST, INFO, TYPE, (__VA_ARGS__))
#define HEADER(TYPE, ...)                                                                          \
  OATPP_MACRO_API_CONTROLLER_PARAM(OATPP_MACRO_API_CONTROLLER_HEADER, INFO, TYPE, (__VA_ARGS__))
#define PATH(TYPE, ...)                                                                            \
  OATPP_MACRO_API_CONTROLLER_PARAM(OATPP_MACRO_API_CONTROLLER_PATH, INFO, TYPE, (__VA_ARGS__))
#define QUERIES(TYPE, ...)                                                                         \
  OATPP_MACRO_API_CONTROLLER_PARAM(OATPP_MACRO_API_CONTROLLER_QUERIES, INFO, TYPE, (__VA_ARGS__))
#define QUERY(TYPE, ...)                                                                           \
  OATPP_MACRO_API_CONTROLLER_PARAM(OATPP_MACRO_API_CONTROLLER_QUERY, INFO, TYPE, (__VA_ARGS__))
#define BODY_STRING(TYPE, ...)                                                                     \
  OATPP_MACRO_API_CONTROLLER_PARAM(OATPP_MACRO_API_CONTROLLER_BODY_STRING, INFO, TYPE, (__VA_ARGS__))
#define AUTHORIZATION(TYPE, ...)                                                                   \
  OATPP_MACRO_API_CONTROLLER_PARAM(OATPP_MACRO_API_CONTROLLER_AUTHORIZATION, INFO, TYPE, (__VA_ARGS__))
#define BODY_DTO(TYPE, ...)                                                                        \
  OATPP_MACRO_API_CONTROLLER_PARAM(OATPP_MACRO_API_CONTROLLER_BODY_DTO, INFO, TYPE, (__VA_ARGS__))

#define OATPP_MACRO_API_CONTROLLER_MACRO_SELECTOR(MACRO, TYPE, ...)                                \
  OATPP_MACRO_EXPAND(OATPP_MACRO_CONCAT(MACRO, OATPP_MACRO_NUM_ARGS(__VA_ARGS__))(TYPE, __VA_ARGS__))

#define OATPP_MACRO_API_CONTROLLER_REQUEST(TYPE, PARAM_LIST)                                       \
  const auto &OATPP_MACRO_FIRSTARG PARAM_LIST = __request;

// Reads a string from the request with GETTER(KEY), answers 400 when it is
// missing, converts it to TYPE.
#define OATPP_MACRO_API_CONTROLLER_READ_PARAM(TYPE, NAME, GETTER, KEY, WHAT)                       \
  const auto &__param_str_val_##NAME = __request->GETTER(KEY);                                     \
  if (!__param_str_val_##NAME) {                                                                   \
    return ApiController::handleError(Status::CODE_400, "Missing " WHAT " parameter");             \
  }                                                                                                \
  bool __param_validation_check_##NAME;                                                            \
  const auto &NAME = ApiController::TypeInterpretation<TYPE>::fromString(                          \
      #TYPE, __param_str_val_##NAME, __param_validation_check_##NAME);                             \
  if (!__param_validation_check_##NAME) {                                                          \
    return ApiController::handleError(Status::CODE_400, "Invalid " WHAT " parameter");             \
  }

#define OATPP_MACRO_API_CONTROLLER_HEADER_1(TYPE, NAME)                                            \
  OATPP_MACRO_API_CONTROLLER_READ_PARAM(TYPE, NAME, getHeader, #NAME, "HEADER")
#define OATPP_MACRO_API_CONTROLLER_HEADER_2(TYPE, NAME, QUALIFIER)                                 \
  OATPP_MACRO_API_CONTROLLER_READ_PARAM(TYPE, NAME, getHeader, QUALIFIER, "HEADER")
#define OATPP_MACRO_API_CONTROLLER_HEADER(TYPE, PARAM_LIST)                                        \
  OATPP_MACRO_API_CONTROLLER_MACRO_SELECTOR(OATPP_MACRO_API_CONTROLLER_HEADER_, TYPE,              \
                                            OATPP_MACRO_UNFOLD_VA_ARGS PARAM_LIST)

#define OATPP_MACRO_API_CONTROLLER_PATH_1(TYPE, NAME)                                              \
  OATPP_MACRO_API_CONTROLLER_READ_PARAM(TYPE, NAME, getPathVariable, #NAME, "PATH")
#define OATPP_MACRO_API_CONTROLLER_PATH_2(TYPE, NAME, QUALIFIER)                                   \
  OATPP_MACRO_API_CONTROLLER_READ_PARAM(TYPE, NAME, getPathVariable, QUALIFIER, "PATH")
#define OATPP_MACRO_API_CONTROLLER_PATH(TYPE, PARAM_LIST)                                          \
  OATPP_MACRO_API_CONTROLLER_MACRO_SELECTOR(OATPP_MACRO_API_CONTROLLER_PATH_, TYPE,                \
                                            OATPP_MACRO_UNFOLD_VA_ARGS PARAM_LIST)

#define OATPP_MACRO_API_CONTROLLER_QUERIES(TYPE, PARAM_LIST)                                       \
  const auto &OATPP_MACRO_FIRSTARG PARAM_LIST = __request->getQueryParameters();

#define OATPP_MACRO_API_CONTROLLER_QUERY_1(TYPE, NAME)                                             \
  OATPP_MACRO_API_CONTROLLER_READ_PARAM(TYPE, NAME, getQueryParameter, #NAME, "QUERY")
#define OATPP_MACRO_API_CONTROLLER_QUERY_2(TYPE, NAME, QUALIFIER)                                  \
  OATPP_MACRO_API_CONTROLLER_READ_PARAM(TYPE, NAME, getQueryParameter, QUALIFIER, "QUERY")
#define OATPP_MACRO_API_CONTROLLER_QUERY_3(TYPE, NAME, QUALIFIER, DEFAULT)                         \
  TYPE NAME = DEFAULT;                                                                             \
  const auto &__param_str_val_##NAME = __request->getQueryParameter(QUALIFIER);                    \
  if (__param_str_val_##NAME) {                                                                    \
    bool __param_validation_check_##NAME;                                                          \
    NAME = ApiController::TypeInterpretation<TYPE>::fromString(#TYPE, __param_str_val_##NAME,      \
                                                               __param_validation_check_##NAME);   \
    if (!__param_validation_check_##NAME) {                                                        \
      return ApiController::handleError(Status::CODE_400, "Invalid QUERY parameter");              \
    }                                                                                              \
  }
#define OATPP_MACRO_API_CONTROLLER_QUERY(TYPE, PARAM_LIST)                                         \
  OATPP_MACRO_API_CONTROLLER_MACRO_SELECTOR(OATPP_MACRO_API_CONTROLLER_QUERY_, TYPE,               \
                                            OATPP_MACRO_UNFOLD_VA_ARGS PARAM_LIST)

// AUTHORIZATION(TYPE, NAME) (codegen/api_controller/auth_define.hpp): the
// default authorization handler of the controller checks the header.
#define OATPP_MACRO_API_CONTROLLER_AUTHORIZATION(TYPE, PARAM_LIST)                                 \
  auto __param_str_val_auth = __request->getHeader(oatpp::web::protocol::http::Header::AUTHORIZATION); \
  std::shared_ptr<oatpp::web::server::handler::AuthorizationObject> __param_aosp_val_auth =        \
      ApiController::handleDefaultAuthorization(__param_str_val_auth);                             \
  TYPE OATPP_MACRO_FIRSTARG PARAM_LIST = std::static_pointer_cast<TYPE::element_type>(__param_aosp_val_auth);

#define OATPP_MACRO_API_CONTROLLER_BODY_STRING(TYPE, PARAM_LIST)                                   \
  const auto &OATPP_MACRO_FIRSTARG PARAM_LIST = __request->readBodyToString();

#define OATPP_MACRO_API_CONTROLLER_BODY_DTO(TYPE, PARAM_LIST)                                      \
  if (!getDefaultObjectMapper()) {                                                                 \
    return ApiController::handleError(Status::CODE_500, "ObjectMapper was NOT set.");              \
  }                                                                                                \
  const auto &OATPP_MACRO_FIRSTARG PARAM_LIST =                                                    \
      __request->readBodyToDto<TYPE>(getDefaultObjectMapper());                                    \
  if (!OATPP_MACRO_FIRSTARG PARAM_LIST) {                                                          \
    return ApiController::handleError(Status::CODE_400, "Missing valid body parameter");           \
  }

#define OATPP_MACRO_API_CONTROLLER_FOR_EACH_PARAM_DECL_FIRST(X) OATPP_MACRO_API_CONTROLLER_PARAM_TYPE X OATPP_MACRO_API_CONTROLLER_PARAM_NAME X
#define OATPP_MACRO_API_CONTROLLER_FOR_EACH_PARAM_DECL_REST(X) , OATPP_MACRO_API_CONTROLLER_PARAM_TYPE X OATPP_MACRO_API_CONTROLLER_PARAM_NAME X
#define OATPP_MACRO_API_CONTROLLER_FOR_EACH_PARAM_PUT(X) OATPP_MACRO_API_CONTROLLER_PARAM_MACRO X
#define OATPP_MACRO_API_CONTROLLER_FOR_EACH_PARAM_CALL_FIRST(X) OATPP_MACRO_API_CONTROLLER_PARAM_NAME X
#define OATPP_MACRO_API_CONTROLLER_FOR_EACH_PARAM_CALL_REST(X) , OATPP_MACRO_API_CONTROLLER_PARAM_NAME X

// Registration of the proxy with the controller, as Oat++'s
// OATPP_MACRO_API_CONTROLLER_ENDPOINT_DECL_DEFAULTS/_DECL_0 do it: a field
// holding a lambda that builds the endpoint's info (name, path, method), and
// a field whose initialiser registers the handler with that info.
#define OATPP_MACRO_API_CONTROLLER_ENDPOINT_REGISTER(NAME, METHOD, PATH)                           \
  template <class T>                                                                               \
  static std::shared_ptr<Handler<T>> Z__ENDPOINT_HANDLER_GET_INSTANCE_##NAME(T *controller) {     \
    return std::make_shared<Handler<T>>(controller, &T::Z__PROXY_METHOD_##NAME);                  \
  }                                                                                                \
  EndpointInfoBuilder Z__CREATE_ENDPOINT_INFO_##NAME = [this]() {                                  \
    auto info = std::make_shared<EndpointInfo>();                                                  \
    info->name = #NAME;                                                                            \
    info->path = ((m_routerPrefix != nullptr) ? m_routerPrefix + PATH : PATH);                      \
    info->method = METHOD;                                                                         \
    return info;                                                                                   \
  };                                                                                               \
  const std::shared_ptr<EndpointInfo> Z__ENDPOINT_##NAME =                                         \
      createEndpoint(Z__ENDPOINT_HANDLER_GET_INSTANCE_##NAME(this), Z__CREATE_ENDPOINT_INFO_##NAME);

#define OATPP_MACRO_API_CONTROLLER_ENDPOINT_0(NAME, METHOD, PATH)                                  \
  OATPP_MACRO_API_CONTROLLER_ENDPOINT_REGISTER(NAME, METHOD, PATH)                                 \
  std::shared_ptr<oatpp::web::protocol::http::outgoing::Response> Z__PROXY_METHOD_##NAME(          \
      const std::shared_ptr<oatpp::web::protocol::http::incoming::Request> &__request) {           \
    (void)__request;                                                                               \
    return NAME();                                                                                 \
  }                                                                                                \
  std::shared_ptr<oatpp::web::protocol::http::outgoing::Response> NAME()

#define OATPP_MACRO_API_CONTROLLER_ENDPOINT_1(NAME, METHOD, PATH, ...)                             \
  OATPP_MACRO_API_CONTROLLER_ENDPOINT_REGISTER(NAME, METHOD, PATH)                                 \
  std::shared_ptr<oatpp::web::protocol::http::outgoing::Response> Z__PROXY_METHOD_##NAME(          \
      const std::shared_ptr<oatpp::web::protocol::http::incoming::Request> &__request) {           \
    OATPP_MACRO_FOREACH(OATPP_MACRO_API_CONTROLLER_FOR_EACH_PARAM_PUT, __VA_ARGS__)                \
    return NAME(OATPP_MACRO_FOREACH_FIRST_AND_REST(OATPP_MACRO_API_CONTROLLER_FOR_EACH_PARAM_CALL_FIRST, \
                                                   OATPP_MACRO_API_CONTROLLER_FOR_EACH_PARAM_CALL_REST,  \
                                                   __VA_ARGS__));                                  \
  }                                                                                                \
  std::shared_ptr<oatpp::web::protocol::http::outgoing::Response> NAME(                            \
      OATPP_MACRO_FOREACH_FIRST_AND_REST(OATPP_MACRO_API_CONTROLLER_FOR_EACH_PARAM_DECL_FIRST,     \
                                         OATPP_MACRO_API_CONTROLLER_FOR_EACH_PARAM_DECL_REST,      \
                                         __VA_ARGS__))

#define OATPP_MACRO_API_CONTROLLER_ENDPOINT_MACRO_0(METHOD, PATH, NAME)                            \
  OATPP_MACRO_EXPAND(OATPP_MACRO_API_CONTROLLER_ENDPOINT_0(NAME, METHOD, PATH))
#define OATPP_MACRO_API_CONTROLLER_ENDPOINT_MACRO_1(METHOD, PATH, NAME, ...)                       \
  OATPP_MACRO_EXPAND(OATPP_MACRO_API_CONTROLLER_ENDPOINT_1(NAME, METHOD, PATH, __VA_ARGS__))

/// ENDPOINT(METHOD, PATH, NAME, PARAMS...)
#define ENDPOINT(METHOD, PATH, ...)                                                                \
  OATPP_MACRO_EXPAND(OATPP_MACRO_CONCAT(OATPP_MACRO_API_CONTROLLER_ENDPOINT_MACRO_,               \
                                        OATPP_MACRO_BINARY_SELECTOR(__VA_ARGS__))(METHOD, PATH, __VA_ARGS__))
