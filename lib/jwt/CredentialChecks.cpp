#include "jwt/CredentialChecks.h"

#include "jwt/JwtApi.h"
#include "support/AstHelpers.h"
#include "support/LlvmCompat.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/Support/Regex.h"

using namespace clang;

namespace appsec::jwt {

namespace {

constexpr unsigned Wrappers =
    Temporaries | ExplicitCasts | CopyConstructors | OneArgConstructors | TemporaryObjects |
    ConversionCalls;

/// Request keys that name a credential.
bool isCredentialKey(llvm::StringRef Key) {
  static const llvm::Regex Names("^(x-)?(api[-_]?key|apikey|key|secret|session([-_]?id)?|sid|"
                                 "auth[-_]?token|authorization|access[-_]?token|token|cookie)$",
                                 llvm::Regex::IgnoreCase);
  return Names.match(Key);
}

/// A member call with a credential key as its first argument
/// (get_header_value("X-API-Key"), getCookie("session"), get("sid")), or a
/// basic-auth credentials object's password/user name.
bool readsCredential(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(ignoreWrappers(E, Wrappers));
  if (!Call)
    return false;
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
  if (!M || !M->getIdentifier())
    return false;
  if ((M->getName() == "getPassword" || M->getName() == "getUsername") && M->getParent() &&
      M->getParent()->getName().contains("Credentials"))
    return true;
  if (Call->getNumArgs() < 1)
    return false;
  llvm::StringRef Key = literalText(Call->getArg(0));
  return !Key.empty() && isCredentialKey(Key);
}

/// Any credential read inside \p S.
bool containsCredentialRead(const Stmt *S, unsigned Depth = 0) {
  if (!S || Depth > 12)
    return false;
  if (const auto *E = dyn_cast<Expr>(S); E && readsCredential(E))
    return true;
  for (const Stmt *C : S->children())
    if (containsCredentialRead(C, Depth + 1))
      return true;
  return false;
}

/// \p E without views of the same string (key.c_str(), key.data(), ...).
const Expr *ignoreViews(const Expr *E) {
  for (unsigned I = 0; I < 4; ++I) {
    E = ignoreWrappers(E, Wrappers);
    const auto *M = dyn_cast<CXXMemberCallExpr>(E);
    const CXXMethodDecl *MD = M ? M->getMethodDecl() : nullptr;
    if (!MD || !MD->getIdentifier() || M->getNumArgs() != 0 ||
        !appsec::StringSwitch<bool>(MD->getName()).Cases({"c_str", "data", "str", "value"}, true).Default(false))
      return E;
    E = M->getImplicitObjectArgument();
  }
  return E;
}

/// \p S reads a credential, directly or through locals initialised from one
/// (`auto it = req->headers().find("key"); auto key = it->second;`).
bool derivesFromCredential(const Stmt *S, unsigned Hops) {
  if (!S)
    return false;
  if (containsCredentialRead(S))
    return true;
  if (Hops == 0)
    return false;
  std::vector<const Stmt *> Todo{S};
  for (unsigned Budget = 0; !Todo.empty() && Budget < 64; ++Budget) {
    const Stmt *C = Todo.back();
    Todo.pop_back();
    if (const auto *D = dyn_cast<DeclRefExpr>(C))
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl()); V && V->isLocalVarDecl() && V->getInit())
        if (derivesFromCredential(V->getInit(), Hops - 1))
          return true;
    for (const Stmt *Child : C->children())
      if (Child)
        Todo.push_back(Child);
  }
  return false;
}

/// \p E is a credential read, or a local initialised from one (two hops).
bool isCredential(const Expr *E) {
  E = ignoreViews(E);
  if (readsCredential(E))
    return true;
  if (const auto *V = dyn_cast_or_null<VarDecl>(referencedDecl(E)))
    return V->isLocalVarDecl() && V->getInit() && derivesFromCredential(V->getInit(), 2);
  return false;
}

bool isLiteral(const Expr *E) {
  if (!literalText(E).empty())
    return true;
  E = ignoreWrappers(E, Wrappers);
  return isa<StringLiteral>(E) || isa<IntegerLiteral>(E) || isa<CXXNullPtrLiteralExpr>(E) ||
         isa<GNUNullExpr>(E);
}

/// `store.find(credential)`, or a local iterator initialised with it.
bool isLookupOfCredential(const Expr *E) {
  E = ignoreWrappers(E, Wrappers);
  if (const auto *V = dyn_cast_or_null<VarDecl>(referencedDecl(E)))
    if (V->isLocalVarDecl() && V->getInit())
      E = ignoreWrappers(V->getInit(), Wrappers);
  const auto *M = dyn_cast<CXXMemberCallExpr>(E);
  return M && M->getMethodDecl() && M->getMethodDecl()->getIdentifier() &&
         M->getMethodDecl()->getName() == "find" && M->getNumArgs() >= 1 &&
         isCredential(M->getArg(0));
}

bool isEndCall(const Expr *E) {
  const auto *M = dyn_cast<CXXMemberCallExpr>(ignoreWrappers(E, Wrappers));
  return M && M->getMethodDecl() && M->getMethodDecl()->getIdentifier() &&
         (M->getMethodDecl()->getName() == "end" || M->getMethodDecl()->getName() == "cend");
}

} // namespace

int credentialCheckPolarity(const CallExpr *Call, const ASTContext &) {
  // a == b / a != b on strings, and store.find(sid) ==/!= store.end().
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if ((Op->getOperator() != OO_EqualEqual && Op->getOperator() != OO_ExclaimEqual) ||
        Op->getNumArgs() != 2)
      return 0;
    int Equal = Op->getOperator() == OO_EqualEqual ? 1 : -1;
    const Expr *A = Op->getArg(0), *B = Op->getArg(1);
    if ((isLookupOfCredential(A) && isEndCall(B)) || (isLookupOfCredential(B) && isEndCall(A)))
      return -Equal; // found == end(): the session is unknown
    if ((isCredential(A) && !isLiteral(B)) || (isCredential(B) && !isLiteral(A)))
      return Equal;
    return 0;
  }
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return 0;
  llvm::StringRef N = FD->getName();
  // strcmp(key, stored) == 0 means a match: the call's "true" is a mismatch.
  bool Compare = appsec::StringSwitch<bool>(N)
                     .Cases({"strcmp", "strncmp", "strcasecmp", "memcmp"}, true)
                     .Cases({"CRYPTO_memcmp", "sodium_memcmp", "timingsafe_bcmp"}, true)
                     .Default(false);
  if (Compare && Call->getNumArgs() >= 2) {
    const Expr *A = Call->getArg(0), *B = Call->getArg(1);
    if ((isCredential(A) && !isLiteral(B)) || (isCredential(B) && !isLiteral(A)))
      return -1;
    return 0;
  }
  // sessions.count(sid), store.contains(key), store.exists(key).
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call))
    if ((N == "count" || N == "contains" || N == "exists") && M->getNumArgs() >= 1 &&
        isCredential(M->getArg(0)))
      return 1;
  return 0;
}

} // namespace appsec::jwt
