#include "jwt/JwtFlow.h"

#include "support/AstHelpers.h"
#include "support/BodyStatements.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

#include <set>

using namespace clang;

namespace appsec::jwt {

namespace {

/// The statements of a body (support/BodyStatements): nested lambdas are
/// functions of their own; their capture initialisers run here.
using Body = BodyStatements;

/// The expression a variable is initialised or assigned with, without the
/// wrappers C++ adds around a returned object.
const Expr *stripObject(const Expr *E) {
  return ignoreWrappers(E, Temporaries | CopyConstructors);
}

/// The variable \p E names, also through a copy or move of it.
const VarDecl *varOf(const Expr *E) {
  return dyn_cast_or_null<VarDecl>(referencedDecl(stripObject(E)));
}

bool isInSystemHeader(const Decl *D) {
  return D->getASTContext().getSourceManager().isInSystemHeader(D->getLocation());
}


} // namespace

namespace {

bool inNamespace(const Decl *D, StringRef Name) {
  return llvm::is_contained(namespacesOf(D), Name);
}

/// \p S requires `exp`: jwt-cpp has_expires_at()/get_expires_at() or any
/// call of the JWT libraries given the literal "exp" (with_claim("exp", fn),
/// has_payload_claim("exp"), has_claim("exp"), get_claim_value<T>("exp")),
/// or cpp-jwt's registered_claims::expiration.
bool requiresExpiry(const Stmt *S) {
  if (const auto *D = dyn_cast<DeclRefExpr>(S))
    if (const auto *EC = dyn_cast<EnumConstantDecl>(D->getDecl()))
      return EC->getName() == "expiration" && inNamespace(EC, "jwt");
  const auto *Call = dyn_cast<CallExpr>(S);
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier() || !inNamespace(FD, "jwt"))
    return false;
  if (FD->getName() == "has_expires_at" || FD->getName() == "get_expires_at")
    return true;
  for (const Expr *A : Call->arguments())
    if (literalText(ignoreWrappers(A, ExplicitCasts)) == "exp")
      return true;
  return false;
}

/// \p E is a jwt-cpp verifier built in this function: a chain of builder
/// calls on jwt::verify(), or a local variable initialised with one.
bool isLocalJwtCppVerifier(const Expr *E, unsigned Depth = 0) {
  if (!E || Depth > 32)
    return false;
  E = stripObject(E);
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E))
    return isLocalJwtCppVerifier(M->getImplicitObjectArgument(), Depth + 1);
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    return FD && !isa<CXXMethodDecl>(FD) && FD->getName() == "verify" && inNamespace(FD, "jwt");
  }
  const VarDecl *V = varOf(E);
  return V && V->isLocalVarDecl() && !V->getType()->isReferenceType() &&
         isLocalJwtCppVerifier(V->getInit(), Depth + 1);
}

} // namespace

std::vector<ExpiryNotRequired> expiryNotRequired(const FunctionDecl *F, ASTContext &Ctx) {
  std::vector<ExpiryNotRequired> Out;
  if (isDecodedTokenType(F->getReturnType()))
    return Out; // the caller gets the token and the duty to check it
  Body B(F);
  std::vector<ExpiryNotRequired> Candidates;
  std::set<const VarDecl *> Decoded;
  for (const Stmt *S : B.Nodes) {
    if (requiresExpiry(S))
      return {};
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D); V && isDecodedTokenType(V->getType()))
          Decoded.insert(V);
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      continue;
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    if (Member && isJwtCppVerifierCall(Call, "verify") && Call->getNumArgs() >= 1 &&
        isLocalJwtCppVerifier(Member->getImplicitObjectArgument())) {
      const VarDecl *Tok = varOf(Call->getArg(0));
      if (!Tok || Tok->isLocalVarDecl())
        Candidates.push_back({Call, Library::JwtCpp});
      continue;
    }
    if (isCppJwtDecode(Call)) {
      bool VerifyOff = false;
      for (const Expr *A : Call->arguments())
        if (const auto *P = dyn_cast_or_null<CallExpr>(ignoreWrappers(A, Temporaries | CopyConstructors)))
          if (isCppJwtParam(P, "verify") && P->getNumArgs() == 1 &&
              constantInt(P->getArg(0), Ctx) == 0)
            VerifyOff = true; // reported as verify(false) already
      if (!VerifyOff)
        Candidates.push_back({Call, Library::CppJwt});
    }
  }
  // A decoded token handed to a helper or returned: the helper or the caller
  // may check the expiry.
  for (const Stmt *S : B.Nodes) {
    if (const auto *R = dyn_cast<ReturnStmt>(S); R && R->getRetValue())
      if (const VarDecl *V = varOf(R->getRetValue()); V && Decoded.count(V))
        return {};
    const auto *Call = dyn_cast<CallExpr>(S);
    const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
    if (!Call || (FD && (isJwtApiFunction(FD) || isInSystemHeader(FD))))
      continue;
    for (const Expr *A : Call->arguments())
      if (const VarDecl *V = varOf(A); V && Decoded.count(V))
        return {};
  }
  return Candidates;
}

} // namespace appsec::jwt
