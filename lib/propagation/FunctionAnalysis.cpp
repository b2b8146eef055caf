#include "propagation/FunctionAnalysis.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/MathExtras.h"

#include "engine/TaintEngine.h"
#include "support/AstHelpers.h"
#include "models/FunctionNames.h"
#include "sanitizers/Guards.h"
#include "sinks/ShellPrograms.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"

#include <deque>

using namespace clang;

namespace appsec {

namespace {

/// Values of these types cannot carry an injection string.
bool isBarrierType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isAnyCharacterType())
    return false;
  return T->isArithmeticType() || T->isEnumeralType() || T->isNullPtrType() ||
         T->isFunctionPointerType() || T->isMemberPointerType();
}

bool isStringStream(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (const auto *RD = T->getAsCXXRecordDecl()) {
    StringRef N = RD->getName();
    return N == "basic_istringstream" || N == "basic_stringstream" ||
           N == "basic_ostringstream" || N == "basic_stringbuf";
  }
  return false;
}

bool isPointerLike(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  return T->isPointerType() || T->isArrayType();
}

std::string declName(const ValueDecl *D) {
  if (!D)
    return "this";
  if (D->getDeclName().isIdentifier() && !D->getName().empty())
    return D->getName().str();
  return "(unnamed)";
}

std::string calleeLabel(const FunctionDecl *F) {
  if (!F)
    return "the callee";
  std::string N = F->getNameAsString();
  if (const auto *M = dyn_cast<CXXMethodDecl>(F))
    if (M->getParent() && M->getParent()->getIdentifier() && !M->getParent()->isLambda())
      N = M->getParent()->getName().str() + "::" + N;
  if (const auto *M = dyn_cast<CXXMethodDecl>(F); M && M->getParent()->isLambda())
    N = "lambda";
  return N + "()";
}

const Expr *stripTemps(const Expr *E) {
  return ignoreWrappers(E, Temporaries | ExplicitCasts);
}

} // namespace

class FunctionAnalysis::Impl {
public:
  Impl(TaintEngine &Engine, const FunctionDecl *FD, bool SummaryMode)
      : Engine(Engine), Ctx(Engine.context()), FD(FD), SummaryMode(SummaryMode) {}

  void run();

  TaintEngine &Engine;
  ASTContext &Ctx;
  const FunctionDecl *FD;
  bool SummaryMode;
  FunctionSummary Summary;
  unsigned Work = 0;
  bool OutOfBudget = false;
  TaintState *S = nullptr; // the state being transformed

  // ---- locations -----------------------------------------------------------
  std::optional<LocKey> locOf(const Expr *E, unsigned Depth = 0);
  std::set<LocKey> pointerTargets(const Expr *E);
  TaintFact read(const LocKey &K, unsigned Depth = 0);
  void write(const LocKey &K, TaintFact F, bool Replace, bool ThroughPointer = true);
  void writeExpr(const Expr *Target, const TaintFact &F, bool Replace);
  bool isGlobal(const LocKey &K) const {
    const ValueDecl *D = K.decl();
    const auto *V = dyn_cast_or_null<VarDecl>(D);
    return V && V->hasGlobalStorage();
  }

  // ---- evaluation ----------------------------------------------------------
  TaintFact eval(const Expr *E);
  TaintFact evalUncapped(const Expr *E);
  TaintFact assign(const Expr *LHS, const Expr *RHS, SourceLocation Loc);
  void declare(const VarDecl *V);
  TaintFact call(const Expr *Call, const FunctionDecl *Callee, const Expr *Object,
                 llvm::ArrayRef<const Expr *> Args, bool IsConstruct);
  std::vector<const FunctionDecl *> callTargets(const CallExpr *C);
  std::optional<Label> handleKindOf(const Expr *E);
  void checkSink(const SinkModel &K, const FunctionDecl *Callee,
                 llvm::ArrayRef<const Expr *> Args, llvm::ArrayRef<TaintFact> ArgFacts,
                 const Expr *Object, const TaintFact &ObjFact, SourceLocation CallLoc);
  /// Untrusted data reaches a sink: a finding (or a summary's sink hit).
  /// Claims of a decoded JWT read through \p Object wait for the end of the
  /// function (PendingClaim).
  void sinkFact(const TaintFact &F, SinkCategory Cat, SourceLocation Loc,
                const std::string &SinkName, const std::string &What,
                const Expr *Object = nullptr);
  void emitSink(const TaintFact &F, SinkCategory Cat, SourceLocation Loc,
                const std::string &SinkName, const std::string &What);
  /// The token at \p K has been verified: claims read from it earlier are fine.
  void clearPending(const LocKey &K, TaintState &In);
  bool argumentMatches(const Expr *Arg, const ArgCondition &C);
  bool conditionHolds(const std::optional<ArgCondition> &C, llvm::ArrayRef<const Expr *> Args) {
    return !C || (C->Arg < Args.size() && argumentMatches(Args[C->Arg], *C));
  }
  /// A verification of \p F (sanitized or validated for JwtClaim) that is a
  /// token of this request, or the request object \p Subject itself, verifies
  /// the request's token.
  void noteVerification(const TaintFact &F, const Expr *Subject, TaintState &In);
  void applySummary(const FunctionSummary &Sum, const FunctionDecl *Callee,
                    llvm::ArrayRef<const Expr *> Args, llvm::ArrayRef<TaintFact> ArgFacts,
                    const Expr *Object, const TaintFact &ObjFact, SourceLocation CallLoc,
                    TaintFact &Result);
  const Step *step(const TaintFact &F, SourceLocation Loc, std::string Text) {
    return Engine.steps().extend(F.Path, Loc, std::move(Text));
  }
  TaintFact sourceFact(Label K, SourceLocation Loc, const std::string &What) {
    TaintFact F;
    F.Labels = maskOf(K);
    F.Path = Engine.steps().root(Loc, std::string(labelPhrase(K)) + " enters through " + What,
                                 int(K), What);
    return F;
  }

  // ---- control flow --------------------------------------------------------
  void transferElement(const Stmt *St);
  void applyGuards(const Expr *Cond, bool Branch, TaintState &Out);
  GuardContext guardContext();
  void collectCovered(const CFG &G);
  std::set<const Stmt *> Covered;
  std::vector<std::pair<LocKey, CategoryMask>> PendingBoolTargets;
};

// ============================================================================
// Locations
// ============================================================================

std::optional<LocKey> FunctionAnalysis::Impl::locOf(const Expr *E, unsigned Depth) {
  if (!E || Depth > 16)
    return std::nullopt;
  E = stripTemps(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = DRE->getDecl();
    if (!isa<VarDecl>(D) && !isa<FieldDecl>(D) && !isa<BindingDecl>(D))
      return std::nullopt;
    auto A = S->RefAlias.find(D);
    if (A != S->RefAlias.end())
      return A->second;
    return LocKey::of(D);
  }
  if (isa<CXXThisExpr>(E)) {
    LocKey K;
    K.Base = LocKey::thisBase();
    return K;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field) {
      // Static data members are globals.
      if (const auto *V = dyn_cast<VarDecl>(ME->getMemberDecl()))
        return LocKey::of(V);
      return std::nullopt;
    }
    auto Base = locOf(ME->getBase(), Depth + 1);
    if (!Base)
      return std::nullopt;
    // The members of a union share storage: they are the union itself.
    if (Field->getParent()->isUnion())
      return Base;
    if (ME->isArrow() && !isa<CXXThisExpr>(stripTemps(ME->getBase()))) {
      // p->f: through a pointer with a single known target, use that target.
      auto PT = S->PointsTo.find(*Base);
      if (PT != S->PointsTo.end() && PT->second.size() == 1)
        return PT->second.begin()->withField(Field);
    }
    return Base->withField(Field);
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return locOf(AS->getBase(), Depth + 1);
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref ||
        U->isIncrementDecrementOp())
      return locOf(U->getSubExpr(), Depth + 1);
    return std::nullopt;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->isAdditiveOp()) {
      if (B->getLHS()->getType()->isPointerType())
        return locOf(B->getLHS(), Depth + 1);
      if (B->getRHS()->getType()->isPointerType())
        return locOf(B->getRHS(), Depth + 1);
    }
    if (B->isAssignmentOp() || B->getOpcode() == BO_Comma)
      return locOf(B->getOpcode() == BO_Comma ? B->getRHS() : B->getLHS(), Depth + 1);
    return std::nullopt;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    (void)CO;
    return std::nullopt;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    OverloadedOperatorKind K = Op->getOperator();
    if ((K == OO_Equal || K == OO_PlusEqual) && Op->getNumArgs() >= 1)
      return locOf(Op->getArg(0), Depth + 1);
  }
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    // Calls whose result designates one of their inputs: accessors such as
    // c_str(), data(), front(), operator[], smart-pointer and iterator `*`,
    // and stream insertion returning its stream (modelled with "alias").
    const FunctionDecl *F = C->getDirectCallee();
    const Expr *Object = nullptr;
    llvm::ArrayRef<const Expr *> Args(C->getArgs(), C->getNumArgs());
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C)) {
      Object = MC->getImplicitObjectArgument();
    } else if (isa<CXXOperatorCallExpr>(C) && isa_and_nonnull<CXXMethodDecl>(F) &&
               C->getNumArgs() >= 1) {
      Object = C->getArg(0);
      Args = Args.drop_front();
    }
    if (const FunctionModels *M = F ? Engine.modelsFor(F) : nullptr) {
      for (const PropagatorModel &P : M->Propagators) {
        if (!P.Alias || P.From.empty())
          continue;
        if (P.From[0].K == ArgSpec::This && Object)
          return locOf(Object, Depth + 1);
        if (P.From[0].K == ArgSpec::Arg && P.From[0].Index < Args.size())
          return locOf(Args[P.From[0].Index], Depth + 1);
      }
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C)) {
      // Unmodelled smart pointers, iterators and containers: *p, p->, v[i]
      // designate the object's contents.
      OverloadedOperatorKind K = Op->getOperator();
      if ((K == OO_Star || K == OO_Arrow || K == OO_Subscript) && Op->getNumArgs() >= 1)
        return locOf(Op->getArg(0), Depth + 1);
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::set<LocKey> FunctionAnalysis::Impl::pointerTargets(const Expr *E) {
  std::set<LocKey> Out;
  const Expr *Bare = stripTemps(E);
  auto L = locOf(Bare);
  if (!L)
    return Out;
  QualType T = Bare->getType();
  // `buf` (an array), `&x`, `s.c_str()`: the object itself.
  Out.insert(*L);
  // A pointer variable: everything it may point to.
  auto PT = S->PointsTo.find(*L);
  if (PT != S->PointsTo.end())
    Out.insert(PT->second.begin(), PT->second.end());
  (void)T;
  return Out;
}

TaintFact FunctionAnalysis::Impl::read(const LocKey &K, unsigned Depth) {
  TaintFact F;
  // The object itself and every enclosing object (s.a.b is tainted when s is).
  for (unsigned N = 0; N <= K.depth(); ++N) {
    auto It = S->Facts.find(K.prefix(N));
    if (It != S->Facts.end())
      F.join(It->second);
  }
  // A whole object read includes its fields.
  for (auto It = S->Facts.upper_bound(K); It != S->Facts.end() && It->first.Base == K.Base;
       ++It) {
    bool Extends = true;
    for (unsigned I = 0; I < K.depth(); ++I)
      Extends &= It->first.Fields[I] == K.Fields[I];
    if (!Extends)
      break;
    F.join(It->second);
  }
  if (isGlobal(K))
    F.join(Engine.globalFact(K));
  if (Depth < 2) {
    auto PT = S->PointsTo.find(K);
    if (PT != S->PointsTo.end())
      for (const LocKey &T : PT->second)
        if (!(T == K))
          F.join(read(T, Depth + 1));
  }
  return F;
}

void FunctionAnalysis::Impl::write(const LocKey &K, TaintFact F, bool Replace,
                                   bool ThroughPointer) {
  if (Replace)
    S->Facts[K] = F;
  else if (F.tainted())
    S->Facts[K].join(F);
  if (isGlobal(K) && F.tainted())
    Engine.writeGlobal(K, F);
  if (!ThroughPointer)
    return;
  auto PT = S->PointsTo.find(K);
  if (PT == S->PointsTo.end())
    return;
  bool Strong = Replace && PT->second.size() == 1;
  for (const LocKey &T : PT->second) {
    if (T == K)
      continue;
    if (Strong)
      S->Facts[T] = F;
    else if (F.tainted())
      S->Facts[T].join(F);
    if (isGlobal(T) && F.tainted())
      Engine.writeGlobal(T, F);
  }
}

void FunctionAnalysis::Impl::writeExpr(const Expr *Target, const TaintFact &F, bool Replace) {
  auto L = locOf(Target);
  if (!L)
    return;
  TaintFact G = F;
  if (G.tainted()) {
    const Expr *Bare = stripTemps(Target);
    if (const auto *U = dyn_cast<UnaryOperator>(Bare); U && U->getOpcode() == UO_AddrOf)
      Bare = stripTemps(U->getSubExpr());
    std::string Name = declName(L->decl());
    if (!L->decl() && L->Base != LocKey::thisBase())
      Name = "(unnamed)";
    if (L->depth() > 0 && L->Fields[L->depth() - 1])
      Name = (L->decl() ? Name + "." : "") + L->Fields[L->depth() - 1]->getName().str();
    G.Path = step(G, Target->getExprLoc(), "flows into '" + Name + "'");
  }
  write(*L, G, Replace);
}

// ============================================================================
// Expressions
// ============================================================================

TaintFact FunctionAnalysis::Impl::eval(const Expr *E) {
  if (!E)
    return {};
  TaintFact F = evalUncapped(E);
  if (isBarrierType(E->getType()))
    return {};
  return F;
}

TaintFact FunctionAnalysis::Impl::evalUncapped(const Expr *E) {
  if (!E || E->containsErrors() || E->isTypeDependent() || E->isValueDependent())
    return {};
  if (++Work > Engine.options().StepBudget * 8) {
    OutOfBudget = true;
    return {};
  }
  E = E->IgnoreParens();

  if (isa<StringLiteral>(E) || isa<IntegerLiteral>(E) || isa<CharacterLiteral>(E) ||
      isa<FloatingLiteral>(E) || isa<CXXBoolLiteralExpr>(E) ||
      isa<CXXNullPtrLiteralExpr>(E) || isa<GNUNullExpr>(E) ||
      isa<UnaryExprOrTypeTraitExpr>(E) || isa<LambdaExpr>(E) ||
      isa<CXXDefaultArgExpr>(E) || isa<TypeTraitExpr>(E) || isa<PredefinedExpr>(E) ||
      isa<StmtExpr>(E) || isa<SizeOfPackExpr>(E) || isa<CXXNoexceptExpr>(E))
    return {};

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (auto L = locOf(DRE))
      return read(*L);
    return {};
  }
  if (isa<CXXThisExpr>(E))
    return read(*locOf(E));
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    TaintFact F;
    if (auto L = locOf(ME))
      F = read(*L);
    else
      F = eval(ME->getBase());
    // Data members that hold untrusted data wherever they are read.
    if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      if (const FieldSourceModel *FS = Engine.fieldSourceFor(Field)) {
        std::string What = FS->Description;
        if (What.empty())
          What = Field->getParent()->getName().str() + "::" + Field->getName().str();
        // The field names the source more precisely than the whole object.
        TaintFact Named = sourceFact(FS->Kind, ME->getMemberLoc(), What);
        Named.join(F);
        F = Named;
      }
    return F;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    eval(AS->getIdx());
    if (auto L = locOf(AS->getBase()))
      return read(*L);
    return eval(AS->getBase());
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->isIncrementDecrementOp() || U->getOpcode() == UO_Deref ||
        U->getOpcode() == UO_AddrOf)
      return evalUncapped(U->getSubExpr());
    eval(U->getSubExpr());
    return {};
  }
  if (const auto *CAO = dyn_cast<CompoundAssignOperator>(E)) {
    TaintFact R = eval(CAO->getRHS());
    if (CAO->getLHS()->getType()->isPointerType())
      return eval(CAO->getLHS());
    // Arithmetic compound assignment on a char still carries the char.
    if (R.tainted() && CAO->getLHS()->getType()->isAnyCharacterType())
      writeExpr(CAO->getLHS(), R, false);
    return eval(CAO->getLHS());
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->getOpcode() == BO_Assign)
      return assign(B->getLHS(), B->getRHS(), B->getOperatorLoc());
    if (B->getOpcode() == BO_Comma) {
      eval(B->getLHS());
      return eval(B->getRHS());
    }
    TaintFact L = eval(B->getLHS());
    TaintFact R = eval(B->getRHS());
    if (B->isAdditiveOp()) {
      if (B->getLHS()->getType()->isPointerType())
        return L;
      if (B->getRHS()->getType()->isPointerType())
        return R;
    }
    if (B->isComparisonOp() || B->isLogicalOp())
      return {};
    L.join(R); // arithmetic on chars; the type barrier drops the rest
    return L;
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    eval(CO->getCond());
    TaintFact T = eval(CO->getTrueExpr());
    T.join(eval(CO->getFalseExpr()));
    return T;
  }
  if (const auto *CE = dyn_cast<CastExpr>(E))
    return evalUncapped(CE->getSubExpr());
  if (const auto *C = dyn_cast<ExprWithCleanups>(E))
    return evalUncapped(C->getSubExpr());
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return evalUncapped(M->getSubExpr());
  if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
    return evalUncapped(B->getSubExpr());
  if (const auto *D = dyn_cast<CXXDefaultInitExpr>(E))
    return eval(D->getExpr());
  if (const auto *IL = dyn_cast<InitListExpr>(E)) {
    TaintFact F;
    for (const Expr *I : IL->inits())
      F.join(eval(I));
    return F;
  }
  if (const auto *SI = dyn_cast<CXXStdInitializerListExpr>(E))
    return eval(SI->getSubExpr());
  if (const auto *N = dyn_cast<CXXNewExpr>(E)) {
    TaintFact F;
    if (N->getInitializer())
      F = eval(N->getInitializer());
    return F;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
    if (Ctor && Ctor->isCopyOrMoveConstructor() && !Engine.modelsFor(Ctor) &&
        CE->getNumArgs() >= 1)
      return eval(CE->getArg(0));
    return call(CE, Ctor, nullptr, Args, /*IsConstruct=*/true);
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    const FunctionDecl *F = Op->getDirectCallee();
    // Copy/move assignment of class objects is an assignment.
    if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(F);
        M && (M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator()) &&
        !Engine.modelsFor(M) && Op->getNumArgs() == 2)
      return assign(Op->getArg(0), Op->getArg(1), Op->getOperatorLoc());
    if (isa_and_nonnull<CXXMethodDecl>(F) && Op->getNumArgs() >= 1) {
      llvm::SmallVector<const Expr *, 4> Args(Op->arg_begin() + 1, Op->arg_end());
      if (Op->getOperator() == OO_Call) {
        // Calls of lambdas and function objects.
        return call(Op, F, Op->getArg(0), Args, false);
      }
      return call(Op, F, Op->getArg(0), Args, false);
    }
    llvm::SmallVector<const Expr *, 4> Args(Op->arguments());
    return call(Op, F, nullptr, Args, false);
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    llvm::SmallVector<const Expr *, 4> Args(MC->arguments());
    const Expr *Obj = MC->getImplicitObjectArgument();
    TaintFact R;
    auto Targets = callTargets(MC);
    if (Targets.empty())
      return call(MC, MC->getMethodDecl(), Obj, Args, false);
    for (const FunctionDecl *T : Targets)
      R.join(call(MC, T, Obj, Args, false));
    return R;
  }
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    llvm::SmallVector<const Expr *, 4> Args(C->arguments());
    auto Targets = callTargets(C);
    if (Targets.empty()) {
      for (const Expr *A : Args)
        eval(A);
      return {};
    }
    TaintFact R;
    for (const FunctionDecl *T : Targets)
      R.join(call(C, T, nullptr, Args, false));
    return R;
  }
  if (const auto *P = dyn_cast<ParenListExpr>(E)) {
    TaintFact F;
    for (unsigned I = 0; I < P->getNumExprs(); ++I)
      F.join(eval(P->getExpr(I)));
    return F;
  }
  // Anything else: taint of its subexpressions.
  TaintFact F;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      F.join(eval(CE));
  return F;
}

std::vector<const FunctionDecl *> FunctionAnalysis::Impl::callTargets(const CallExpr *C) {
  std::vector<const FunctionDecl *> Out;
  if (const FunctionDecl *F = C->getDirectCallee()) {
    Out.push_back(F);
    // Virtual calls: every overrider this file defines may run.
    if (const auto *M = dyn_cast<CXXMethodDecl>(F); M && M->isVirtual())
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
        if (!isa<CXXThisExpr>(stripTemps(MC->getImplicitObjectArgument())) ||
            true)
          for (const FunctionDecl *O : Engine.overriders(M))
            Out.push_back(O);
    return Out;
  }
  // Calls through function pointers: the functions the pointer may hold.
  const Expr *Callee = stripTemps(C->getCallee());
  if (const auto *U = dyn_cast<UnaryOperator>(Callee); U && U->getOpcode() == UO_Deref)
    Callee = stripTemps(U->getSubExpr());
  if (auto L = locOf(Callee)) {
    auto It = S->FnTargets.find(*L);
    if (It != S->FnTargets.end())
      Out.insert(Out.end(), It->second.begin(), It->second.end());
  }
  return Out;
}

std::optional<Label> FunctionAnalysis::Impl::handleKindOf(const Expr *E) {
  if (!E)
    return std::nullopt;
  const Expr *Bare = stripTemps(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Bare)) {
    StringRef N = DRE->getDecl()->getName();
    if (N == "stdin" || N == "cin" || N == "wcin")
      return Label::Console;
  }
  std::optional<int64_t> V;
  {
    Expr::EvalResult R;
    if (!Bare->isValueDependent() && Bare->getType()->isIntegerType() &&
        Bare->EvaluateAsInt(R, Ctx))
      V = R.Val.getInt().getExtValue();
  }
  if (V && *V == 0)
    return Label::Console; // read(0, ...), STDIN_FILENO
  if (auto L = locOf(Bare)) {
    auto It = S->Handles.find(*L);
    if (It != S->Handles.end())
      return It->second;
  }
  return std::nullopt;
}

TaintFact FunctionAnalysis::Impl::assign(const Expr *LHS, const Expr *RHS, SourceLocation Loc) {
  auto L = locOf(LHS);
  QualType T = LHS->getType();
  // Function pointers: remember the target.
  if (L && (T->isFunctionPointerType() || T->isFunctionReferenceType())) {
    const Expr *R = stripTemps(RHS);
    if (const auto *U = dyn_cast<UnaryOperator>(R); U && U->getOpcode() == UO_AddrOf)
      R = stripTemps(U->getSubExpr());
    std::set<const FunctionDecl *> Targets;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(R)) {
      if (const auto *F = dyn_cast<FunctionDecl>(DRE->getDecl()))
        Targets.insert(F);
      else if (auto RL = locOf(DRE)) {
        auto It = S->FnTargets.find(*RL);
        if (It != S->FnTargets.end())
          Targets = It->second;
      }
    }
    S->FnTargets[*L] = Targets;
    return {};
  }
  TaintFact F = eval(RHS);
  if (!L)
    return F;
  const Expr *BareL = stripTemps(LHS);
  bool ElementWrite = isa<ArraySubscriptExpr>(BareL) ||
                      (isa<UnaryOperator>(BareL) &&
                       cast<UnaryOperator>(BareL)->getOpcode() == UO_Deref) ||
                      (isa<CXXOperatorCallExpr>(BareL) &&
                       cast<CXXOperatorCallExpr>(BareL)->getOperator() != OO_Equal);
  if (isBarrierType(T))
    F = {};
  if (T->isPointerType() && !ElementWrite) {
    // Re-pointing a pointer: it now designates what the right side designates.
    auto Targets = pointerTargets(RHS);
    if (Targets.count(*L))
      Targets.erase(*L);
    S->PointsTo[*L] = Targets;
    TaintFact G = F;
    if (G.tainted())
      G.Path = step(G, Loc, "flows into '" + declName(L->decl()) + "'");
    write(*L, G, /*Replace=*/true, /*ThroughPointer=*/false);
    return F;
  }
  if (ElementWrite) {
    writeExpr(LHS, F, /*Replace=*/false);
    return F;
  }
  writeExpr(LHS, F, /*Replace=*/true);
  return F;
}

void FunctionAnalysis::Impl::declare(const VarDecl *V) {
  LocKey K = LocKey::of(V);
  QualType T = V->getType();
  const Expr *Init = V->getInit();
  if (!Init) {
    S->Facts.erase(K);
    S->PointsTo.erase(K);
    return;
  }
  if (T->isReferenceType()) {
    // A reference is another name for its referent.
    if (auto L = locOf(Init)) {
      if (!T.getNonReferenceType()->isFunctionType()) {
        S->RefAlias[V] = *L;
        // Untrusted data members (req.body) become facts of the referent.
        TaintFact F = eval(Init);
        if (F.tainted())
          write(*L, F, /*Replace=*/false, /*ThroughPointer=*/false);
        return;
      }
    }
  }
  if (T->isFunctionPointerType() || T->isFunctionReferenceType()) {
    const Expr *R = stripTemps(Init);
    if (const auto *U = dyn_cast<UnaryOperator>(R); U && U->getOpcode() == UO_AddrOf)
      R = stripTemps(U->getSubExpr());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(R))
      if (const auto *F = dyn_cast<FunctionDecl>(DRE->getDecl()))
        S->FnTargets[K] = {F};
    return;
  }
  if (const auto *L = dyn_cast<LambdaExpr>(stripTemps(Init))) {
    S->FnTargets[K] = {L->getCallOperator()};
    return;
  }
  // bool ok = isValid(x): remember what `ok` proves.
  if (T->isBooleanType() || T->isIntegerType()) {
    if (const auto *C = dyn_cast<CallExpr>(stripTemps(Init))) {
      std::vector<GuardEffect> Effects;
      GuardContext GC = guardContext();
      if (callValidates(C, true, GC, Effects) && Effects.size() == 1 &&
          Effects[0].K == GuardEffect::Validated)
        if (auto L = locOf(Effects[0].Subject))
          S->BoolGuards[V] = BoolGuard{*L, Effects[0].Categories, true};
    }
  }
  TaintFact F = eval(Init);
  if (isBarrierType(T))
    F = {};
  if (T->isPointerType()) {
    auto Targets = pointerTargets(Init);
    Targets.erase(K);
    S->PointsTo[K] = Targets;
  } else {
    S->PointsTo.erase(K);
  }
  // Handles: FILE *f = fopen(...), int s = socket(...), std::ifstream in(...).
  if (const auto *C = dyn_cast<CallExpr>(stripTemps(Init)))
    if (const FunctionDecl *Callee = C->getDirectCallee())
      if (const FunctionModels *M = Engine.modelsFor(Callee))
        for (const HandleModel &H : M->Handles)
          for (const ArgSpec &A : H.Writes)
            if (A.K == ArgSpec::Return)
              S->Handles[K] = H.Kind;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(stripTemps(Init)))
    if (const FunctionModels *M = Engine.modelsFor(CE->getConstructor()))
      for (const HandleModel &H : M->Handles)
        for (const ArgSpec &A : H.Writes)
          if (A.K == ArgSpec::This)
            S->Handles[K] = H.Kind;
  if (F.tainted())
    F.Path = step(F, V->getLocation(), "flows into '" + declName(V) + "'");
  write(K, F, /*Replace=*/true, /*ThroughPointer=*/false);
}

// ============================================================================
// Calls
// ============================================================================

TaintFact FunctionAnalysis::Impl::call(const Expr *CallE, const FunctionDecl *Callee,
                                       const Expr *Object, llvm::ArrayRef<const Expr *> Args,
                                       bool IsConstruct) {
  SourceLocation CallLoc = CallE->getExprLoc();
  std::vector<TaintFact> ArgFacts;
  ArgFacts.reserve(Args.size());
  for (const Expr *A : Args)
    ArgFacts.push_back(eval(A));
  TaintFact ObjFact = Object ? evalUncapped(Object) : TaintFact();
  TaintFact Result;
  if (!Callee)
    return Result;

  std::string Name = calleeLabel(Callee);
  auto specFact = [&](const ArgSpec &A) {
    TaintFact F;
    switch (A.K) {
    case ArgSpec::Arg:
      if (A.Index < ArgFacts.size())
        F = ArgFacts[A.Index];
      break;
    case ArgSpec::ArgsFrom:
      for (size_t I = A.Index; I < ArgFacts.size(); ++I)
        F.join(ArgFacts[I]);
      break;
    case ArgSpec::This:
      F = ObjFact;
      break;
    case ArgSpec::Return:
      break;
    }
    return F;
  };
  auto writeSpec = [&](const ArgSpec &A, const TaintFact &F, bool Replace) {
    switch (A.K) {
    case ArgSpec::Return:
      if (Replace)
        Result = F;
      else
        Result.join(F);
      break;
    case ArgSpec::This:
      if (IsConstruct)
        Result.join(F);
      else if (Object)
        writeExpr(Object, F, Replace);
      break;
    case ArgSpec::Arg:
      if (A.Index < Args.size())
        writeExpr(Args[A.Index], F, Replace);
      break;
    case ArgSpec::ArgsFrom:
      for (size_t I = A.Index; I < Args.size(); ++I)
        writeExpr(Args[I], F, Replace);
      break;
    }
  };
  auto argExpr = [&](const ArgSpec &A) -> const Expr * {
    if (A.K == ArgSpec::This)
      return Object;
    if (A.K == ArgSpec::Arg && A.Index < Args.size())
      return Args[A.Index];
    return nullptr;
  };

  const FunctionModels *M = Engine.modelsFor(Callee);
  bool Modelled = false;
  if (M) {
    for (const SourceModel &Src : M->Sources) {
      // Reading from an in-memory string stream is not input: it carries
      // whatever the stream was built from.
      if (Src.KindFromHandle)
        if (const Expr *H = argExpr(*Src.KindFromHandle);
            H && isStringStream(H->IgnoreParenImpCasts()->getType())) {
          TaintFact F = specFact(*Src.KindFromHandle);
          if (F.tainted()) {
            F.Path = step(F, CallLoc, "carried through " + Name);
            for (const ArgSpec &W : Src.Writes)
              writeSpec(W, F, false);
          }
          Modelled = true;
          continue;
        }
      Label K = Src.Kind;
      if (Src.KindFromHandle)
        if (auto HK = handleKindOf(argExpr(*Src.KindFromHandle)))
          K = *HK;
      std::string What = Src.Description.empty() ? Name : Src.Description;
      TaintFact F = sourceFact(K, CallLoc, What);
      for (const ArgSpec &W : Src.Writes)
        writeSpec(W, F, false);
      Modelled = true;
    }
    // A literal "scheme://host/" before the data (concatenation or a format)
    // fixes where a URL built from it can point.
    bool FixedHostPrefix = false;
    for (size_t I = 0; I < Args.size(); ++I) {
      const Expr *B = stripTemps(Args[I]);
      while (const auto *CE = dyn_cast<CXXConstructExpr>(B)) {
        if (CE->getNumArgs() < 1)
          break;
        B = stripTemps(CE->getArg(0));
      }
      if (const auto *L = dyn_cast<StringLiteral>(B)) {
        FixedHostPrefix = L->getCharByteWidth() == 1 && fixesHost(L->getString());
        break;
      }
      // snprintf(buf, sizeof buf, "https://host/%s", x): skip the
      // destination and sizes; anything else first means no fixed prefix.
      bool Destination = I == 0 && isPointerLike(B->getType()) && Args.size() > 2;
      if (!Destination && !B->getType()->isIntegerType())
        break;
    }
    for (const PropagatorModel &P : M->Propagators) {
      if (!conditionHolds(P.When, Args))
        continue;
      TaintFact In;
      for (const ArgSpec &A : P.From)
        In.join(specFact(A));
      if (In.tainted() && FixedHostPrefix)
        In.HostFixed = true;
      if (In.tainted() && (P.Adds || P.Clears)) {
        In.transform(P.Adds, P.Clears);
        if (In.tainted())
          In.Path = step(In, CallLoc,
                         (P.Adds & maskOf(Label::JwtDecoded)) ? "decoded by " + Name + ", which does not verify it"
                                                              : "transformed by " + Name);
      } else if (In.tainted()) {
        In.Path = step(In, CallLoc, "carried through " + Name);
      }
      for (const ArgSpec &T : P.To)
        if (In.tainted() || P.Replace)
          writeSpec(T, In, P.Replace);
      Modelled = true;
    }
    for (const SanitizerModel &Z : M->Sanitizers) {
      if (!conditionHolds(Z.When, Args))
        continue;
      TaintFact In;
      for (const ArgSpec &A : Z.From)
        In.join(specFact(A));
      if (Z.Categories & maskOf(SinkCategory::JwtClaim))
        noteVerification(In, Z.From.empty() ? nullptr : argExpr(Z.From.front()), *S);
      if (Z.Canonicalizes) {
        // Canonical is not safe by itself: only a prefix check against the
        // base directory afterwards makes a path safe (Guards.h).
        if (In.tainted()) {
          In.Canonical = true;
          In.Path = step(In, CallLoc, "canonicalised by " + Name);
        }
      } else if (Z.Categories == AllCategories) {
        In = {};
      } else if (In.tainted()) {
        In.Sanitized |= Z.Categories;
        In.Path = step(In, CallLoc, (Z.Categories == maskOf(SinkCategory::JwtClaim) ? "verified by "
                                                                                    : "sanitized by ") +
                                        Name);
      }
      for (const ArgSpec &T : Z.To) {
        writeSpec(T, In, true);
        if (Z.Categories & maskOf(SinkCategory::JwtClaim))
          if (const Expr *E = argExpr(T))
            if (auto L = locOf(E))
              clearPending(*L, *S);
      }
      Modelled = true;
    }
    for (const HandleModel &H : M->Handles)
      for (const ArgSpec &W : H.Writes)
        if (W.K != ArgSpec::Return && W.K != ArgSpec::This)
          if (const Expr *E = argExpr(W))
            if (auto L = locOf(E))
              S->Handles[*L] = H.Kind;
    for (const SinkModel &K : M->Sinks)
      checkSink(K, Callee, Args, ArgFacts, Object, ObjFact, CallLoc);
  }
  // Annotation-declared sinks on parameters.
  for (const auto &[Index, Cat] : Engine.paramSinks(Callee))
    if (Index < ArgFacts.size())
      sinkFact(ArgFacts[Index], Cat, Args[Index]->getExprLoc(), Name,
               "uses it as an annotated " + std::string(categoryKey(Cat)) + " sink");
  // printf-like functions without a model: their format argument is a sink.
  if (!M || M->Sinks.empty())
    if (const auto *FA = Callee->getAttr<FormatAttr>()) {
      int Index = FA->getFormatIdx() - 1;
      if (isa<CXXMethodDecl>(Callee) && !cast<CXXMethodDecl>(Callee)->isStatic())
        Index -= 1; // the implicit object is argument 1
      if (Index >= 0 && size_t(Index) < ArgFacts.size())
        sinkFact(ArgFacts[Index], SinkCategory::FormatString, Args[Index]->getExprLoc(),
                 Name, "uses it as a format string");
    }
  if (Modelled)
    return Result;

  // A function of this program: apply its summary.
  const FunctionDecl *Def = nullptr;
  if (Callee->hasBody(Def) && Def &&
      !Ctx.getSourceManager().isInSystemHeader(Def->getLocation())) {
    bool AnyTaint = ObjFact.tainted();
    for (const TaintFact &F : ArgFacts)
      AnyTaint |= F.tainted();
    // Summaries are needed when taint flows in, or to learn what the callee
    // produces by itself (a helper that reads a socket).
    if (const FunctionSummary *Sum = Engine.summaryFor(Def)) {
      (void)AnyTaint;
      applySummary(*Sum, Def, Args, ArgFacts, Object, ObjFact, CallLoc, Result);
    }
    return Result;
  }
  // Unknown library code: nothing flows through it (no guess).
  return Result;
}

void FunctionAnalysis::Impl::sinkFact(const TaintFact &F, SinkCategory Cat, SourceLocation Loc,
                                      const std::string &SinkName, const std::string &What,
                                      const Expr *Object) {
  if (!F.dangerousFor(Cat))
    return;
  if (Cat == SinkCategory::JwtClaim && S) {
    // Once the request's own token is verified, tokens decoded again from
    // the same request (in a helper, say) carry verified claims.
    if (S->RequestTokenVerified)
      return;
    if (Object)
      if (auto K = locOf(Object)) {
        S->PendingClaims.emplace(Loc.getRawEncoding(), PendingClaim{*K, F, SinkName, What, false});
        return;
      }
  }
  emitSink(F, Cat, Loc, SinkName, What);
}

void FunctionAnalysis::Impl::clearPending(const LocKey &K, TaintState &In) {
  for (auto &[Key, P] : In.PendingClaims)
    if (P.Object == K)
      P.Cleared = true;
}

void FunctionAnalysis::Impl::emitSink(const TaintFact &F, SinkCategory Cat, SourceLocation Loc,
                                      const std::string &SinkName, const std::string &What) {
  // With a fixed scheme and host, untrusted data only picks a path or query
  // on that host: not a request forgery or an open redirect.
  if (F.HostFixed && (Cat == SinkCategory::Ssrf || Cat == SinkCategory::Redirect))
    return;
  // Whether a helper may read the claims of the request's token depends on
  // its callers: one that verified the request's token first makes them
  // trusted. Its summary carries the read to them (applySummary); analysed
  // as an entry of its own, it reports nothing when this unit calls it.
  bool ForCallers = Cat == SinkCategory::JwtClaim && F.Labels &&
                    (SummaryMode || Engine.isCalledInUnit(FD));
  if (ForCallers && SummaryMode) {
    SinkHit H;
    H.Labels = F.Labels;
    H.Category = Cat;
    H.Loc = Loc;
    H.SinkName = SinkName;
    H.What = What;
    for (const Step *St : stepsInOrder(F.Path))
      H.Steps.emplace_back(St->Loc, St->Text);
    bool Known = false;
    for (const SinkHit &Old : Summary.Sinks)
      Known |= Old.Loc == H.Loc && Old.Category == H.Category && Old.Labels;
    if (!Known)
      Summary.Sinks.push_back(std::move(H));
  }
  if (F.Labels && !ForCallers) {
    SinkFinding Finding;
    Finding.Category = Cat;
    Finding.Labels = F.Labels;
    Finding.Loc = Loc;
    Finding.SinkName = SinkName;
    Finding.What = What;
    for (const Step *St : stepsInOrder(F.Path)) {
      if (St->Kind >= 0 && Finding.SourceLabel < 0) {
        Finding.SourceLabel = St->Kind;
        Finding.SourceText = St->Origin;
      }
      Finding.Steps.emplace_back(St->Loc, St->Text);
    }
    if (Finding.SourceLabel < 0)
      for (unsigned K = 0; K < unsigned(Label::Count); ++K)
        if (F.Labels & maskOf(Label(K))) {
          Finding.SourceLabel = int(K);
          break;
        }
    Engine.report(std::move(Finding));
  }
  if (F.Params && SummaryMode) {
    SinkHit H;
    H.Params = F.Params;
    H.ParamAdds = F.ParamAdds;
    H.ParamClears = F.ParamClears;
    H.Sanitized = F.Sanitized;
    H.Category = Cat;
    H.Loc = Loc;
    H.SinkName = SinkName;
    H.What = What;
    for (const Step *St : stepsInOrder(F.Path))
      H.Steps.emplace_back(St->Loc, St->Text);
    for (const SinkHit &Old : Summary.Sinks)
      if (Old.Loc == H.Loc && Old.Category == H.Category && Old.Params == H.Params)
        return;
    Summary.Sinks.push_back(std::move(H));
  }
}

/// A model's condition on an argument: a named constant, a string literal, a
/// null pointer or not.
bool FunctionAnalysis::Impl::argumentMatches(const Expr *Arg, const ArgCondition &C) {
  if (C.Null && Arg->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
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
  const Expr *E = stripTemps(Arg);
  while (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (CE->getNumArgs() < 1)
      break;
    E = stripTemps(CE->getArg(0));
  }
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

void FunctionAnalysis::Impl::checkSink(const SinkModel &K, const FunctionDecl *Callee,
                                       llvm::ArrayRef<const Expr *> Args,
                                       llvm::ArrayRef<TaintFact> ArgFacts, const Expr *Object,
                                       const TaintFact &ObjFact, SourceLocation CallLoc) {
  std::string Name = calleeLabel(Callee);
  if (!conditionHolds(K.When, Args))
    return;
  auto checkSpec = [&](const ArgSpec &A) {
    if (A.K == ArgSpec::Arg && A.Index < ArgFacts.size())
      sinkFact(ArgFacts[A.Index], K.Category, Args[A.Index]->getExprLoc(), Name, K.What,
               Args[A.Index]);
    else if (A.K == ArgSpec::ArgsFrom)
      for (size_t I = A.Index; I < ArgFacts.size(); ++I)
        sinkFact(ArgFacts[I], K.Category, Args[I]->getExprLoc(), Name, K.What);
    else if (A.K == ArgSpec::This && Object)
      sinkFact(ObjFact, K.Category, Object->getExprLoc(), Name, K.What, Object);
  };
  for (const ArgSpec &A : K.Args)
    checkSpec(A);
  if (!K.ArgsIfShell.empty() && !K.Args.empty() && K.Args[0].K == ArgSpec::Arg &&
      K.Args[0].Index < Args.size() && namesShell(Args[K.Args[0].Index]))
    for (const ArgSpec &A : K.ArgsIfShell)
      checkSpec(A);
  (void)CallLoc;
}

void FunctionAnalysis::Impl::applySummary(const FunctionSummary &Sum, const FunctionDecl *Callee,
                                          llvm::ArrayRef<const Expr *> Args,
                                          llvm::ArrayRef<TaintFact> ArgFacts,
                                          const Expr *Object, const TaintFact &ObjFact,
                                          SourceLocation CallLoc, TaintFact &Result) {
  std::string Name = calleeLabel(Callee);
  auto paramName = [&](unsigned I) {
    if (I < Callee->getNumParams())
      return declName(Callee->getParamDecl(I));
    return std::string("argument ") + std::to_string(I + 1);
  };
  // The caller's facts for a set of labels, with the path entering the callee.
  auto inflow = [&](ParamMask Labels, const StepList &Inside) {
    TaintFact In;
    for (unsigned I = 0; I < MaxLabelledParams && I < ArgFacts.size(); ++I)
      if (Labels & (1u << I)) {
        TaintFact A = ArgFacts[I];
        if (A.tainted())
          A.Path = step(A, Args[I]->getExprLoc(),
                        "passed to " + Name + " as '" + paramName(I) + "'");
        In.join(A);
      }
    if ((Labels & ThisLabel) && ObjFact.tainted()) {
      TaintFact A = ObjFact;
      A.Path = step(A, CallLoc, "the object of " + Name);
      In.join(A);
    }
    if (In.tainted())
      for (size_t I = 1; I < Inside.size(); ++I) // Inside[0] is the parameter itself
        In.Path = Engine.steps().extend(In.Path, Inside[I].first, Inside[I].second);
    return In;
  };
  // Root texts read "<kind> enters through <origin>".
  auto OriginOf = [](const std::string &Text) {
    size_t At = Text.find(" enters through ");
    return At == std::string::npos ? std::string() : Text.substr(At + 16);
  };
  auto ownPath = [&](const StepList &Inside, LabelMask Labels) {
    const Step *P = nullptr;
    for (size_t I = 0; I < Inside.size(); ++I) {
      if (I == 0) {
        int Kind = -1;
        for (unsigned K = 0; K < unsigned(Label::Count); ++K)
          if (Labels & maskOf(Label(K))) {
            Kind = int(K);
            break;
          }
        P = Engine.steps().root(Inside[0].first, Inside[0].second, Kind, OriginOf(Inside[0].second));
      } else {
        P = Engine.steps().extend(P, Inside[I].first, Inside[I].second);
      }
    }
    return P;
  };
  // Return value.
  if (Sum.Return.tainted()) {
    TaintFact R;
    if (Sum.Return.Labels) {
      R.Labels = Sum.Return.Labels;
      R.Path = ownPath(Sum.ReturnSteps, Sum.Return.Labels);
    }
    TaintFact Arrived = inflow(Sum.Return.Params, Sum.Return.Labels ? StepList() : Sum.ReturnSteps);
    Sum.Return.arrive(Arrived);
    R.join(Arrived);
    if (R.tainted()) {
      R.Sanitized |= Sum.Return.Sanitized;
      R.Canonical = R.Canonical || Sum.Return.Canonical;
      R.Path = step(R, CallLoc, "returned from " + Name);
    }
    Result.join(R);
  }
  // Out-parameters and the object.
  for (const auto &[Index, Out] : Sum.OutParams) {
    if (!Out.tainted())
      continue;
    ParamMask Self = Index == FunctionSummary::ThisIndex ? ThisLabel : (1u << Index);
    TaintFact W;
    if (Out.Labels) {
      W.Labels = Out.Labels;
      auto It = Sum.OutSteps.find(Index);
      W.Path = ownPath(It != Sum.OutSteps.end() ? It->second : StepList(), Out.Labels);
    }
    if (Out.Params & ~Self) {
      TaintFact Arrived = inflow(Out.Params & ~Self, StepList());
      Out.arrive(Arrived);
      W.join(Arrived);
    }
    if (!W.tainted())
      continue;
    W.Sanitized |= Out.Sanitized;
    if (Index == FunctionSummary::ThisIndex) {
      if (Object)
        writeExpr(Object, W, false);
    } else if (Index < Args.size()) {
      writeExpr(Args[Index], W, false);
    }
  }
  // Sinks inside the callee.
  for (const SinkHit &H : Sum.Sinks) {
    if (H.Labels) { // read inside the callee from data it fetched itself
      TaintFact Own;
      Own.Labels = H.Labels;
      Own.Sanitized = H.Sanitized;
      Own.Path = ownPath(H.Steps, H.Labels);
      sinkFact(Own, H.Category, H.Loc, H.SinkName, H.What);
      continue;
    }
    TaintFact In = inflow(H.Params, H.Steps);
    if (!In.tainted())
      continue;
    TaintFact Way;
    Way.ParamAdds = H.ParamAdds;
    Way.ParamClears = H.ParamClears;
    Way.arrive(In);
    In.Sanitized |= H.Sanitized;
    const Expr *Through = nullptr; // the argument whose object the callee read
    if (llvm::isPowerOf2_32(H.Params) && H.Params != ThisLabel) {
      unsigned I = llvm::countr_zero(H.Params);
      if (I < Args.size())
        Through = Args[I];
    } else if (H.Params == ThisLabel) {
      Through = Object;
    }
    sinkFact(In, H.Category, H.Loc, H.SinkName, H.What, Through);
  }
  // Objects the callee sanitizes in place (a helper that verifies the token
  // it is given), and the request's token verified inside the callee.
  for (const auto &[Index, Cats] : Sum.SanitizesParam) {
    if (Index >= Args.size() || !ArgFacts[Index].tainted())
      continue;
    TaintFact F = ArgFacts[Index];
    if (Cats & maskOf(SinkCategory::JwtClaim))
      noteVerification(F, Args[Index], *S);
    F.Sanitized |= Cats;
    if (Cats & maskOf(SinkCategory::JwtClaim))
      if (auto L = locOf(Args[Index]))
        clearPending(*L, *S);
    F.Path = step(F, Args[Index]->getExprLoc(),
                  ((Cats & maskOf(SinkCategory::JwtClaim)) ? "verified by " : "sanitized by ") + Name);
    writeExpr(Args[Index], F, true);
  }
  if (Sum.VerifiesRequestToken)
    S->RequestTokenVerified = true;
}

void FunctionAnalysis::Impl::noteVerification(const TaintFact &F, const Expr *Subject,
                                              TaintState &In) {
  if (!(F.Labels & RemoteLabels) &&
      !(Subject && Engine.isRequestType(Subject->IgnoreParenImpCasts()->getType())))
    return;
  In.RequestTokenVerified = true;
  for (auto &[Key, P] : In.PendingClaims)
    if (P.Fact.Labels & RemoteLabels)
      P.Cleared = true;
}

// ============================================================================
// Control flow
// ============================================================================

GuardContext FunctionAnalysis::Impl::guardContext() {
  GuardContext GC;
  GC.validatorFor = [this](const FunctionDecl *F) -> const ValidatorModel * {
    const FunctionModels *M = Engine.modelsFor(F);
    return M && !M->Validators.empty() ? &M->Validators.front() : nullptr;
  };
  GC.boolGuard = [this](const ValueDecl *D, bool Branch, std::vector<GuardEffect> &Out) {
    auto It = S->BoolGuards.find(D);
    if (It == S->BoolGuards.end() || It->second.ValidWhenTrue != Branch)
      return false;
    // Re-express the guard as an effect on a synthetic subject: the caller
    // maps it back through BoolGuardTargets.
    PendingBoolTargets.push_back({It->second.Target, It->second.Categories});
    return true;
  };
  return GC;
}

void FunctionAnalysis::Impl::applyGuards(const Expr *Cond, bool Branch, TaintState &Out) {
  TaintState *Saved = S;
  S = &Out;
  PendingBoolTargets.clear();
  GuardContext GC = guardContext();
  std::vector<GuardEffect> Effects = guardEffects(Cond, Branch, GC);
  auto apply = [&](const LocKey &L, GuardEffect::Kind K, CategoryMask Cats,
                   const std::string &PrefixText = std::string()) {
    auto It = Out.Facts.find(L);
    // Also the pointees of a validated pointer.
    std::vector<LocKey> Keys{L};
    auto PT = Out.PointsTo.find(L);
    if (PT != Out.PointsTo.end())
      Keys.insert(Keys.end(), PT->second.begin(), PT->second.end());
    for (const LocKey &Key : Keys) {
      It = Out.Facts.find(Key);
      if (It == Out.Facts.end())
        continue;
      TaintFact &F = It->second;
      if (K == GuardEffect::Validated) {
        // Validation makes data safe for sinks; it does not change what the
        // data is (its labels stay for the checks that ask about them).
        if (Cats & maskOf(SinkCategory::JwtClaim)) {
          noteVerification(F, nullptr, Out);
          clearPending(Key, Out);
        }
        F.Sanitized |= Cats;
      } else if (K == GuardEffect::NoDotDot) {
        F.Sanitized |= Cats;
      } else if (K == GuardEffect::PrefixChecked) {
        if (F.Canonical)
          F.Sanitized |= Cats;
        if (fixesHost(PrefixText))
          F.Sanitized |= maskOf(SinkCategory::Redirect) | maskOf(SinkCategory::Ssrf);
      }
    }
  };
  for (const GuardEffect &G : Effects) {
    if (G.K == GuardEffect::Validated && (G.Categories & maskOf(SinkCategory::JwtClaim)))
      noteVerification(TaintFact(), G.Subject, Out);
    if (auto L = locOf(G.Subject))
      apply(*L, G.K, G.Categories, G.Prefix);
  }
  for (const auto &[L, Cats] : PendingBoolTargets)
    apply(L, GuardEffect::Validated, Cats);
  S = Saved;
}

void FunctionAnalysis::Impl::collectCovered(const CFG &G) {
  std::function<void(const Stmt *)> Mark = [&](const Stmt *St) {
    for (const Stmt *C : St->children())
      if (C && Covered.insert(C).second)
        Mark(C);
  };
  for (const CFGBlock *B : G)
    for (const CFGElement &E : *B)
      if (auto CS = E.getAs<CFGStmt>())
        Mark(CS->getStmt());
}

void FunctionAnalysis::Impl::transferElement(const Stmt *St) {
  if (Covered.count(St))
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        declare(V);
    return;
  }
  if (const auto *R = dyn_cast<ReturnStmt>(St)) {
    if (const Expr *V = R->getRetValue()) {
      TaintFact F = eval(V);
      if (isBarrierType(FD->getReturnType()))
        F = {};
      if (F.tainted()) {
        bool First = !Summary.Return.tainted();
        Summary.Return.join(F);
        if (First || Summary.ReturnSteps.empty())
          for (const Step *X : stepsInOrder(F.Path))
            Summary.ReturnSteps.emplace_back(X->Loc, X->Text);
      }
    }
    return;
  }
  if (const auto *E = dyn_cast<Expr>(St))
    eval(E);
}

void FunctionAnalysis::Impl::run() {
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def->getBody() || Def->isInvalidDecl())
    return;
  FD = Def;
  CFG::BuildOptions Opts;
  Opts.AddInitializers = true;
  Opts.AddImplicitDtors = false;
  Opts.AddTemporaryDtors = false;
  Opts.AddLifetime = false;
  Opts.PruneTriviallyFalseEdges = true;
  Opts.AddCXXDefaultInitExprInCtors = true;
  std::unique_ptr<CFG> G =
      CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
  if (!G)
    return;
  collectCovered(*G);

  std::vector<TaintState> In(G->getNumBlockIDs());
  TaintState &Entry = In[G->getEntry().getBlockID()];
  Entry.Reached = true;
  // Seeds: parameter labels (summaries) or untrusted parameters (entries).
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    if (SummaryMode && I < MaxLabelledParams && !isBarrierType(P->getType())) {
      TaintFact F;
      F.Params = 1u << I;
      F.Path = Engine.steps().root(P->getLocation(), "parameter '" + declName(P) + "'", -1);
      Entry.Facts[LocKey::of(P)] = F;
    }
  }
  if (SummaryMode && isa<CXXMethodDecl>(FD) && cast<CXXMethodDecl>(FD)->isInstance()) {
    TaintFact F;
    F.Params = ThisLabel;
    F.Path = Engine.steps().root(FD->getLocation(), "the object", -1);
    LocKey K;
    K.Base = LocKey::thisBase();
    Entry.Facts[K] = F;
  }
  if (!SummaryMode)
    for (const EntrySeed &Seed : Engine.seedsFor(FD)) {
      TaintFact F;
      F.Labels = maskOf(Seed.Kind);
      F.Path = Engine.steps().root(Seed.Param->getLocation(), Seed.Text, int(Seed.Kind),
                                   "'" + declName(Seed.Param) + "'");
      Entry.Facts[LocKey::of(Seed.Param)].join(F);
    }

  std::deque<const CFGBlock *> Work;
  std::vector<bool> Queued(G->getNumBlockIDs(), false);
  Work.push_back(&G->getEntry());
  Queued[G->getEntry().getBlockID()] = true;
  unsigned Steps = 0;
  TaintState ExitState;
  while (!Work.empty()) {
    const CFGBlock *B = Work.front();
    Work.pop_front();
    Queued[B->getBlockID()] = false;
    if (++Steps > Engine.options().StepBudget || OutOfBudget) {
      OutOfBudget = true;
      break;
    }
    TaintState Cur = In[B->getBlockID()];
    if (!Cur.Reached)
      continue;
    S = &Cur;
    for (const CFGElement &E : *B) {
      if (auto CS = E.getAs<CFGStmt>()) {
        ++Steps;
        transferElement(CS->getStmt());
      } else if (auto CI = E.getAs<CFGInitializer>()) {
        const CXXCtorInitializer *Init = CI->getInitializer();
        if (Init->isMemberInitializer() && Init->getInit()) {
          TaintFact F = eval(Init->getInit());
          LocKey K;
          K.Base = LocKey::thisBase();
          write(K.withField(Init->getMember()), F, true);
        } else if (Init->getInit()) {
          eval(Init->getInit());
        }
      }
    }
    if (B == &G->getExit()) {
      ExitState.joinWith(Cur);
      continue;
    }
    // A block that throws leaves by an exception, not by returning: what
    // holds at the function's exit (verified on every path, out-parameters)
    // is about the paths that return.
    bool Throws = false;
    for (auto It = B->rbegin(); It != B->rend(); ++It)
      if (auto CS = It->getAs<CFGStmt>()) {
        Throws = isa<CXXThrowExpr>(CS->getStmt());
        break;
      }
    // Branches: constant conditions prune edges; guards refine them.
    const Expr *Cond = nullptr;
    if (const Stmt *T = B->getTerminatorStmt())
      if (!isa<SwitchStmt>(T) && !isa<CXXForRangeStmt>(T)) {
        Cond = dyn_cast_or_null<Expr>(B->getTerminatorCondition(/*StripParens=*/false));
        // In `if (A && B)` the block that evaluates B branches on B alone
        // (A already held); its terminator still names the whole condition.
        while (Cond) {
          const auto *L = dyn_cast<BinaryOperator>(Cond->IgnoreParenImpCasts());
          if (!L || !L->isLogicalOp() || L == T)
            break;
          Cond = L->getRHS();
        }
      }
    std::optional<int64_t> Known;
    if (Cond && B->succ_size() == 2)
      Known = Engine.constants().evaluate(Cond);
    unsigned Index = 0;
    for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
      unsigned This = Index++;
      const CFGBlock *SB = Succ.getReachableBlock();
      if (!SB || (Throws && SB == &G->getExit()))
        continue;
      TaintState Next = Cur;
      if (Cond && B->succ_size() == 2) {
        bool Branch = This == 0;
        if (Known && bool(*Known) != Branch)
          continue; // dead edge
        applyGuards(Cond, Branch, Next);
      }
      if (In[SB->getBlockID()].joinWith(Next) && !Queued[SB->getBlockID()]) {
        Queued[SB->getBlockID()] = true;
        Work.push_back(SB);
      }
    }
  }
  if (OutOfBudget) {
    Summary.Complete = false;
    Engine.noteExhausted();
  }
  // Out-parameters: what pointer and reference parameters designate at exit.
  // Claims read from tokens that no verification followed.
  if (ExitState.Reached) {
    S = &ExitState;
    for (const auto &[Key, P] : ExitState.PendingClaims)
      if (!P.Cleared)
        emitSink(P.Fact, SinkCategory::JwtClaim, SourceLocation::getFromRawEncoding(Key),
                 P.SinkName, P.What);
  }
  if (SummaryMode && ExitState.Reached) {
    S = &ExitState;
    Summary.VerifiesRequestToken = ExitState.RequestTokenVerified;
    for (unsigned I = 0; I < FD->getNumParams() && I < MaxLabelledParams; ++I) {
      const ParmVarDecl *P = FD->getParamDecl(I);
      QualType T = P->getType();
      TaintFact F = read(LocKey::of(P));
      // A copy escaped in the callee leaves the caller's object as it was;
      // a token verified in the callee is verified whichever copy it was.
      bool SameObject = isPointerLike(T) || (T->isReferenceType() &&
                                             !T.getNonReferenceType().isConstQualified());
      CategoryMask Cats = F.Sanitized & (SameObject ? CategoryMask(~0u)
                                                    : maskOf(SinkCategory::JwtClaim));
      if (Cats && (F.Params & (1u << I)))
        Summary.SanitizesParam[I] = Cats;
    }
    for (unsigned I = 0; I < FD->getNumParams() && I < MaxLabelledParams; ++I) {
      const ParmVarDecl *P = FD->getParamDecl(I);
      QualType T = P->getType();
      bool Out = isPointerLike(T) ||
                 (T->isReferenceType() && !T.getNonReferenceType().isConstQualified());
      if (!Out)
        continue;
      TaintFact F = read(LocKey::of(P));
      if (F.Labels || (F.Params & ~(1u << I))) {
        Summary.OutParams[I] = F;
        StepList Steps;
        for (const Step *X : stepsInOrder(F.Path))
          Steps.emplace_back(X->Loc, X->Text);
        Summary.OutSteps[I] = Steps;
      }
    }
    if (isa<CXXMethodDecl>(FD) && cast<CXXMethodDecl>(FD)->isInstance()) {
      LocKey K;
      K.Base = LocKey::thisBase();
      TaintFact F = read(K);
      if (F.Labels || (F.Params & ~ThisLabel)) {
        Summary.OutParams[FunctionSummary::ThisIndex] = F;
        StepList Steps;
        for (const Step *X : stepsInOrder(F.Path))
          Steps.emplace_back(X->Loc, X->Text);
        Summary.OutSteps[FunctionSummary::ThisIndex] = Steps;
      }
    }
  }
  S = nullptr;
}

FunctionAnalysis::FunctionAnalysis(TaintEngine &Engine, const FunctionDecl *FD,
                                   bool SummaryMode)
    : P(std::make_unique<Impl>(Engine, FD, SummaryMode)) {}
FunctionAnalysis::~FunctionAnalysis() = default;
void FunctionAnalysis::run() { P->run(); }
FunctionSummary FunctionAnalysis::takeSummary() { return std::move(P->Summary); }
bool FunctionAnalysis::budgetExhausted() const { return P->OutOfBudget; }

} // namespace appsec
