//===- InsecureCookieCheck.h - appsec-insecure-cookie -------------------===//
#pragma once

#include "AppSecCheck.h"

namespace clang::tidy::appsec {

/// Finds session cookies put into a response without Secure, HttpOnly or
/// SameSite: Set-Cookie headers written as text and the cookie objects of
/// Poco, Drogon, Pistache and Crow. Library knowledge and the session-cookie
/// rule live in lib/cookies/, the wording in lib/reporting/.
///
/// Options: AllCookies (every cookie, not only session cookies),
/// RequireSameSite (report a missing SameSite; on by default).
///
/// For the user-facing documentation see docs/checks/appsec-insecure-cookie.md
class InsecureCookieCheck : public AppSecCheck {
public:
  InsecureCookieCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  bool AllCookies;
  bool RequireSameSite;
};

} // namespace clang::tidy::appsec
