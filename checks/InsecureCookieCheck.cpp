#include "InsecureCookieCheck.h"

#include "cookies/SessionCookies.h"
#include "reporting/CookieFindingText.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;
using ::appsec::Attribute;

namespace clang::tidy::appsec {

InsecureCookieCheck::InsecureCookieCheck(StringRef Name, ClangTidyContext *Context)
    : AppSecCheck(Name, Context),
      AllCookies(Options.get("AllCookies", "false").equals_insensitive("true")),
      RequireSameSite(!Options.get("RequireSameSite", "true").equals_insensitive("false")) {}

void InsecureCookieCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AppSecCheck::storeOptions(Opts);
  Options.store(Opts, "AllCookies", AllCookies ? "true" : "false");
  Options.store(Opts, "RequireSameSite", RequireSameSite ? "true" : "false");
}

void InsecureCookieCheck::registerMatchers(MatchFinder *Finder) {
  std::vector<std::string> Names = ::appsec::cookieSettingFunctions();
  std::vector<StringRef> Refs(Names.begin(), Names.end());
  auto Setter = functionDecl(hasAnyName(Refs));
  auto User = unless(isExpansionInSystemHeader());
  Finder->addMatcher(callExpr(User, callee(Setter)).bind("set"), this);
  Finder->addMatcher(cxxConstructExpr(User, hasDeclaration(Setter)).bind("set"), this);
}

void InsecureCookieCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *E = Result.Nodes.getNodeAs<Expr>("set");
  std::optional<::appsec::SetCookie> S = ::appsec::cookieSetBy(E, *Result.Context);
  if (!S || S->Attributes.Clears)
    return;
  const ::appsec::CookieAttributes &A = S->Attributes;
  // A CSRF token cookie is no session cookie, and the page's scripts read it.
  bool Csrf = A.NameKnown && ::appsec::csrfCookieName(A.Name);
  bool Session = !Csrf && ::appsec::holdsSession(A, S->Written);
  if (!Session && !AllCookies)
    return;
  ::appsec::MissingCookieAttributes M;
  M.Secure = A.Secure == Attribute::Absent;
  M.HttpOnly = A.HttpOnly == Attribute::Absent && !Csrf;
  M.SameSite = RequireSameSite && A.SameSite == Attribute::Absent;
  if (M.any())
    report(::appsec::insecureCookieText(*S, M, Session));
}

} // namespace clang::tidy::appsec
