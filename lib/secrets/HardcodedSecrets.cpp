#include "secrets/HardcodedSecrets.h"

#include "models/ArgConditions.h"
#include "models/FunctionNames.h"
#include "support/AstHelpers.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace appsec {

namespace {

/// A constant whose value is fixed in the source: const or constexpr, or a
/// global `const char *` (the pointer may change, the text it names does not
/// in practice).
bool isConstant(const VarDecl *V) {
  if (!V || isa<ParmVarDecl>(V) || !V->hasInit())
    return false;
  QualType T = V->getType();
  // `const std::string &kKey = "...";` binds a constant too.
  if (T.isConstQualified() || V->isConstexpr() ||
      (T->isReferenceType() && T.getNonReferenceType().isConstQualified()))
    return true;
  return V->hasGlobalStorage() && T->isPointerType() &&
         T->getPointeeType().isConstQualified() && T->getPointeeType()->isAnyCharacterType();
}

/// The non-empty string literal \p E is written as, and the constant it
/// came through; null if it is not one.
const StringLiteral *literalBehind(const Expr *E, const VarDecl *&Via) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = ignoreWrappers(E, Temporaries | ExplicitCasts | CopyConstructors | ConversionCalls);
    if (const auto *L = dyn_cast<StringLiteral>(E))
      return L->getLength() > 0 && L->getCharByteWidth() == 1 ? L : nullptr;
    if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      if (C->getNumArgs() < 1)
        return nullptr;
      E = C->getArg(0); // std::string("..."), string_view
      continue;
    }
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = M->getMethodDecl();
      if (!MD || !MD->getIdentifier() ||
          !llvm::is_contained({"c_str", "data", "str", "string"}, MD->getName()))
        return nullptr;
      E = M->getImplicitObjectArgument();
      continue;
    }
    if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(D->getDecl());
      if (!isConstant(V))
        return nullptr;
      Via = V;
      E = V->getInit();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

} // namespace

std::vector<HardcodedSecret> hardcodedSecrets(const FunctionDecl *Callee,
                                              llvm::ArrayRef<const Expr *> Args,
                                              const Expr *Object, const ModelSet &Models,
                                              const ASTContext &Ctx) {
  std::vector<HardcodedSecret> Out;
  const FunctionModels *M = Callee ? Models.find(modelName(Callee)) : nullptr;
  if (!M)
    return Out;
  for (const SinkModel &K : M->Sinks) {
    if ((K.Category != SinkCategory::JwtKey && K.Category != SinkCategory::Credential) ||
        !conditionHolds(K.When, Args, Ctx))
      continue;
    for (const ArgSpec &A : K.Args) {
      const Expr *E = A.K == ArgSpec::Arg && A.Index < Args.size() ? Args[A.Index]
                      : A.K == ArgSpec::This                      ? Object
                                                                  : nullptr;
      const VarDecl *Via = nullptr;
      if (const StringLiteral *L = E ? literalBehind(E, Via) : nullptr)
        Out.push_back({E, L, Via, K.Category, K.What});
    }
  }
  return Out;
}

} // namespace appsec
