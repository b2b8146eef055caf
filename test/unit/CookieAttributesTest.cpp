#include "cookies/CookieAttributes.h"
#include "cookies/SessionCookies.h"

#include "clang/AST/Expr.h"

#include <gtest/gtest.h>

using namespace appsec;

namespace {
/// Pieces from a text where '@' marks a part known only at run time.
StringPieces pieces(llvm::StringRef Text, std::vector<std::string> Elsewhere = {}) {
  // Any non-null pointer serves as a hole; it is never dereferenced here.
  static const auto *Hole = reinterpret_cast<const clang::Expr *>(alignof(clang::Expr));
  StringPieces P;
  std::string Lit;
  for (char Ch : Text) {
    if (Ch != '@') {
      Lit += Ch;
      continue;
    }
    if (!Lit.empty())
      P.Pieces.push_back({Lit, nullptr});
    Lit.clear();
    P.Pieces.push_back({"", Hole});
  }
  if (!Lit.empty())
    P.Pieces.push_back({Lit, nullptr});
  P.Elsewhere = std::move(Elsewhere);
  return P;
}
} // namespace

TEST(CookieAttributes, ReadsNameAndAttributes) {
  CookieAttributes C = parseSetCookie(pieces("sid=@; Path=/; Secure;HTTPONLY; samesite=strict"));
  EXPECT_TRUE(C.NameKnown);
  EXPECT_EQ(C.Name, "sid");
  EXPECT_EQ(C.Secure, Attribute::Present);
  EXPECT_EQ(C.HttpOnly, Attribute::Present);
  EXPECT_EQ(C.SameSite, Attribute::Present);
  EXPECT_FALSE(C.SameSiteNone);
  EXPECT_NE(C.Value, nullptr);
  EXPECT_FALSE(C.Clears);
}

TEST(CookieAttributes, AbsentAttributes) {
  CookieAttributes C = parseSetCookie(pieces("Set-Cookie: token=@; Path=/\r\nX-Other: Secure"));
  EXPECT_EQ(C.Name, "token");
  EXPECT_EQ(C.Secure, Attribute::Absent); // the next header line is not this cookie's
  EXPECT_EQ(C.HttpOnly, Attribute::Absent);
  EXPECT_EQ(C.SameSite, Attribute::Absent);
  C = parseSetCookie(pieces("jwt=@; SameSite=None; HttpOnly"));
  EXPECT_TRUE(C.SameSiteNone);
  // "Secure" inside another attribute's value is not the attribute.
  C = parseSetCookie(pieces("sid=@; Path=/secure"));
  EXPECT_EQ(C.Secure, Attribute::Absent);
}

TEST(CookieAttributes, RunTimePartsMakeAttributesUnknown) {
  for (const char *T : {"sid=@; @", "sid=@@", "@", "@; Secure"}) {
    CookieAttributes C = parseSetCookie(pieces(T));
    EXPECT_NE(C.HttpOnly, Attribute::Absent) << T;
  }
  // Run-time parts inside the value, with literal attributes after them, or
  // the value of the last attribute: the attributes are known.
  for (const char *T : {"sid=@@; Path=/", "sid=@.@; Path=/; Domain=@", "sid=@"}) {
    CookieAttributes C = parseSetCookie(pieces(T));
    EXPECT_EQ(C.HttpOnly, Attribute::Absent) << T;
  }
  // Text the value may hold somewhere (another return, a conditional's arm).
  CookieAttributes C = parseSetCookie(pieces("sid=@; HttpOnly", {"; Secure; HttpOnly"}));
  EXPECT_EQ(C.Secure, Attribute::Unknown);
  EXPECT_EQ(C.SameSite, Attribute::Absent);
  // The name built at run time.
  C = parseSetCookie(pieces("@=@; Secure"));
  EXPECT_FALSE(C.NameKnown);
}

TEST(CookieAttributes, DeletionsClear) {
  for (const char *T : {"token=; Path=/", "sid=x; Max-Age=0", "sid=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT"})
    EXPECT_TRUE(parseSetCookie(pieces(T)).Clears) << T;
  EXPECT_FALSE(parseSetCookie(pieces("sid=x; Max-Age=3600")).Clears);
}

TEST(SessionCookies, Names) {
  for (const char *N : {"sid", "sessionid", "JSESSIONID", "Floaty_access_token", "loggedIn", "X-Refresh-token",
                        "remember_me", "auth", "jwt", "connect.sid"})
    EXPECT_TRUE(sessionCookieName(N)) << N;
  for (const char *N : {"theme", "lang", "consent", "_ga", "cart"})
    EXPECT_FALSE(sessionCookieName(N)) << N;
  EXPECT_TRUE(csrfCookieName("XSRF-TOKEN"));
  EXPECT_TRUE(csrfCookieName("csrf_token"));
  EXPECT_FALSE(csrfCookieName("session"));
}
