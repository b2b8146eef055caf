// Test mock of Crow (https://github.com/CrowCpp/Crow), written for
// appsec-tidy's tests; not Crow's code. It imitates the public API of Crow
// v1.3.3 as spread over include/crow.h, crow/app.h, crow/routing.h,
// crow/http_request.h, crow/http_response.h, crow/query_string.h,
// crow/json.h, crow/mustache.h, crow/returnable.h, crow/multipart.h,
// crow/multipart_view.h, crow/ci_map.h, crow/utility.h and
// crow/middlewares/cookie_parser.h:
// same namespaces, class names, member names and signatures, and the same
// shape of the CROW_ROUTE macro (app.template route<tag>(url) returning a
// rule whose operator() takes the handler). Bodies are left out or trivial.
//
// Facts the models rely on, checked in Crow's sources:
//  - A response built from a plain string (response(std::string),
//    response(int, std::string), write(), end(std::string)) gets NO
//    Content-Type header: Crow sets one only for returnables (json::wvalue
//    -> application/json, mustache::rendered_template -> text/html) and for
//    response(contentType, body). Browsers then sniff the body, and a body
//    that starts like an HTML document is rendered as HTML.
//  - Since v1.3.2, response::set_header/add_header strip CR and LF
//    (sanitize_header_value), so they are not header-injection sinks.
//  - mustache {{name}} escapes HTML; {{{name}}} and {{&name}} do not.
//  - Middlewares (crow/middleware.h, routing.h, app.h): every type listed in
//    crow::App<M...> runs its before_handle(request&, response&, context&)
//    before every handler, except those deriving from crow::ILocalMiddleware,
//    which run only on routes that name them with
//    .CROW_MIDDLEWARES(app, M...) (= .template middlewares<App, M...>()).
//    before_handle ends the request by calling res.end().
#pragma once

#include <cstdint>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace crow {
enum class HTTPMethod : char { Delete = 0, Get, Head, Post, Put, Connect, Options, Trace, Patch };
} // namespace crow

// crow/common.h defines it at global scope: "POST"_method.
constexpr crow::HTTPMethod operator""_method(const char *str, std::size_t len) {
  return len == 4 && str[0] == 'P' ? crow::HTTPMethod::Post
         : len == 3 && str[0] == 'P' ? crow::HTTPMethod::Put
         : len == 6                  ? crow::HTTPMethod::Delete
                                     : crow::HTTPMethod::Get;
}

namespace crow {

// crow/logging.h: CROW_LOG_* is a logger temporary fed with <<.
enum class LogLevel { Debug = 0, Info, Warning, Error, Critical };
class logger {
public:
  logger(LogLevel level);
  ~logger();
  template <typename T> logger &operator<<(T const &value);
  static void setLogLevel(LogLevel level);
  static LogLevel get_current_log_level();
};

struct ci_hash {
  std::size_t operator()(const std::string_view key) const;
};
struct ci_key_eq {
  bool operator()(const std::string_view l, const std::string_view r) const;
};
using ci_map = std::unordered_multimap<std::string, std::string, ci_hash, ci_key_eq>;

/// The query string of a request, parsed: crow/query_string.h.
class query_string {
public:
  query_string();
  explicit query_string(std::string params, bool url = true);
  query_string(const query_string &qs);
  query_string &operator=(const query_string &qs);
  /// The first value of \p name, or nullptr.
  char *get(const std::string &name) const;
  char *pop(const std::string &name);
  std::vector<char *> get_list(const std::string &name, bool use_brackets = true) const;
  std::vector<char *> pop_list(const std::string &name, bool use_brackets = true);
  std::unordered_map<std::string, std::string> get_dict(const std::string &name) const;
  std::unordered_map<std::string, std::string> pop_dict(const std::string &name);
  std::vector<std::string> keys() const;

private:
  std::string url_;
  std::vector<char *> key_value_pairs_;
};

const std::string &get_header_value(const ci_map &headers, const std::string &key);

/// crow/http_request.h
struct request {
  HTTPMethod method;
  std::string raw_url;     ///< the full URL with the query string
  std::string url;         ///< the path, without the query string
  query_string url_params; ///< the query string
  ci_map headers;
  std::string body;
  std::string remote_ip_address;
  unsigned char http_ver_major, http_ver_minor;
  bool keep_alive, close_connection, upgrade;
  void *middleware_context{};

  request() : method(HTTPMethod::Get) {}
  void add_header(std::string key, std::string value);
  const std::string &get_header_value(const std::string &key) const;
  bool check_version(unsigned char major, unsigned char minor) const;
  /// The body parsed as application/x-www-form-urlencoded.
  const query_string get_body_params() const;
};

/// crow/returnable.h: what a handler may return besides strings.
struct returnable {
  std::string content_type;
  virtual std::string dump() const = 0;
  returnable(std::string ctype) : content_type{ctype} {}
  virtual ~returnable() {}
};

/// crow/http_response.h
struct response {
  int code{200};
  std::string body;
  ci_map headers;
  bool skip_body = false;
  bool manual_length_header = false;

  void set_header(std::string key, std::string value);
  void add_header(std::string key, std::string value);
  const std::string &get_header_value(const std::string &key);

  response() {}
  explicit response(int code_) : code(code_) {}
  response(std::string body_) : body(std::move(body_)) {}
  response(int code_, std::string body_) : code(code_), body(std::move(body_)) {}
  response(returnable &&value);
  response(returnable &value);
  response(int code_, returnable &value);
  response(int code_, returnable &&value);
  response(response &&r);
  response(std::string contentType, std::string body_);
  response(int code_, std::string contentType, std::string body_);
  response &operator=(const response &r) = delete;
  response &operator=(response &&r) noexcept;

  bool is_completed() const noexcept;
  void clear();
  /// 307 with a Location header.
  void redirect(const std::string &location);
  /// 308 with a Location header.
  void redirect_perm(const std::string &location);
  /// 302 with a Location header.
  void moved(const std::string &location);
  /// 301 with a Location header.
  void moved_perm(const std::string &location);
  void write(const std::string &body_part);
  void end();
  void end(const std::string &body_part);
  bool is_alive();
  /// Serves a file; the path goes through utility::sanitize_filename.
  void set_static_file_info(std::string path, std::string content_type = "");
  void set_static_file_info_unsafe(std::string path, std::string content_type = "");
};

namespace json {

enum class type : char { Null, False, True, Number, String, List, Object, Function };

namespace detail {
/// A string inside the parsed document; converts to std::string.
struct r_string {
  r_string() {}
  r_string(char *s, char *e) : s_(s), e_(e) {}
  operator std::string() const { return std::string(s_, e_); }
  const char *begin() const { return s_; }
  const char *end() const { return e_; }
  size_t size() const { return e_ - s_; }

private:
  char *s_ = nullptr, *e_ = nullptr;
};
} // namespace detail

class rvalue;
rvalue load(const char *data, size_t size);
rvalue load(const char *data);
rvalue load(const std::string &str);

/// A read-only JSON value (crow::json::load).
class rvalue {
public:
  rvalue() noexcept;
  rvalue(const rvalue &r);
  ~rvalue();
  type t() const;
  explicit operator std::string() const;
  explicit operator bool() const noexcept;
  int64_t i() const;
  uint64_t u() const;
  double d() const;
  bool b() const;
  detail::r_string s() const;
  bool has(const char *str) const;
  bool has(const std::string &str) const;
  size_t size() const;
  const rvalue &operator[](int index) const;
  const rvalue &operator[](size_t index) const;
  const rvalue &operator[](const char *str) const;
  const rvalue &operator[](const std::string &str) const;
  std::vector<std::string> keys() const;
};

/// A JSON value to write: serialised with escaping, sent as application/json.
class wvalue : public returnable {
public:
  wvalue();
  wvalue(std::nullptr_t);
  wvalue(bool value);
  wvalue(int value);
  wvalue(int64_t value);
  wvalue(double value);
  wvalue(char const *value);
  wvalue(std::string const &value);
  wvalue(std::string &&value);
  wvalue(std::initializer_list<std::pair<std::string const, wvalue>> initializer_list);
  wvalue(const rvalue &r);
  wvalue(const wvalue &r);
  wvalue(wvalue &&r);
  ~wvalue();
  wvalue &operator=(std::string value);
  wvalue &operator=(const wvalue &value);
  wvalue &operator=(wvalue &&value);
  wvalue &operator[](unsigned index);
  wvalue &operator[](const std::string &str);
  std::string dump() const override;
};

} // namespace json

/// crow/multipart.h: a multipart/form-data body, parsed into copies.
namespace multipart {
struct header {
  std::string value;
  std::unordered_map<std::string, std::string> params;
  operator int() const;
  operator double() const;
};
using mph_map = std::unordered_multimap<std::string, header, ci_hash, ci_key_eq>;

struct part {
  mph_map headers;
  std::string body;
  operator int() const;
  operator double() const;
  const header &get_header_object(const std::string &key) const;
};
using mp_map = std::unordered_multimap<std::string, part, ci_hash, ci_key_eq>;

struct message : public returnable {
  ci_map headers;
  std::string boundary;
  std::vector<part> parts;
  mp_map part_map; ///< keyed by the part's Content-Disposition name
  const std::string &get_header_value(const std::string &key) const;
  part get_part_by_name(const std::string &name);
  std::string dump() const override;
  std::string dump(int part_) const;
  message(const ci_map &headers_, const std::string &boundary_, const std::vector<part> &sections);
  explicit message(const request &req);
};

/// crow/multipart_view.h: the same, as views into the request body.
struct header_view {
  std::string_view value;
  std::unordered_map<std::string_view, std::string_view> params;
  operator int() const;
  operator double() const;
};
using mph_view_map = std::unordered_multimap<std::string_view, header_view, ci_hash, ci_key_eq>;

struct part_view {
  mph_view_map headers;
  std::string_view body;
  operator int() const;
  operator double() const;
  const header_view &get_header_object(const std::string_view key) const;
};
using mp_view_map = std::unordered_multimap<std::string_view, part_view, ci_hash, ci_key_eq>;

struct message_view {
  std::reference_wrapper<const ci_map> headers;
  std::string boundary;
  std::vector<part_view> parts;
  mp_view_map part_map;
  const std::string &get_header_value(const std::string &key) const;
  part_view get_part_by_name(const std::string_view name);
  std::string dump() const;
  std::string dump(int part_) const;
  message_view(const ci_map &headers_, const std::string &boundary_,
               const std::vector<part_view> &sections);
  explicit message_view(const request &req);
};
} // namespace multipart

namespace mustache {

using context = json::wvalue;

class rendered_template : public returnable {
public:
  rendered_template() : returnable("text/html") {}
  rendered_template(std::string &body) : returnable("text/html"), body_(std::move(body)) {}
  std::string dump() const override { return body_; }

private:
  std::string body_;
};

class template_t {
public:
  template_t(std::string body);
  /// Renders with HTML escaping of {{name}}.
  rendered_template render() const;
  rendered_template render(const context &ctx) const;
  std::string render_string() const;
  std::string render_string(const context &ctx) const;
};

template_t compile(const std::string &body);
template_t load(const std::string &filename);
std::string load_text(const std::string &filename);
void set_base(const std::string &path);

} // namespace mustache

namespace utility {
void sanitize_filename(std::string &data, char replacement = '_');
std::string base64encode(const std::string &data, size_t size);
std::string base64decode(const std::string &data, size_t size);
} // namespace utility

namespace black_magic {

/// The type list of a route's parameters: "<int>" is 1, "<uint>" 2,
/// "<double>"/"<float>" 3, "<string>"/"<str>" 4, "<path>" 5, packed in
/// base 6, first parameter lowest (crow/utility.h, get_parameter_tag).
constexpr bool is_tag(const char *s, unsigned p, const char *t) {
  return *t == 0 ? true : s[p] == *t && is_tag(s, p + 1, t + 1);
}
constexpr unsigned find_closing_tag(const char *s, unsigned p) {
  return s[p] == '>' ? p : find_closing_tag(s, p + 1);
}
constexpr uint64_t get_parameter_tag(const char *s, unsigned p = 0) {
  return s[p] == 0 ? 0
         : s[p] == '<'
             ? (is_tag(s, p, "<int>")      ? get_parameter_tag(s, find_closing_tag(s, p)) * 6 + 1
                : is_tag(s, p, "<uint>")   ? get_parameter_tag(s, find_closing_tag(s, p)) * 6 + 2
                : is_tag(s, p, "<float>") || is_tag(s, p, "<double>")
                    ? get_parameter_tag(s, find_closing_tag(s, p)) * 6 + 3
                : is_tag(s, p, "<str>") || is_tag(s, p, "<string>")
                    ? get_parameter_tag(s, find_closing_tag(s, p)) * 6 + 4
                : is_tag(s, p, "<path>") ? get_parameter_tag(s, find_closing_tag(s, p)) * 6 + 5
                                         : get_parameter_tag(s, p + 1))
             : get_parameter_tag(s, p + 1);
}

template <typename... T> struct S {
  template <typename U> using push = S<U, T...>;
  template <template <typename... Args> class U> using rebind = U<T...>;
};

template <uint64_t Tag> struct single_tag_to_type {};
template <> struct single_tag_to_type<1> { using type = int64_t; };
template <> struct single_tag_to_type<2> { using type = uint64_t; };
template <> struct single_tag_to_type<3> { using type = double; };
template <> struct single_tag_to_type<4> { using type = std::string; };
template <> struct single_tag_to_type<5> { using type = std::string; };

template <uint64_t Tag> struct arguments {
  using subarguments = typename arguments<Tag / 6>::type;
  using type = typename subarguments::template push<typename single_tag_to_type<Tag % 6>::type>;
};
template <> struct arguments<0> { using type = S<>; };

} // namespace black_magic

/// crow/middleware.h: marks a middleware that runs only on the routes that
/// name it.
struct ILocalMiddleware {};

class BaseRule {
public:
  explicit BaseRule(std::string rule);
  virtual ~BaseRule();
};

/// A route whose parameters are typed by its URL: crow/routing.h.
template <typename... Args> class TaggedRule : public BaseRule {
public:
  using self_t = TaggedRule<Args...>;
  explicit TaggedRule(std::string rule) : BaseRule(std::move(rule)) {}
  self_t &methods(HTTPMethod method);
  self_t &name(std::string name) noexcept;
  /// Enables local middlewares for this route (CROW_MIDDLEWARES).
  template <typename App, typename... Middlewares> self_t &middlewares() { return *this; }
  /// Sets the handler: any of (), (Args...), (const request&, Args...),
  /// (const request&, response&, Args...), (response&, Args...).
  template <typename Func> void operator()(Func &&f) {
    handler_ = std::make_shared<Holder<typename std::decay<Func>::type>>(std::forward<Func>(f));
  }

private:
  struct HolderBase {
    virtual ~HolderBase() {}
  };
  template <typename F> struct Holder : HolderBase {
    explicit Holder(F f) : f(std::move(f)) {}
    F f;
  };
  std::shared_ptr<HolderBase> handler_;
};

class DynamicRule : public BaseRule {
public:
  explicit DynamicRule(std::string rule) : BaseRule(std::move(rule)) {}
  DynamicRule &methods(HTTPMethod method);
  template <typename App, typename... Middlewares> DynamicRule &middlewares() { return *this; }
  template <typename Func> void operator()(Func f) { (void)f; }
};

class Router {
public:
  template <uint64_t N>
  typename black_magic::arguments<N>::type::template rebind<TaggedRule> &
  new_rule_tagged(const std::string &rule);
  DynamicRule &new_rule_dynamic(const std::string &rule);
};

template <typename... Middlewares> class Crow {
public:
  using self_t = Crow;
  Crow();
  DynamicRule &route_dynamic(const std::string &rule);
  template <uint64_t Tag>
  auto route(const std::string &rule) ->
      typename black_magic::arguments<Tag>::type::template rebind<TaggedRule> & {
    return router_.template new_rule_tagged<Tag>(rule);
  }
  self_t &port(std::uint16_t port);
  self_t &bindaddr(std::string bindaddr);
  self_t &multithreaded();
  self_t &concurrency(std::uint16_t concurrency);
  void run();
  void stop();
  /// The context middleware \p T filled in for \p req.
  template <typename T> typename T::context &get_context(const request &req);
  template <typename T> T &get_middleware();

private:
  Router router_;
};

/// crow/middlewares/cookie_parser.h: reads the request's cookies into the
/// context's jar and writes the cookies set on the context as Set-Cookie
/// headers after the handler. A new Cookie has no attribute: no Secure, no
/// HttpOnly, no SameSite, until the chained setters add them.
struct CookieParser {
  struct Cookie {
    enum class SameSitePolicy { Strict, Lax, None };
    template <typename U> Cookie(const std::string &key, U &&value) : key_(key), value_(std::forward<U>(value)) {}
    Cookie(const std::string &key) : Cookie(key, "") {}
    std::string dump() const;
    const std::string &name() { return key_; }
    template <typename U> Cookie &value(U &&value) {
      value_ = std::forward<U>(value);
      return *this;
    }
    Cookie &expires(const std::tm &time);
    Cookie &max_age(long long seconds);
    Cookie &domain(const std::string &name);
    Cookie &path(const std::string &path);
    Cookie &secure() {
      secure_ = true;
      return *this;
    }
    Cookie &httponly() {
      httponly_ = true;
      return *this;
    }
    Cookie &same_site(SameSitePolicy ssp);

  private:
    std::string key_, value_;
    bool secure_ = false, httponly_ = false;
  };

  struct context {
    std::unordered_map<std::string, std::string> jar;
    std::string get_cookie(const std::string &key) const;
    template <typename U> Cookie &set_cookie(const std::string &key, U &&value) {
      cookies_to_add.emplace_back(key, std::forward<U>(value));
      return cookies_to_add.back();
    }
    Cookie &set_cookie(Cookie cookie) {
      cookies_to_add.push_back(std::move(cookie));
      return cookies_to_add.back();
    }

  private:
    std::vector<Cookie> cookies_to_add;
  };

  void before_handle(request &req, response &res, context &ctx);
  void after_handle(request &req, response &res, context &ctx);
};

using SimpleApp = Crow<>;
template <typename... Middlewares> using App = Crow<Middlewares...>;

} // namespace crow

#define CROW_ROUTE(app, url) app.template route<crow::black_magic::get_parameter_tag(url)>(url)
#define CROW_MIDDLEWARES(app, ...)                                                                 \
  template middlewares<typename std::remove_reference<decltype(app)>::type, __VA_ARGS__>()

#define CROW_LOG_CRITICAL                                                     \
  if (crow::logger::get_current_log_level() <= crow::LogLevel::Critical)      \
  crow::logger(crow::LogLevel::Critical)
#define CROW_LOG_ERROR                                                        \
  if (crow::logger::get_current_log_level() <= crow::LogLevel::Error)         \
  crow::logger(crow::LogLevel::Error)
#define CROW_LOG_WARNING                                                      \
  if (crow::logger::get_current_log_level() <= crow::LogLevel::Warning)       \
  crow::logger(crow::LogLevel::Warning)
#define CROW_LOG_INFO                                                         \
  if (crow::logger::get_current_log_level() <= crow::LogLevel::Info)          \
  crow::logger(crow::LogLevel::Info)
#define CROW_LOG_DEBUG                                                        \
  if (crow::logger::get_current_log_level() <= crow::LogLevel::Debug)         \
  crow::logger(crow::LogLevel::Debug)
