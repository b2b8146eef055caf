#include "cookies/SessionCookies.h"

#include "secrets/SensitiveData.h"
#include "support/BodyStatements.h"
#include "support/IdentifierWords.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace appsec {

namespace {

constexpr llvm::StringLiteral SessionWords[] = {
    "session", "sess", "sessid", "sessionid", "sesskey", "sid", "ssid", "auth", "authn",
    "authentication", "authenticated", "token", "jwt", "login", "logged", "loggedin",
    "remember", "rememberme", "refresh", "access", "bearer", "credential", "credentials"};
// "login" also names what a login form shows or counts: loginName,
// login_email, login_attempts, loginRedirect are not the session.
constexpr llvm::StringLiteral LoginWords[] = {"login", "logged"};
constexpr llvm::StringLiteral AboutTheLoginWords[] = {
    "name", "email", "mail", "user", "username", "attempt", "attempts", "count", "time",
    "date", "page", "redirect", "url", "path", "method", "type", "form", "hint"};

bool hasSessionWord(llvm::StringRef Name) {
  auto Words = identifierWords(Name);
  bool AboutLogin = llvm::any_of(Words, [](const std::string &W) {
    return llvm::is_contained(AboutTheLoginWords, llvm::StringRef(W));
  });
  for (const std::string &W : Words)
    for (llvm::StringRef S : SessionWords)
      if (W == S && !(AboutLogin && llvm::is_contained(LoginWords, S)))
        return true;
  return false;
}

/// A name \p S reads or calls (a variable, member or function) says session.
bool sessionName(const Stmt *S) {
  const NamedDecl *D = nullptr;
  if (const auto *R = dyn_cast<DeclRefExpr>(S))
    D = R->getDecl();
  else if (const auto *M = dyn_cast<MemberExpr>(S))
    D = M->getMemberDecl();
  else if (const auto *C = dyn_cast<CallExpr>(S))
    D = C->getDirectCallee();
  if (!D || !D->getIdentifier())
    return false;
  llvm::StringRef N = D->getName();
  if (hasSessionWord(N) || (sensitiveNameLabels(N, /*IsKey=*/false) & maskOf(Label::Secret)))
    return true;
  // jwt-cpp: jwt::create()...sign(algorithm) makes a token.
  return N == "sign" && isa<CXXMethodDecl>(D) &&
         cast<CXXMethodDecl>(D)->getParent()->getName() == "builder";
}

/// Some name \p E reads or calls says session.
bool namesASession(const Expr *E) {
  bool Found = false;
  forEachStatement(E, [&](const Stmt *S) { Found = Found || sessionName(S); }, 2000);
  return Found;
}

} // namespace

bool sessionCookieName(llvm::StringRef Name) {
  return hasSessionWord(Name) || (sensitiveNameLabels(Name, /*IsKey=*/true) & maskOf(Label::Secret));
}

bool csrfCookieName(llvm::StringRef Name) {
  for (const std::string &W : identifierWords(Name))
    if (llvm::StringRef(W).contains("csrf") || llvm::StringRef(W).contains("xsrf"))
      return true;
  return false;
}

bool holdsSession(const CookieAttributes &C, const Expr *Written) {
  if (C.NameKnown && sessionCookieName(C.Name))
    return true;
  return namesASession(C.Value) || namesASession(Written);
}

} // namespace appsec
