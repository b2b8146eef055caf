#include "models/ArgConditions.h"

#include "models/FunctionNames.h"
#include "models/StoredStatements.h"
#include "support/AstHelpers.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace appsec {

bool streamMatches(const Expr *E, llvm::ArrayRef<std::string> Names) {
  for (unsigned Depth = 0; E && Depth < 64; ++Depth) {
    E = ignoreWrappers(E, Temporaries | ExplicitCasts);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E); Op && Op->getOperator() == OO_LessLess) {
      E = Op->getArg(0);
      continue;
    }
    const NamedDecl *D = nullptr;
    const ValueDecl *Var = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      D = Var = DRE->getDecl();
    else if (const auto *ME = dyn_cast<MemberExpr>(E))
      D = Var = ME->getMemberDecl();
    else if (const auto *CE = dyn_cast<CallExpr>(E))
      D = CE->getDirectCallee();
    else if (const auto *Ctor = dyn_cast<CXXConstructExpr>(E))
      D = Ctor->getConstructor()->getParent();
    if (!D)
      return false;
    std::string N = modelName(D);
    for (const std::string &S : Names)
      if (N == S || D->getName() == S)
        return true;
    // A variable or member of a stream type: `std::ofstream out(path)`.
    if (Var)
      if (const auto *RD = Var->getType().getNonReferenceType()->getAsCXXRecordDecl()) {
        std::string T = modelName(RD);
        for (const std::string &S : Names)
          if (T == S)
            return true;
      }
    return false;
  }
  return false;
}

static bool typeMatches(const Expr *E, llvm::ArrayRef<std::string> Names, const ASTContext &Ctx) {
  // The type as the program wrote it, where there is a declaration.
  E = E->IgnoreParenImpCasts();
  QualType T = E->getType();
  if (const auto *D = dyn_cast<DeclRefExpr>(E))
    T = D->getDecl()->getType();
  else if (const auto *M = dyn_cast<MemberExpr>(E))
    T = M->getMemberDecl()->getType();
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  for (unsigned Depth = 0; Depth < 16; ++Depth) {
    const NamedDecl *D = nullptr;
    if (const auto *S = T->getAs<TemplateSpecializationType>())
      D = S->getTemplateName().getAsTemplateDecl();
    else if (const auto *TD = dyn_cast<TypedefType>(T.getTypePtr()))
      D = TD->getDecl();
    else if (const auto *R = dyn_cast<RecordType>(T.getTypePtr()))
      D = R->getDecl();
    if (D)
      for (const std::string &N : Names)
        if (modelName(D) == N)
          return true;
    QualType Next = T.getSingleStepDesugaredType(Ctx);
    if (Next == T)
      return false;
    T = Next;
  }
  return false;
}

bool argumentMatches(const Expr *Arg, const ArgCondition &C, const ASTContext &Ctx,
                     const Stmt *Body) {
  if (!C.Type.empty())
    return typeMatches(Arg, C.Type, Ctx);
  if (!C.Stream.empty())
    return streamMatches(Arg, C.Stream);
  if (C.Statement == ArgCondition::StatementWrites)
    return statementKind(Arg, Body) == StatementKind::Writes;
  if (C.Statement == ArgCondition::StatementNameWrites) {
    // The name as a literal or a variable initialised with one
    // (`inline std::string createUser = "user_create";`).
    const Expr *E = constructedFrom(Arg);
    if (const auto *D = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl()); V && V->getAnyInitializer())
        E = constructedFrom(V->getAnyInitializer());
    const auto *L = dyn_cast<StringLiteral>(E);
    return L && L->getCharByteWidth() == 1 &&
           statementKindOfName(L->getString()) == StatementKind::Writes;
  }
  if (C.Null && Arg->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                           Expr::NPC_ValueDependentIsNotNull) !=
                    Expr::NPCK_NotNull) {
    if (!*C.Null)
      return false;
    if (C.Is.empty() && C.Contains.empty())
      return true;
  } else if (C.Null && *C.Null) {
    return false;
  } else if (C.Null && C.Is.empty() && C.Contains.empty()) {
    return true;
  }
  const Expr *E = constructedFrom(Arg);
  std::string Text;
  bool IsLiteral = false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    Text = DRE->getDecl()->getNameAsString();
  else if (const auto *L = dyn_cast<StringLiteral>(E); L && L->getCharByteWidth() == 1) {
    Text = L->getString().str();
    IsLiteral = true;
  }
  if (Text.empty())
    return false;
  llvm::StringRef T(Text);
  for (const std::string &Is : C.Is)
    if (T.equals_insensitive(Is))
      return true;
  if (IsLiteral)
    for (const std::string &Part : C.Contains)
      if (T.contains_insensitive(Part))
        return true;
  return false;
}

} // namespace appsec
