#include "sanitizers/ConstantConditions.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace appsec {

namespace {
struct WriteCollector : RecursiveASTVisitor<WriteCollector> {
  std::set<const VarDecl *> &Written;
  explicit WriteCollector(std::set<const VarDecl *> &W) : Written(W) {}
  void mark(const Expr *E) {
    E = E->IgnoreParenCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
        Written.insert(V->getCanonicalDecl());
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      mark(B->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
      mark(U->getSubExpr());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (Op->isAssignmentOp() && Op->getNumArgs() > 0)
      mark(Op->getArg(0));
    return true;
  }
  bool VisitCallExpr(CallExpr *C) {
    // Passing by non-const reference may write.
    if (const FunctionDecl *F = C->getDirectCallee())
      for (unsigned I = 0; I < C->getNumArgs() && I < F->getNumParams(); ++I) {
        QualType T = F->getParamDecl(I)->getType();
        if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
          mark(C->getArg(I));
      }
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    // Binding a non-const reference or pointer to a variable lets it change.
    if (V->hasInit() && V->getType()->isReferenceType() &&
        !V->getType().getNonReferenceType().isConstQualified())
      mark(V->getInit());
    return true;
  }
};
} // namespace

void ConstantConditions::noteWrites(const Stmt *Body) {
  if (!Body)
    return;
  WriteCollector C(Written);
  C.TraverseStmt(const_cast<Stmt *>(Body));
}

std::optional<int64_t> ConstantConditions::variableValue(const VarDecl *V,
                                                         unsigned Depth) const {
  V = V->getCanonicalDecl();
  QualType T = V->getType();
  if (!T->isIntegralOrEnumerationType())
    return std::nullopt;
  const VarDecl *Def = V->getDefinition() ? V->getDefinition() : V;
  const Expr *Init = Def->getInit();
  if (!Init)
    return std::nullopt;
  bool ConstQualified = T.isConstQualified();
  // A non-const variable is constant only if this file can see every write:
  // internal linkage (or a static local) and none recorded.
  bool FileLocal = !V->isExternallyVisible() || V->isStaticLocal();
  if (!ConstQualified && (!FileLocal || !V->hasGlobalStorage() || Written.count(V)))
    return std::nullopt;
  if (ConstQualified && Written.count(V))
    return std::nullopt;
  return evaluate(Init, Depth + 1);
}

std::optional<int64_t> ConstantConditions::callValue(const CallExpr *C,
                                                     unsigned Depth) const {
  const FunctionDecl *F = C->getDirectCallee();
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def) || !Ctx.getSourceManager().isInMainFile(Def->getLocation()))
    return std::nullopt;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body || Body->size() != 1)
    return std::nullopt;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  if (!Ret || !Ret->getRetValue())
    return std::nullopt;
  return evaluate(Ret->getRetValue(), Depth + 1);
}

std::optional<int64_t> ConstantConditions::evaluate(const Expr *E, unsigned Depth) const {
  if (!E || Depth > 8 || E->isValueDependent() || E->isTypeDependent() ||
      E->containsErrors())
    return std::nullopt;
  E = E->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
      return variableValue(V, Depth);
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      return EC->getInitVal().getExtValue();
    return std::nullopt;
  }
  if (const auto *C = dyn_cast<CallExpr>(E))
    return callValue(C, Depth);
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    auto V = evaluate(U->getSubExpr(), Depth + 1);
    if (!V)
      return std::nullopt;
    switch (U->getOpcode()) {
    case UO_LNot: return int64_t(!*V);
    case UO_Minus: return -*V;
    case UO_Plus: return *V;
    case UO_Not: return ~*V;
    default: return std::nullopt;
    }
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    auto L = evaluate(B->getLHS(), Depth + 1);
    if (B->getOpcode() == BO_LAnd && L && !*L)
      return 0;
    if (B->getOpcode() == BO_LOr && L && *L)
      return 1;
    auto R = evaluate(B->getRHS(), Depth + 1);
    if (!L || !R)
      return std::nullopt;
    switch (B->getOpcode()) {
    case BO_EQ: return int64_t(*L == *R);
    case BO_NE: return int64_t(*L != *R);
    case BO_LT: return int64_t(*L < *R);
    case BO_LE: return int64_t(*L <= *R);
    case BO_GT: return int64_t(*L > *R);
    case BO_GE: return int64_t(*L >= *R);
    case BO_LAnd: return int64_t(*L && *R);
    case BO_LOr: return int64_t(*L || *R);
    case BO_Add: return *L + *R;
    case BO_Sub: return *L - *R;
    case BO_Mul: return *L * *R;
    default: return std::nullopt;
    }
  }
  if (E->getType()->isIntegralOrEnumerationType() || E->getType()->isBooleanType()) {
    Expr::EvalResult R;
    if (E->EvaluateAsInt(R, Ctx))
      return R.Val.getInt().getExtValue();
  }
  return std::nullopt;
}

} // namespace appsec
