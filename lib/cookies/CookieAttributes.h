//===- CookieAttributes.h - what a Set-Cookie value says ----------------===//
//
// A cookie's name and the attributes that protect it (RFC 6265bis):
// Secure (sent over HTTPS only), HttpOnly (hidden from page scripts) and
// SameSite (not sent with cross-site requests, or only with top-level
// navigations). Read from the text of a Set-Cookie header value, whose
// parts known only at run time are holes, or set by a framework's cookie
// object. An attribute is Present, Absent, or Unknown when a part the
// compiler cannot see may hold it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "support/StringPieces.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace appsec {

enum class Attribute : uint8_t { Absent, Present, Unknown };

struct CookieAttributes {
  std::string Name;       ///< the cookie's name, when the source gives it
  bool NameKnown = false;
  Attribute Secure = Attribute::Absent;
  Attribute HttpOnly = Attribute::Absent;
  Attribute SameSite = Attribute::Absent;
  bool SameSiteNone = false; ///< SameSite=None: cross-site requests carry it
  /// The header deletes the cookie or sets it empty (Max-Age=0, an Expires
  /// in 1970, no value): nothing is left to protect.
  bool Clears = false;
  /// The part of the value the compiler cannot see (the cookie's value when
  /// it is built at run time), if any.
  const clang::Expr *Value = nullptr;

  /// Absent attributes become Unknown (someone the compiler cannot follow
  /// may set them).
  void unknownRest();
};

/// The attributes of a Set-Cookie header value (with or without the
/// "Set-Cookie:" prefix).
CookieAttributes parseSetCookie(const StringPieces &Value);

} // namespace appsec
