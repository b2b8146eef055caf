#include "propagation/TransferImpl.h"

#include <deque>

#include "models/FunctionNames.h"
#include "summaries/SummaryStore.h"
#include "sanitizers/CharacterClass.h"
#include "support/AstHelpers.h"

#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace appsec {

// ============================================================================
// Control flow
// ============================================================================

GuardContext FunctionAnalysis::Impl::guardContext() {
  GuardContext GC;
  GC.AST = &Ctx;
  GC.validatorFor = [this](const FunctionDecl *F) -> const ValidatorModel * {
    const FunctionModels *M = Engine.modelsFor(F);
    if (M && !M->Validators.empty())
      return &M->Validators.front();
    // A function of this program that verifies a token when it returns true.
    const FunctionDecl *Def = nullptr;
    if (!F || !F->getReturnType()->isBooleanType() ||
        Ctx.getSourceManager().isInSystemHeader(F->getLocation()))
      return nullptr;
    const FunctionSummary *Sum =
        F->hasBody(Def) && Def ? Engine.summaryFor(Def) : Engine.summaryElsewhere(F);
    if (!Sum)
      return nullptr;
    return Sum->Verifier ? &*Sum->Verifier : Sum->Validator ? &*Sum->Validator : nullptr;
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

namespace {
/// A prefix check against "scheme://host/" pins the host: redirect and
/// request-forgery sinks are safe (a path check needs a canonical value too).
CategoryMask hostFixedCategories(const std::string &Prefix) {
  return fixesHost(Prefix) ? maskOf(SinkCategory::Redirect) | maskOf(SinkCategory::Ssrf) : 0;
}
} // namespace

void FunctionAnalysis::Impl::applyGuards(const Expr *Cond, bool Branch, TaintState &Out) {
  TaintState *Saved = S;
  S = &Out;
  PendingBoolTargets.clear();
  GuardContext GC = guardContext();
  std::vector<GuardEffect> Effects = guardEffects(Cond, Branch, GC);
  // A test of one character (`isalnum(c) || c == '-'`): on this edge the
  // character is one of the bytes the test gives this answer for.
  auto [Test, New] = CharacterTests.try_emplace(Cond);
  if (New)
    Test->second = characterTest(Cond, Ctx);
  if (Test->second)
    if (CategoryMask Safe = categoriesSafeFor(Branch ? Test->second->Accepts : ~Test->second->Accepts))
      Effects.push_back({GuardEffect::Validated, Test->second->Char, Safe, {}});
  auto apply = [&](const LocKey &L, GuardEffect::Kind K, CategoryMask Cats,
                   const std::string &PrefixText = std::string()) {
    // A field checked while its object holds the data (`ev->repo` of an
    // event parsed whole): the field gets an entry of its own, which the
    // object's facts no longer reach.
    if (L.depth() > 0 && L.depth() < LocKey::MaxFields && !Out.Exact.count(L))
      if (TaintFact Held = read(L); Held.tainted()) {
        Out.Facts[L] = Held;
        Out.Exact.insert(L);
      }
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
        F.Sanitized |= hostFixedCategories(PrefixText);
      }
    }
  };
  for (const GuardEffect &G : Effects) {
    if (G.K == GuardEffect::Validated && (G.Categories & maskOf(SinkCategory::JwtClaim)))
      noteVerification(TaintFact(), G.Subject, Out);
    // One element checked: the others, which share its facts, are not.
    if (auto El = elementOf(G.Subject)) {
      CategoryMask Cats =
          G.K != GuardEffect::PrefixChecked ? G.Categories : hostFixedCategories(G.Prefix);
      if (Cats)
        Out.ElementGuards[*El] |= Cats;
      continue;
    }
    if (auto L = locOf(G.Subject))
      apply(*L, G.K, G.Categories, G.Prefix);
  }
  for (const auto &[L, Cats] : PendingBoolTargets)
    apply(L, GuardEffect::Validated, Cats);
  S = Saved;
}

const Expr *FunctionAnalysis::Impl::branchCondition(const CFGBlock &B) const {
  const Stmt *T = B.getTerminatorStmt();
  if (!T || isa<SwitchStmt>(T) || isa<CXXForRangeStmt>(T))
    return nullptr;
  const Expr *Cond = dyn_cast_or_null<Expr>(B.getTerminatorCondition(/*StripParens=*/false));
  // In `if (A && B)` the block that evaluates B branches on B alone (A
  // already held); its terminator still names the whole condition.
  while (Cond) {
    const auto *L = dyn_cast<BinaryOperator>(Cond->IgnoreParenImpCasts());
    if (!L || !L->isLogicalOp() || L == T)
      break;
    Cond = L->getRHS();
  }
  return Cond;
}

void FunctionAnalysis::Impl::applyLoopExit(const Stmt *Loop, TaintState &Out) {
  if (!Loop || (!isa<ForStmt>(Loop) && !isa<WhileStmt>(Loop) && !isa<CXXForRangeStmt>(Loop)))
    return;
  auto [It, New] = CharacterLoops.try_emplace(Loop);
  if (New)
    It->second = characterClassLoop(Loop, Ctx);
  if (!It->second)
    return;
  // Leaving the loop normally means every character passed the test. As for
  // guards, what a pointer designates is validated with it (argv[1] and
  // argv[2] share argv's facts: a limitation of collapsed elements).
  LocKey K = LocKey::of(It->second->Subject);
  std::vector<LocKey> Keys{K};
  if (auto PT = Out.PointsTo.find(K); PT != Out.PointsTo.end())
    Keys.insert(Keys.end(), PT->second.begin(), PT->second.end());
  for (const LocKey &Key : Keys)
    if (auto F = Out.Facts.find(Key); F != Out.Facts.end())
      F->second.Sanitized |= It->second->Safe;
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

void FunctionAnalysis::Impl::checkBranchSink(const Stmt *T) {
  const Expr *Cond = nullptr;
  if (const auto *If = dyn_cast_or_null<IfStmt>(T))
    Cond = If->getCond();
  else if (const auto *Sw = dyn_cast_or_null<SwitchStmt>(T))
    Cond = Sw->getCond();
  else if (const auto *CO = dyn_cast_or_null<AbstractConditionalOperator>(T))
    Cond = CO->getCond();
  if (!Cond)
    return;
  std::optional<BranchSink> Sink = Engine.branchSinkAt(T, FD);
  if (!Sink)
    return;
  // The condition was evaluated as the block's last element; evaluating it
  // again in the same state gives its value (a bool or enum: value labels).
  TaintFact F = eval(Cond);
  if (F.Labels)
    sinkFact(F, Sink->Category, Cond->getBeginLoc(), Sink->Name, Sink->What);
}

void FunctionAnalysis::Impl::transferElement(const Stmt *St) {
  if (Covered.count(St))
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D)) {
        declare(V);
        if (V->getInit() && !S->PendingResults.empty()) {
          bindResult(V->getInit(), V);
          // `auto f = [&token] {...}`: declare() does not evaluate lambdas.
          if (const auto *Lam = dyn_cast<LambdaExpr>(
                  ignoreWrappers(V->getInit(), Temporaries | CopyConstructors)))
            captureResults(Lam);
        }
      }
    return;
  }
  if (const auto *R = dyn_cast<ReturnStmt>(St)) {
    if (const Expr *V = R->getRetValue(); V && SummaryMode && FD->getReturnType()->isBooleanType()) {
      // Any return that is not literally false may be the true one.
      const Expr *B = V->IgnoreParenImpCasts();
      bool False = false;
      if (const auto *L = dyn_cast<CXXBoolLiteralExpr>(B))
        False = !L->getValue();
      else if (const auto *I = dyn_cast<IntegerLiteral>(B))
        False = I->getValue() == 0;
      if (!False) {
        SawTrueReturn = true;
        VerifiedOnTrue &= S->VerifiedParams;
        noteTrueReturn(B);
      }
    }
    if (const Expr *V = R->getRetValue()) {
      TaintFact F = eval(V);
      handOnResults(V); // the caller's to look at
      if (isBarrierType(FD->getReturnType()))
        F = F.scalar();
      if (F.tainted()) {
        bool First = !Summary.Return.tainted();
        Summary.Return.join(F);
        if (First || Summary.ReturnSteps.empty())
          Summary.ReturnSteps = stepList(F.Path, /*Sensitive=*/false);
      }
    }
    return;
  }
  if (const auto *E = dyn_cast<Expr>(St))
    eval(E);
}

void FunctionAnalysis::Impl::noteTrueReturn(const Expr *Value) {
  // What holds of each parameter here: what was checked on the way, and
  // what the returned condition checks when it is true
  // (`return std::regex_match(url, m, re) && hosts.count(m[1].str()) > 0;`).
  GuardContext GC = guardContext();
  std::vector<GuardEffect> Effects = guardEffects(Value, true, GC);
  PendingBoolTargets.clear();
  unsigned N = std::min<unsigned>(FD->getNumParams(), MaxLabelledParams);
  if (ValidOnTrue.empty())
    ValidOnTrue.assign(N, CategoryMask(~0u));
  for (unsigned I = 0; I < N; ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    CategoryMask C = 0;
    TaintFact F = read(LocKey::of(P));
    if (F.Params & (1u << I))
      C |= F.Sanitized;
    for (const GuardEffect &G : Effects)
      if (G.K == GuardEffect::Validated && G.Subject &&
          referencedDecl(G.Subject->IgnoreParenImpCasts()) == P)
        C |= G.Categories;
    ValidOnTrue[I] &= C;
  }
}

void FunctionAnalysis::Impl::run() {
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def->getBody() || Def->isInvalidDecl())
    return;
  FD = Def;
  CFG::BuildOptions Opts;
  Opts.AddInitializers = true;
  Opts.AddImplicitDtors = true; // destructors of the program run code too
  Opts.AddTemporaryDtors = false;
  Opts.AddLifetime = false;
  Opts.PruneTriviallyFalseEdges = true;
  Opts.AddCXXDefaultInitExprInCtors = true;
  std::unique_ptr<CFG> G =
      CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
  if (!G)
    return;
  collectCovered(*G);
  beginAuthentication(*G);

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
  // Behind a filter or middleware that verifies the request's token, a
  // helper that decodes it again reads verified claims.
  if (!SummaryMode && Engine.requestVerifiedBefore(FD))
    Entry.RequestTokenVerified = true;
  if (!SummaryMode)
    for (const EntrySeed &Seed : Engine.seedsFor(FD)) {
      TaintFact F;
      F.Labels = maskOf(Seed.Kind);
      F.Path = Engine.steps().root(Seed.Param->getLocation(), Seed.Text, int(Seed.Kind),
                                   Seed.Origin.empty() ? "'" + declName(Seed.Param) + "'"
                                                       : Seed.Origin);
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
        if (TracksAuth)
          authenticationElement(CS->getStmt());
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
      } else if (auto AD = E.getAs<CFGAutomaticObjDtor>()) {
        const VarDecl *V = AD->getVarDecl();
        const Stmt *Trigger = AD->getTriggerStmt();
        destructorCall(AD->getDestructorDecl(Ctx), [&] { return read(LocKey::of(V)); },
                       Trigger ? Trigger->getEndLoc() : V->getLocation());
      } else if (auto DD = E.getAs<CFGDeleteDtor>()) {
        const CXXDeleteExpr *Del = DD->getDeleteExpr();
        destructorCall(DD->getDestructorDecl(Ctx), [&] { return eval(Del->getArgument()); },
                       Del->getBeginLoc());
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
    checkBranchSink(B->getTerminatorStmt());
    // Branches: constant conditions prune edges; guards refine them.
    const Expr *Cond = branchCondition(*B);
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
        if (TracksAuth)
          authenticationEdge(Cond, Branch, Next);
      }
      if (This == 1 && B->succ_size() == 2)
        applyLoopExit(B->getTerminatorStmt(), Next);
      if (In[SB->getBlockID()].joinWith(Next) && !Queued[SB->getBlockID()]) {
        Queued[SB->getBlockID()] = true;
        Work.push_back(SB);
      }
    }
  }
  if (OutOfBudget) {
    Summary.Complete = false;
    Engine.noteExhausted(FD);
  }
  // Out-parameters: what pointer and reference parameters designate at exit.
  // Claims read from tokens that no verification followed, wherever the walk
  // went (a server loop never reaches the exit): a read is cleared once a
  // verification followed it on some path. A walk cut short by the budget
  // reports none (it may have stopped before the verification).
  if (!OutOfBudget) {
    std::map<unsigned, PendingClaim> All;
    std::map<unsigned, PendingResult> Results;
    for (const TaintState &St : llvm::concat<const TaintState>(In, llvm::ArrayRef(ExitState)))
      if (St.Reached) {
        joinPending(All, St.PendingClaims, &PendingClaim::Cleared);
        joinPending(Results, St.PendingResults, &PendingResult::Read);
      }
    for (const auto &[Key, P] : All) // emitSink reads no state
      if (!P.Cleared)
        emitSink(P.Fact, SinkCategory::JwtClaim, SourceLocation::getFromRawEncoding(Key),
                 P.SinkName, P.What, P.Where);
    // Results never read after their call on any path (entries only: a
    // summary of the same function would say it again).
    if (!SummaryMode)
      for (const auto &[Key, P] : Results)
        if (!P.Read)
          Engine.reportUncheckedResult({P.Call, P.Arg, P.Var.decl(), P.Duty});
  }
  finishAuthentication(ExitState);
  for (const VarDecl *V : GlobalInputs)
    Summary.GlobalInputs.push_back(linkageKey(V));
  if (SummaryMode && ExitState.Reached && !OutOfBudget) {
    Summary.VerifiesRequestToken = ExitState.RequestTokenVerified;
    Summary.VerifiesParams = ExitState.VerifiedParams & ~ThisLabel;
  }
  if (SummaryMode && ExitState.Reached) {
    S = &ExitState;
    // A bool function that returns true only where a parameter is valid:
    // a validator of the parameter(s) valid for the most categories.
    if (!OutOfBudget && SawTrueReturn && !ValidOnTrue.empty()) {
      constexpr CategoryMask Claims = maskOf(SinkCategory::JwtClaim);
      CategoryMask Best = 0;
      for (CategoryMask C : ValidOnTrue)
        if (llvm::popcount(unsigned(C & ~Claims)) > llvm::popcount(unsigned(Best)))
          Best = C & ~Claims;
      ValidatorModel V;
      V.Categories = Best;
      for (unsigned I = 0; Best && I < ValidOnTrue.size(); ++I)
        if ((ValidOnTrue[I] & Best) == Best)
          V.Validates.push_back({ArgSpec::Arg, I});
      if (Best)
        Summary.Validator = V;
    }
    if (!OutOfBudget && SawTrueReturn && (VerifiedOnTrue & ~ThisLabel)) {
      ValidatorModel V;
      V.Categories = maskOf(SinkCategory::JwtClaim);
      for (unsigned I = 0; I < FD->getNumParams() && I < MaxLabelledParams; ++I)
        if (VerifiedOnTrue & (1u << I))
          V.Validates.push_back({ArgSpec::Arg, I});
      Summary.Verifier = V;
    }
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
      if (Cats && (F.Params & (1u << I)) && !OutOfBudget)
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
      F.Params &= ~unmovedFieldBits(LocKey::of(P), I); // its own data, where the caller left it
      if (F.Labels || (F.Params & ~(1u << I))) {
        Summary.OutParams[I] = F;
        Summary.OutSteps[I] = stepList(F.Path, /*Sensitive=*/false);
      }
    }
    if (isa<CXXMethodDecl>(FD) && cast<CXXMethodDecl>(FD)->isInstance()) {
      LocKey K;
      K.Base = LocKey::thisBase();
      TaintFact F = read(K);
      F.Params &= ~unmovedFieldBits(K, FunctionSummary::ThisIndex);
      if (F.Labels || (F.Params & ~ThisLabel)) {
        Summary.OutParams[FunctionSummary::ThisIndex] = F;
        Summary.OutSteps[FunctionSummary::ThisIndex] = stepList(F.Path, /*Sensitive=*/false);
      }
    }
  }
  S = nullptr;
}

/// The field inputs of parameter \p Index (or `this`) that are still where
/// the caller left them at \p Base's paths: the object's own data, not an
/// output. One found at another path (`cmd = input` in a method) moved, and
/// its caller must see the move.
ParamMask FunctionAnalysis::Impl::unmovedFieldBits(const LocKey &Base, unsigned Index) const {
  ParamMask Own = fieldBitsOf(Index, Summary.FieldInputs), Moved = 0;
  for (auto It = S->Facts.lower_bound(Base); It != S->Facts.end() && It->first.Base == Base.Base;
       ++It) {
    ParamMask Here = It->second.Params & Own;
    for (unsigned I = 0; Here && I < Summary.FieldInputs.size(); ++I) {
      ParamMask Bit = 1u << (FirstFieldBit + I);
      if (!(Here & Bit))
        continue;
      const std::vector<const FieldDecl *> &Path = Summary.FieldInputs[I].Fields;
      bool AtOwnPath = It->first.depth() == Path.size() &&
                       std::equal(Path.begin(), Path.end(), It->first.Fields.begin());
      if (!AtOwnPath)
        Moved |= Bit;
    }
  }
  return Own & ~Moved;
}

FunctionAnalysis::FunctionAnalysis(AnalysisContext &Engine, const FunctionDecl *FD,
                                   bool SummaryMode)
    : P(std::make_unique<Impl>(Engine, FD, SummaryMode)) {}
FunctionAnalysis::~FunctionAnalysis() = default;
void FunctionAnalysis::run() { P->run(); }
FunctionSummary FunctionAnalysis::takeSummary() { return std::move(P->Summary); }
bool FunctionAnalysis::budgetExhausted() const { return P->OutOfBudget; }

} // namespace appsec
