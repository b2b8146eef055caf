#include "cookies/SessionCookies.h"

#include "secrets/SensitiveData.h"
#include "support/IdentifierWords.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace appsec {

namespace {

constexpr llvm::StringLiteral SessionWords[] = {
    "session", "sess", "sessid", "sessionid", "sid", "auth", "token", "jwt", "login",
    "logged", "loggedin", "remember", "rememberme", "refresh", "access", "bearer",
    "credential", "credentials"};

bool hasSessionWord(llvm::StringRef Name) {
  for (const std::string &W : identifierWords(Name))
    for (llvm::StringRef S : SessionWords)
      if (W == S)
        return true;
  return false;
}

/// The names \p E reads or calls: variables, members, functions.
bool namesASession(const Expr *E) {
  if (!E)
    return false;
  std::vector<const Stmt *> Work{E};
  for (unsigned Seen = 0; !Work.empty() && Seen < 2000; ++Seen) {
    const Stmt *S = Work.back();
    Work.pop_back();
    const NamedDecl *D = nullptr;
    if (const auto *R = dyn_cast<DeclRefExpr>(S))
      D = R->getDecl();
    else if (const auto *M = dyn_cast<MemberExpr>(S))
      D = M->getMemberDecl();
    else if (const auto *C = dyn_cast<CallExpr>(S))
      D = C->getDirectCallee();
    if (D && D->getIdentifier()) {
      llvm::StringRef N = D->getName();
      if (hasSessionWord(N) || (sensitiveNameLabels(N, /*IsKey=*/false) & maskOf(Label::Secret)))
        return true;
      // jwt-cpp: jwt::create()...sign(algorithm) makes a token.
      if (N == "sign" && isa<CXXMethodDecl>(D) &&
          cast<CXXMethodDecl>(D)->getParent()->getName() == "builder")
        return true;
    }
    for (const Stmt *C : S->children())
      if (C)
        Work.push_back(C);
  }
  return false;
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

bool holdsSession(const CookieAttributes &C) {
  if (C.NameKnown && sessionCookieName(C.Name))
    return true;
  return namesASession(C.Value);
}

} // namespace appsec
