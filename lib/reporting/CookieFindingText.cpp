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

/// How each API sets the attributes: the verb, the three settings, where.
struct ApiFix {
  const char *Verb, *Secure, *HttpOnly, *SameSite, *Where;
};
constexpr ApiFix Fixes[] = {
    // CookieApi::Header: the settings are text added to the value.
    {"add", "; Secure", "; HttpOnly", "; SameSite=Lax", " to the Set-Cookie value"},
    {"call", "setSecure(true)", "setHttpOnly(true)", "setSameSite(HTTPCookie::SAME_SITE_LAX)",
     " on the HTTPCookie"},
    {"call", "setSecure(true)", "setHttpOnly(true)", "setSameSite(Cookie::SameSite::kLax)",
     " on a drogon::Cookie"},
    {"set", "secure = true", "httpOnly = true", "ext[\"SameSite\"] = \"Lax\"", " on the Http::Cookie"},
    {"chain", ".secure()", ".httponly()", ".same_site(Cookie::SameSitePolicy::Lax)", " to set_cookie()"},
};

/// How to set each missing attribute in the API the cookie was made with.
std::string fix(CookieApi Api, MissingCookieAttributes M) {
  const ApiFix &F = Fixes[unsigned(Api)];
  std::vector<std::string> Steps;
  if (M.Secure)
    Steps.push_back(F.Secure);
  if (M.HttpOnly)
    Steps.push_back(F.HttpOnly);
  if (M.SameSite)
    Steps.push_back(F.SameSite);
  if (Api == CookieApi::Header) {
    std::string Text;
    for (const std::string &S : Steps)
      Text += S;
    return std::string(F.Verb) + " '" + Text + "'" + F.Where;
  }
  return std::string(F.Verb) + " " + list(Steps, "and") + F.Where;
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
