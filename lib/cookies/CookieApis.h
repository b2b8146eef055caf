//===- CookieApis.h - where a service sets a cookie, and with what ------===//
//
// The calls that put a cookie into an HTTP response, in the frameworks the
// project knows:
//  - a Set-Cookie header written as text: cpp-httplib set_header and
//    headers.insert/emplace, Crow
//    set_header/add_header, Drogon addHeader, oat++ putHeader*, Poco
//    set/add on the response, cpprestsdk headers().add, Boost.Beast
//    set/insert (field::set_cookie or "Set-Cookie"), Pistache Header::Raw,
//    civetweb mg_response_header_add and mg_printf header lines;
//  - a framework's cookie object: Poco::Net::HTTPCookie given to addCookie,
//    drogon::Cookie given to addCookie (and addCookie(key, value)),
//    Pistache::Http::Cookie given to cookies().add, Crow's CookieParser
//    set_cookie and the attribute calls chained to it.
// For an object, the attributes are those its type starts with (Drogon's
// cookies are HttpOnly unless told otherwise) changed by the setter calls
// and field assignments on it in the same function. A cookie the compiler
// cannot follow (a parameter, a member, an object handed to another
// function by reference) has its unset attributes Unknown.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "cookies/CookieAttributes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

#include <optional>
#include <string>
#include <vector>

namespace appsec {

/// The API a cookie was set with (reporting/CookieFindingText words a fix per API, in this order).
enum class CookieApi : uint8_t { Header, Poco, Drogon, Pistache, Crow };

struct SetCookie {
  const clang::Expr *At = nullptr;      ///< the call that puts the cookie in the response
  const clang::Expr *Created = nullptr; ///< where the cookie object was made, if elsewhere
  CookieApi Api = CookieApi::Header;
  CookieAttributes Attributes;
  /// The value as the code wrote it: the header text's expression, the
  /// mg_printf call, the cookie object's value argument.
  const clang::Expr *Written = nullptr;
};

/// The cookie \p E (a call, or Pistache's Header::Raw construction) puts
/// into a response, if it puts one.
std::optional<SetCookie> cookieSetBy(const clang::Expr *E, clang::ASTContext &Ctx);

/// The unqualified names (set_header, addCookie, ...) of the functions and
/// constructors cookieSetBy looks at, for AST matchers; cookieSetBy tells
/// the libraries' from the others.
std::vector<std::string> cookieSettingFunctions();

} // namespace appsec
