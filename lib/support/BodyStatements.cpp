#include "support/BodyStatements.h"

#include "clang/AST/RecursiveASTVisitor.h"

#include <algorithm>

using namespace clang;

namespace appsec {

BodyStatements::BodyStatements(const FunctionDecl *F, bool WithCaptureInits) {
  if (F && F->hasBody())
    walk(F->getBody(), 0, WithCaptureInits);
}

void BodyStatements::walk(const Stmt *S, unsigned Depth, bool WithCaptureInits) {
  if (!S || Depth > 400)
    return;
  Nodes.push_back(S);
  if (const auto *L = dyn_cast<LambdaExpr>(S)) {
    Lambdas.push_back(L);
    if (WithCaptureInits)
      for (const Expr *Init : L->capture_inits())
        walk(Init, Depth + 1, WithCaptureInits);
    return;
  }
  for (const Stmt *C : S->children())
    walk(C, Depth + 1, WithCaptureInits);
}

std::vector<const VarDecl *> BodyStatements::capturedVariables() const {
  std::vector<const VarDecl *> Vars;
  for (const LambdaExpr *L : Lambdas)
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable())
        if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar()))
          Vars.push_back(V);
  return Vars;
}

namespace {
class CallCollector : public RecursiveASTVisitor<CallCollector> {
public:
  static constexpr unsigned MaxNodes = 20000;
  std::vector<const CallExpr *> Calls;
  unsigned Nodes = 0;
  bool shouldVisitLambdaBody() const { return false; }
  bool TraverseStmt(Stmt *S) {
    if (++Nodes > MaxNodes)
      return false;
    return RecursiveASTVisitor::TraverseStmt(S);
  }
  bool VisitCallExpr(CallExpr *C) {
    Calls.push_back(C);
    return true;
  }
};
} // namespace

void forEachStatement(const Stmt *Root, llvm::function_ref<void(const Stmt *)> Visit,
                      unsigned Budget) {
  if (!Root)
    return;
  std::vector<const Stmt *> Work{Root};
  for (unsigned Seen = 0; !Work.empty() && Seen < Budget; ++Seen) {
    const Stmt *S = Work.back();
    Work.pop_back();
    Visit(S);
    if (isa<LambdaExpr>(S) && S != Root)
      continue; // a function of its own
    size_t At = Work.size();
    for (const Stmt *C : S->children())
      if (C)
        Work.push_back(C);
    std::reverse(Work.begin() + At, Work.end());
  }
}

bool returnsThis(const FunctionDecl *F) {
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(F);
  const FunctionDecl *Def = nullptr;
  if (!M || M->isStatic() || !M->getReturnType()->isReferenceType() || !M->hasBody(Def))
    return false;
  bool Any = false;
  for (const Stmt *S : BodyStatements(Def, false).Nodes)
    if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      const auto *U = dyn_cast_or_null<UnaryOperator>(
          R->getRetValue() ? R->getRetValue()->IgnoreParenImpCasts() : nullptr);
      if (!U || U->getOpcode() != UO_Deref ||
          !isa<CXXThisExpr>(U->getSubExpr()->IgnoreParenImpCasts()))
        return false;
      Any = true;
    }
  return Any;
}

std::vector<const CallExpr *> callsIn(const Stmt *Body) {
  CallCollector Collector;
  Collector.TraverseStmt(const_cast<Stmt *>(Body));
  return std::move(Collector.Calls);
}

} // namespace appsec
