#include "propagation/TransferImpl.h"

#include "models/FunctionNames.h"
#include "support/AstHelpers.h"

#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace appsec {

// ============================================================================
// Expressions
// ============================================================================

TaintFact FunctionAnalysis::Impl::eval(const Expr *E) {
  if (!E)
    return {};
  TaintFact F = evalUncapped(E);
  if (isBarrierType(E->getType()))
    return F.scalar();
  return F;
}

TaintFact FunctionAnalysis::Impl::evalUncapped(const Expr *E) {
  TaintFact F = evalExpr(E);
  // An element a guard checked (`parts[0] == "ping"`) is valid where the
  // rest of its collection is not.
  if (!S->ElementGuards.empty() && F.tainted())
    if (auto El = elementOf(E))
      if (auto G = S->ElementGuards.find(*El); G != S->ElementGuards.end())
        F.Sanitized |= G->second;
  return F;
}

TaintFact FunctionAnalysis::Impl::evalExpr(const Expr *E) {
  if (!E || E->containsErrors() || E->isTypeDependent() || E->isValueDependent())
    return {};
  if (++Work > Engine.options().StepBudget * 8) {
    OutOfBudget = true;
    return {};
  }
  E = E->IgnoreParens();
  if (const auto *Lam = dyn_cast<LambdaExpr>(E))
    captureResults(Lam);

  if (isa<StringLiteral>(E) || isa<IntegerLiteral>(E) || isa<CharacterLiteral>(E) ||
      isa<FloatingLiteral>(E) || isa<CXXBoolLiteralExpr>(E) ||
      isa<CXXNullPtrLiteralExpr>(E) || isa<GNUNullExpr>(E) ||
      isa<UnaryExprOrTypeTraitExpr>(E) || isa<LambdaExpr>(E) ||
      isa<CXXDefaultArgExpr>(E) || isa<TypeTraitExpr>(E) || isa<PredefinedExpr>(E) ||
      isa<StmtExpr>(E) || isa<SizeOfPackExpr>(E) || isa<CXXNoexceptExpr>(E))
    return {};

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    // A structured binding is its binding expression: a member or element
    // of the decomposed object, or the variable that holds get<N>(object).
    if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
      if (const Expr *Bound = BD->getBinding())
        return sensitiveRead(eval(Bound), BD, DRE->getLocation());
    if (auto L = locOf(DRE))
      return sensitiveRead(read(*L), DRE->getDecl(), DRE->getLocation());
    return {};
  }
  if (isa<CXXThisExpr>(E))
    return read(*locOf(E));
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    TaintFact F;
    if (auto L = locOf(ME)) {
      F = read(*L);
      if (!F.tainted())
        F = fieldSourcesAlong(*L, dyn_cast<FieldDecl>(ME->getMemberDecl()), ME->getMemberLoc());
    } else {
      F = eval(ME->getBase());
    }
    // Data members that hold untrusted data wherever they are read.
    if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      if (std::optional<TaintFact> Named = fieldSourceFact(Field, ME->getMemberLoc())) {
        // The field names the source more precisely than the whole object.
        Named->join(F);
        F = *Named;
      }
    return sensitiveRead(F, ME->getMemberDecl(), ME->getMemberLoc());
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    TaintFact Idx = eval(AS->getIdx());
    TaintFact F = locOf(AS->getBase()) ? read(*locOf(AS->getBase())) : eval(AS->getBase());
    // A table looked up by a digest's byte (`"0123456789abcdef"[d[i] >> 4]`)
    // spells the digest: its data-protection labels carry over. Other labels
    // do not (an index picks one of the table's own values).
    if (Idx.Labels & SensitiveLabels) {
      Idx.Labels &= SensitiveLabels;
      Idx.Params = 0;
      F.join(Idx);
    }
    return F;
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
    if (B->isComparisonOp() || B->isLogicalOp()) {
      L.join(R);
      return L.scalar(); // `alg == "RS256"` still says which algorithm
    }
    L.join(R); // arithmetic on chars; the type barrier drops the rest
    return L;
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    eval(CO->getCond());
    // `allowed.count(u) ? u : "metric"`: each arm is read where its side of
    // a validating condition holds.
    const Expr *Cond = isa<ConditionalOperator>(CO) ? CO->getCond() : nullptr;
    auto arm = [&](const Expr *A, bool Branch) {
      GuardContext GC = guardContext();
      if (!Cond || guardEffects(Cond, Branch, GC).empty())
        return eval(A);
      TaintState Guarded = *S;
      applyGuards(Cond, Branch, Guarded);
      TaintState *Saved = S;
      S = &Guarded;
      TaintFact F = eval(A);
      S = Saved;
      return F;
    };
    TaintFact T = arm(CO->getTrueExpr(), true);
    T.join(arm(CO->getFalseExpr(), false));
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
    // An overloaded comparison says what its operands are, as the built-in
    // one does (`alg == "RS256"` on std::string).
    if (Op->isComparisonOp()) {
      TaintFact R;
      for (const Expr *A : Op->arguments())
        R.join(eval(A));
      return R.scalar();
    }
    // Copy/move assignment of class objects is an assignment.
    if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(F);
        M && (M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator()) &&
        Op->getNumArgs() == 2) {
      TaintFact R = Engine.modelsFor(M)
                        ? call(Op, F, Op->getArg(0), {Op->getArg(1)}, false)
                        : assign(Op->getArg(0), Op->getArg(1), Op->getOperatorLoc());
      if (!S->PendingResults.empty())
        bindResult(Op->getArg(1), referencedDecl(Op->getArg(0)->IgnoreParenImpCasts()));
      return R;
    }
    if (isa_and_nonnull<CXXMethodDecl>(F) && Op->getNumArgs() >= 1) {
      llvm::SmallVector<const Expr *, 4> Args(Op->arg_begin() + 1, Op->arg_end());
      if (Op->getOperator() == OO_Call) {
        // A wrapper (std::function) whose target is known here calls that
        // target; otherwise calls of lambdas and function objects.
        if (auto L = locOf(Op->getArg(0))) {
          auto It = S->FnTargets.find(*L);
          if (It != S->FnTargets.end() && !It->second.empty() &&
              llvm::none_of(It->second, [&](const FunctionDecl *T) { return T == F; })) {
            TaintFact R;
            for (const FunctionDecl *T : It->second)
              R.join(call(Op, T, isa<CXXMethodDecl>(T) ? Op->getArg(0) : nullptr, Args, false));
            return R;
          }
        }
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

namespace {

/// The class of the object \p E designates, when the code shows it: a local
/// object, or a reference or pointer initialised with one (or with a new
/// expression) and never changed since.
const CXXRecordDecl *dynamicClassOf(const Expr *E, const ConstantConditions &Constants,
                                    unsigned Depth = 0) {
  if (!E || Depth > 4)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref))
    return dynamicClassOf(U->getSubExpr(), Constants, Depth + 1);
  if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
    E = B->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *N = dyn_cast<CXXNewExpr>(E))
    return N->getAllocatedType()->getAsCXXRecordDecl();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) // a temporary: `const Base &b = Derived();`
    return CE->getType()->getAsCXXRecordDecl();
  const auto *D = dyn_cast<DeclRefExpr>(E);
  const auto *V = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
  if (!V || !V->isLocalVarDecl())
    return nullptr;
  QualType T = V->getType();
  if (!T->isReferenceType() && !T->isPointerType())
    return T->getAsCXXRecordDecl(); // the object itself: its class is its type
  if (T->isPointerType() && Constants.isWritten(V))
    return nullptr;
  return dynamicClassOf(V->getInit(), Constants, Depth + 1);
}

} // namespace

std::vector<const FunctionDecl *> FunctionAnalysis::Impl::callTargets(const CallExpr *C) {
  std::vector<const FunctionDecl *> Out;
  if (const FunctionDecl *F = C->getDirectCallee()) {
    const auto *M = dyn_cast<CXXMethodDecl>(F);
    const auto *MC = dyn_cast<CXXMemberCallExpr>(C);
    if (!M || !M->isVirtual() || !MC) {
      Out.push_back(F);
      return Out;
    }
    // A virtual call on an object whose class the code shows runs that
    // class's overrider; otherwise every overrider known may run.
    if (const CXXRecordDecl *Dyn = dynamicClassOf(MC->getImplicitObjectArgument(), Engine.constants()))
      if (const CXXMethodDecl *Final = M->getCorrespondingMethodInClass(Dyn)) {
        Out.push_back(Final);
        return Out;
      }
    Out.push_back(F);
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
    F = F.scalar();
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

void FunctionAnalysis::Impl::captureResults(const LambdaExpr *Lam) {
  // A lambda that captures a local may read it whenever it runs.
  if (S->PendingResults.empty())
    return;
  for (const LambdaCapture &C : Lam->captures())
    if (C.capturesVariable())
      if (const auto *V = dyn_cast<VarDecl>(C.getCapturedVar())) {
        read(LocKey::of(V));
        for (auto &[Key, P] : S->PendingResults)
          P.Read |= P.Var.Base == V; // the lambda may look at it when it runs
      }
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
  // A range-for's hidden iterator designates the range it walks: the loop
  // variable `auto &x` bound to `*__begin` then writes into the range.
  if (V->isImplicit() && V->getName().starts_with("__begin"))
    if (auto L = locOf(Init)) {
      S->RefAlias[V] = *L;
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
  const Expr *Callable = stripTemps(Init);
  // std::function<...> f = lambda (or a function): f calls it.
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Callable);
      CE && CE->getNumArgs() == 1 && !CE->getConstructor()->isCopyOrMoveConstructor()) {
    const Expr *A = stripTemps(CE->getArg(0));
    if (const auto *U = dyn_cast<UnaryOperator>(A); U && U->getOpcode() == UO_AddrOf)
      A = stripTemps(U->getSubExpr());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(A))
      if (const auto *F = dyn_cast<FunctionDecl>(DRE->getDecl())) {
        S->FnTargets[K] = {F};
        return;
      }
    if (isa<LambdaExpr>(A))
      Callable = A;
  }
  if (const auto *L = dyn_cast<LambdaExpr>(Callable)) {
    S->FnTargets[K] = {L->getCallOperator()};
    return;
  }
  // Installation inst{clientKey, sharedSecret, baseUrl}: each member holds
  // its own initialiser, so reading inst.baseUrl is not reading the secret.
  if (const auto *IL = dyn_cast<InitListExpr>(stripTemps(Init)); IL && initFields(K, IL)) {
    S->PointsTo.erase(K);
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
    F = F.scalar();
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

bool FunctionAnalysis::Impl::initFields(const LocKey &K, const InitListExpr *IL) {
  const auto *RD = IL->getType()->getAsRecordDecl();
  if (!RD || RD->isUnion() || K.depth() >= LocKey::MaxFields)
    return false;
  if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD); CXX && CXX->getNumBases() > 0)
    return false;
  write(K, TaintFact(), /*Replace=*/true, /*ThroughPointer=*/false);
  unsigned I = 0;
  for (const FieldDecl *Field : RD->fields()) {
    if (I >= IL->getNumInits())
      break;
    const Expr *E = IL->getInit(I++);
    LocKey FK = K.withField(Field);
    if (const auto *Inner = dyn_cast<InitListExpr>(stripTemps(E)); Inner && initFields(FK, Inner))
      continue;
    TaintFact F = eval(E);
    if (isBarrierType(Field->getType()))
      F = F.scalar();
    if (F.tainted())
      F.Path = step(F, E->getExprLoc(), "flows into '" + Field->getNameAsString() + "'");
    write(FK, F, /*Replace=*/true, /*ThroughPointer=*/false);
  }
  return true;
}

std::optional<TaintFact> FunctionAnalysis::Impl::fieldSourceFact(const FieldDecl *Field,
                                                                 SourceLocation Loc) {
  const FieldSourceModel *FS = Engine.fieldSourceFor(Field);
  if (!FS)
    return std::nullopt;
  std::string What = FS->Description;
  if (What.empty())
    What = Field->getParent()->getName().str() + "::" + Field->getName().str();
  return sourceFact(FS->Kind, Loc, What);
}

TaintFact FunctionAnalysis::Impl::fieldSourcesAlong(const LocKey &K, const FieldDecl *Except,
                                                   SourceLocation Loc) {
  TaintFact F;
  unsigned N = K.depth();
  for (unsigned I = 0; I <= N; ++I)
    if (S->Facts.count(K.prefix(I)))
      return F;
  for (unsigned I = 0; I < N; ++I) {
    const auto *Field = static_cast<const FieldDecl *>(K.Fields[I]);
    if (Field == Except)
      continue;
    if (std::optional<TaintFact> Named = fieldSourceFact(Field, Loc))
      F.join(*Named);
  }
  return F;
}

} // namespace appsec
