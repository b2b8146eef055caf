#include "support/AstHelpers.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtVisitor.h"

using namespace clang;

namespace appsec {

std::optional<int64_t> constantInt(const Expr *E, const ASTContext &Ctx) {
  if (!E || E->isValueDependent() || E->containsErrors())
    return std::nullopt;
  Expr::EvalResult R;
  if (E->EvaluateAsInt(R, Ctx, Expr::SE_AllowSideEffects))
    return R.Val.getInt().getExtValue();
  return std::nullopt;
}

const ValueDecl *referencedDecl(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref) {
        E = U->getSubExpr();
        continue;
      }
      return nullptr;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return ME->getMemberDecl();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      // Smart pointers: ctx.get(), *ptr, ptr-> all name the same object.
      if (Op->getNumArgs() >= 1 && (Op->getOperator() == OO_Star ||
                                    Op->getOperator() == OO_Arrow)) {
        E = Op->getArg(0);
        continue;
      }
      return nullptr;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      if (const auto *M = MC->getMethodDecl())
        if (M->getName() == "get" || M->getName() == "native_handle" ||
            M->getName() == "get_ptr") {
          E = MC->getImplicitObjectArgument();
          continue;
        }
      return nullptr;
    }
    return nullptr;
  }
  return nullptr;
}

std::string referencedName(const Expr *E) {
  if (!E)
    return "";
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl()->getNameAsString();
  return "";
}

const FunctionDecl *enclosingFunction(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  // Walk up the first parent chain; bounded by the nesting depth of the code.
  for (unsigned Depth = 0; Depth < 512 && !Parents.empty(); ++Depth) {
    const DynTypedNode &P = Parents[0];
    if (const auto *FD = P.get<FunctionDecl>())
      return FD;
    if (const auto *LE = P.get<LambdaExpr>())
      return LE->getCallOperator();
    Parents = Ctx.getParents(P);
  }
  return nullptr;
}

namespace {

/// Collects the return statements of one body (not of nested lambdas).
struct ReturnCollector : ConstStmtVisitor<ReturnCollector> {
  std::vector<const ReturnStmt *> Returns;
  bool Other = false; // anything besides returns that could matter
  void VisitReturnStmt(const ReturnStmt *R) { Returns.push_back(R); }
  void VisitLambdaExpr(const LambdaExpr *) {}
  void VisitStmt(const Stmt *S) {
    for (const Stmt *C : S->children())
      if (C)
        Visit(C);
  }
};

const FunctionDecl *calleeOf(const Expr *Fn) {
  if (!Fn)
    return nullptr;
  Fn = Fn->IgnoreParenImpCasts();
  // &f, and +[]{...} (unary plus forces a lambda to a function pointer).
  if (const auto *U = dyn_cast<UnaryOperator>(Fn))
    if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Plus)
      Fn = U->getSubExpr()->IgnoreParenImpCasts();
  // A lambda passed where a function pointer is expected is converted by its
  // conversion operator: look through it to the lambda.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Fn))
    if (isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()))
      Fn = MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(Fn))
    Fn = MT->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(Fn))
    Fn = BT->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Fn))
    if (CE->getNumArgs() == 1)
      return calleeOf(CE->getArg(0));
  if (const auto *LE = dyn_cast<LambdaExpr>(Fn))
    return LE->getCallOperator();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Fn))
    return dyn_cast<FunctionDecl>(DRE->getDecl());
  return nullptr;
}

} // namespace

bool alwaysReturnsNonZero(const Expr *Fn, const ASTContext &Ctx) {
  const FunctionDecl *FD = calleeOf(Fn);
  if (!FD)
    return false;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def->getBody())
    return false;
  ReturnCollector RC;
  RC.Visit(Def->getBody());
  if (RC.Returns.empty())
    return false;
  for (const ReturnStmt *R : RC.Returns) {
    std::optional<int64_t> V = constantInt(R->getRetValue(), Ctx);
    if (!V || *V == 0)
      return false;
  }
  return true;
}

} // namespace appsec

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace appsec {

CharSourceRange mainFileRange(const Expr *E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM, Ctx.getLangOpts());
  if (R.isInvalid() || !SM.isWrittenInMainFile(R.getBegin()))
    return CharSourceRange();
  return R;
}

bool isLiteral(const Expr *E) {
  const Expr *Bare = E->IgnoreParenImpCasts();
  return isa<IntegerLiteral>(Bare) || isa<CXXBoolLiteralExpr>(Bare);
}

} // namespace appsec
