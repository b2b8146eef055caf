#include "reporting/CookieFindingText.h"

#include <vector>

namespace appsec {

namespace {

std::string list(const std::vector<std::string> &Items, const char *Last) {
  std::string Out;
  for (size_t I = 0; I < Items.size(); ++I) {
    if (I)
      Out += I + 1 == Items.size() ? std::string(" ") + Last + " " : ", ";
    Out += Items[I];
  }
  return Out;
}

/// How to set each missing attribute in the API the cookie was made with.
std::string fix(CookieApi Api, MissingCookieAttributes M) {
  std::vector<std::string> Steps;
  switch (Api) {
  case CookieApi::Header: {
    std::string Attrs;
    if (M.Secure)
      Attrs += "; Secure";
    if (M.HttpOnly)
      Attrs += "; HttpOnly";
    if (M.SameSite)
      Attrs += "; SameSite=Lax";
    return "add '" + Attrs + "' to the Set-Cookie value";
  }
  case CookieApi::Poco:
    if (M.Secure)
      Steps.push_back("setSecure(true)");
    if (M.HttpOnly)
      Steps.push_back("setHttpOnly(true)");
    if (M.SameSite)
      Steps.push_back("setSameSite(HTTPCookie::SAME_SITE_LAX)");
    return "call " + list(Steps, "and") + " on the HTTPCookie";
  case CookieApi::Drogon:
    if (M.Secure)
      Steps.push_back("setSecure(true)");
    if (M.HttpOnly)
      Steps.push_back("setHttpOnly(true)");
    if (M.SameSite)
      Steps.push_back("setSameSite(Cookie::SameSite::kLax)");
    return "call " + list(Steps, "and") + " on a drogon::Cookie";
  case CookieApi::Pistache:
    if (M.Secure)
      Steps.push_back("secure = true");
    if (M.HttpOnly)
      Steps.push_back("httpOnly = true");
    if (M.SameSite)
      Steps.push_back("ext[\"SameSite\"] = \"Lax\"");
    return "set " + list(Steps, "and") + " on the Http::Cookie";
  case CookieApi::Crow:
    if (M.Secure)
      Steps.push_back(".secure()");
    if (M.HttpOnly)
      Steps.push_back(".httponly()");
    if (M.SameSite)
      Steps.push_back(".same_site(Cookie::SameSitePolicy::Lax)");
    return "chain " + list(Steps, "and") + " to set_cookie()";
  }
  return "";
}

} // namespace

DiagnosticText insecureCookieText(const SetCookie &S, MissingCookieAttributes M, bool Session) {
  DiagnosticText T;
  T.Loc = S.At->getExprLoc();
  const CookieAttributes &A = S.Attributes;
  std::string Which = Session ? "session cookie" : "cookie";
  T.Message = A.NameKnown ? Which + " '" + A.Name + "'" : "a " + Which;
  std::vector<std::string> Missing, Effects, Cwes;
  if (M.Secure) {
    Missing.push_back("Secure");
    Effects.push_back(A.SameSiteNone ? "browsers refuse it with SameSite=None, and otherwise it "
                                       "also travels over plain HTTP"
                                     : "it also travels over plain HTTP");
    Cwes.push_back("CWE-614");
  }
  if (M.HttpOnly) {
    Missing.push_back("HttpOnly");
    Effects.push_back("page scripts can read it (one XSS flaw steals it)");
    Cwes.push_back("CWE-1004");
  }
  if (M.SameSite) {
    Missing.push_back("SameSite");
    Effects.push_back("other sites' requests carry it (CSRF)");
    Cwes.push_back("CWE-1275");
  }
  T.Message += " is set without " + list(Missing, "and") + ": " + list(Effects, "and") + "; " +
               fix(S.Api, M) + " (" + list(Cwes, "and") + ")";
  if (S.Created)
    T.Notes.emplace_back(S.Created->getExprLoc(), "the cookie is made here");
  return T;
}

} // namespace appsec
