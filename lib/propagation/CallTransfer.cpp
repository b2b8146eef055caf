#include "propagation/TransferImpl.h"

#include "sinks/ShellPrograms.h"
#include "models/StoredStatements.h"

#include "llvm/ADT/bit.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/SaveAndRestore.h"

#include "models/ArgConditions.h"
#include "models/FunctionNames.h"
#include "support/AstHelpers.h"
#include "support/FormatConversions.h"

#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace appsec {

// ============================================================================
// Calls
// ============================================================================

TaintFact FunctionAnalysis::Impl::formattedFact(const PropagatorModel &P,
                                                llvm::ArrayRef<const Expr *> Args,
                                                llvm::ArrayRef<TaintFact> ArgFacts) {
  // What each argument after the format is formatted by, when the format is
  // a literal: sqlite3_mprintf("... '%q'", name) escapes name for SQL.
  std::vector<char> Conversions;
  bool Known = false;
  if (*P.Format < Args.size())
    if (const auto *L = dyn_cast<StringLiteral>(stripTemps(Args[*P.Format]));
        L && L->getCharByteWidth() == 1) {
      Conversions = formatConversions(L->getString());
      Known = true;
    }
  TaintFact In;
  auto add = [&](size_t I) {
    if (I >= ArgFacts.size())
      return;
    TaintFact F = ArgFacts[I];
    if (Known && I > *P.Format && F.tainted()) {
      size_t K = I - *P.Format - 1;
      if (K < Conversions.size())
        if (auto E = P.Escapes.find(Conversions[K]); E != P.Escapes.end())
          F.Sanitized |= E->second;
    }
    In.join(F);
  };
  for (const ArgSpec &A : P.From) {
    if (A.K == ArgSpec::Arg)
      add(A.Index);
    else if (A.K == ArgSpec::ArgsFrom)
      for (size_t I = A.Index; I < ArgFacts.size(); ++I)
        add(I);
  }
  return In;
}

namespace {
const std::string StandardStreams[] = {"std::cout", "std::cerr", "std::clog"};
const std::string FileStreams[] = {"std::basic_ofstream", "std::basic_fstream"};
} // namespace

TaintFact FunctionAnalysis::Impl::callTransfer(const Expr *CallE, const FunctionDecl *Callee,
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
  lookAtResults(Callee, Object, Args);

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
      if (!conditionHolds(Src.When, Args))
        continue;
      // Reading from an in-memory string stream is not input: it carries
      // whatever the stream was built from. So does reading from a stream
      // that carries data already (Poco's `request.stream() >> word`).
      if (const Expr *H = Src.KindFromHandle ? argExpr(*Src.KindFromHandle) : nullptr)
        if (TaintFact F = specFact(*Src.KindFromHandle);
            F.tainted() || isStringStream(H->IgnoreParenImpCasts()->getType())) {
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
      const Expr *B = constructedFrom(Args[I]);
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
      if (P.Format)
        In = formattedFact(P, Args, ArgFacts);
      else
        for (const ArgSpec &A : P.From)
          In.join(specFact(A));
      if (In.tainted() && FixedHostPrefix)
        In.HostFixed = true;
      // A model adds its labels to data of some origin: a value that is
      // only a secret by its name (a password) is not a token to decode.
      if (In.tainted() && (P.Adds || P.Clears)) {
        In.transform((In.Labels & ~SensitiveLabels) || In.Params ? P.Adds : 0, P.Clears);
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
        // Text made of a number (std::to_string): no injection, but the
        // digest of a password the number was is still that digest.
        In = In.scalar();
        In.Labels &= maskOf(Label::FastHashedPassword);
        if (!In.Labels)
          In = {};
      } else if (Z.WeakForPasswords || (Z.Categories & MaskingCategories) == MaskingCategories) {
        In = masked(In, Z.WeakForPasswords, CallLoc, Name);
        if (In.tainted())
          In.Sanitized |= Z.Categories & ~DataProtectionCategories;
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
    for (const ResultModel &R : M->Results)
      if (conditionHolds(R.When, Args))
        expectResultRead(R, CallE, Callee, Args);
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
  // Stream inserters of other libraries without a model (nlohmann's and
  // toml11's `<<` of a value): into standard output or error, a log line;
  // into a file stream, a store.
  if (!M || M->Sinks.empty())
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CallE);
        Op && Op->getOperator() == OO_LessLess && !isa<CXXMethodDecl>(Callee) &&
        Args.size() == 2) {
      if (streamMatches(Args[0], StandardStreams))
        sinkFact(ArgFacts[1], SinkCategory::Log, Args[1]->getExprLoc(), Name,
                 "writes it to the service's log");
      else if (streamMatches(Args[0], FileStreams)) {
        llvm::SaveAndRestore<bool> AtRest(StoreAtRest,
                                          Engine.sensitive().encryptedStore(Callee, nullptr, Args));
        sinkFact(ArgFacts[1], SinkCategory::Store, Args[1]->getExprLoc(), Name,
                 "writes it to a file");
      }
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
  // A function of this program defined in another unit: its summary from
  // the store, when there is one.
  if (!Ctx.getSourceManager().isInSystemHeader(Callee->getLocation()))
    if (const FunctionSummary *Sum = Engine.summaryElsewhere(Callee))
      applySummary(*Sum, Callee, Args, ArgFacts, Object, ObjFact, CallLoc, Result);
  // Unknown library code: nothing flows through it (no guess).
  return Result;
}

std::optional<int> FunctionAnalysis::Impl::statementHolder(const Expr *E) const {
  E = handleExpr(E);
  if (const auto *M = dyn_cast_or_null<MemberExpr>(E)) {
    if (isa<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts()))
      return SinkHit::StatementOfThis;
    return std::nullopt;
  }
  const auto *D = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *P = D ? dyn_cast<ParmVarDecl>(D->getDecl()) : nullptr;
  if (!P || !FD || P->getDeclContext() != FD || P->getFunctionScopeIndex() >= MaxLabelledParams)
    return std::nullopt;
  return int(P->getFunctionScopeIndex());
}

std::optional<int> FunctionAnalysis::Impl::deferredStatementOf(const SinkModel &K,
                                                               llvm::ArrayRef<const Expr *> Args,
                                                               const Expr *Object) const {
  if (!SummaryMode || !K.When || K.When->Statement != ArgCondition::StatementWrites || K.When->Negate)
    return std::nullopt;
  const Expr *Held = K.When->OnThis ? Object : K.When->Arg < Args.size() ? Args[K.When->Arg] : nullptr;
  if (!Held || statementKind(Held, FD ? FD->getBody() : nullptr) != StatementKind::Unknown)
    return std::nullopt;
  return statementHolder(Held);
}

/// A model's condition on an argument: a named constant, a string literal, a
/// null pointer or not.
void FunctionAnalysis::Impl::checkSink(const SinkModel &K, const FunctionDecl *Callee,
                                       llvm::ArrayRef<const Expr *> Args,
                                       llvm::ArrayRef<TaintFact> ArgFacts, const Expr *Object,
                                       const TaintFact &ObjFact, SourceLocation CallLoc) {
  std::string Name = calleeLabel(Callee);
  std::optional<int> Defer;
  if (K.Written)
    return; // a sink for what is written through its result (writtenSink)
  if (!conditionHolds(K.When, Args, Object) && !(Defer = deferredStatementOf(K, Args, Object)))
    return;
  if (K.ContentType && !sentAsHtml(*K.ContentType, Args, Object))
    return;
  llvm::SaveAndRestore<int> Deferred(DeferredStatement, Defer.value_or(DeferredStatement));
  llvm::SaveAndRestore<bool> AtRest(StoreAtRest, K.Category == SinkCategory::Store &&
                                                     Engine.sensitive().encryptedStore(Callee, Object, Args));
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
  // The arguments' fields the callee reads, as they are before the call
  // (what it writes into its arguments is not what it read).
  std::vector<TaintFact> FieldFacts;
  for (unsigned I = 0; I < Sum.FieldInputs.size() && I < MaxFieldInputs; ++I) {
    const FieldInput &FI = Sum.FieldInputs[I];
    bool IsThis = FI.Param == FunctionSummary::ThisIndex;
    if (!IsThis && (FI.Param >= ArgFacts.size() || FI.Param >= Args.size()))
      FieldFacts.emplace_back();
    else
      FieldFacts.push_back(IsThis ? fieldInflow(FI, Object, ObjFact)
                                  : fieldInflow(FI, Args[FI.Param], ArgFacts[FI.Param]));
  }
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
    // Fields of the arguments the callee reads as this function left them.
    for (unsigned I = 0; I < FieldFacts.size(); ++I)
      if (Labels & (1u << (FirstFieldBit + I))) {
        const FieldInput &FI = Sum.FieldInputs[I];
        bool IsThis = FI.Param == FunctionSummary::ThisIndex;
        TaintFact A = FieldFacts[I];
        if (A.tainted() && (IsThis || FI.Param < Args.size()))
          A.Path = IsThis ? step(A, CallLoc, "the object of " + Name)
                          : step(A, Args[FI.Param]->getExprLoc(),
                                 "passed to " + Name + " as '" + paramName(FI.Param) + "'");
        In.join(A);
      }
    // Globals the callee reads as this function left them.
    for (unsigned I = 0; I < Sum.GlobalInputs.size(); ++I)
      if (Labels & (1u << (FirstGlobalBit + I)))
        if (const VarDecl *V = Engine.globalNamed(Sum.GlobalInputs[I])) {
          TaintFact A;
          for (const VarDecl *R : V->redecls())
            A.join(read(LocKey::of(R)));
          if (A.tainted()) {
            A.Path = step(A, CallLoc, "read from global '" + declName(V) + "' by " + Name);
            In.join(A);
          }
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
      R.Sanitized = Sum.Return.labelSanitized();
      R.Path = ownPath(Sum.ReturnSteps, Sum.Return.Labels);
    }
    StepList Steps = Sum.Return.Labels ? StepList() : Sum.ReturnSteps;
    TaintFact Arrived = inflow(Sum.Return.Params & ~Sum.Return.CleanParams, Steps);
    // The parameters the callee sanitized more than the rest.
    if (ParamMask Clean = Sum.Return.Params & Sum.Return.CleanParams) {
      TaintFact C = inflow(Clean, Steps);
      if (C.tainted()) {
        C.Sanitized |= Sum.Return.CleanCats | Sum.Return.Sanitized;
        Arrived.join(C);
      }
    }
    Sum.Return.arrive(Arrived);
    if (Arrived.tainted())
      Arrived.Sanitized |= Sum.Return.Sanitized;
    R.join(Arrived);
    if (R.tainted()) {
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
      else if (isa<CXXConstructorDecl>(Callee))
        Result.join(W); // the object a constructor builds is the expression's value
    } else if (Index < Args.size()) {
      writeExpr(Args[Index], W, false);
    }
  }
  // Sinks inside the callee.
  // A sink inside code outside the main file (a library header given with
  // -I, such as a vendored jwt-cpp) is reported at the call in the main file,
  // with the place inside as the last note.
  const SourceManager &SM = Ctx.getSourceManager();
  auto sinkAt = [&](const SinkHit &H, TaintFact &F) {
    if (H.Loc.isInvalid()) { // in another unit: named in a note at the call
      F.Path = Engine.steps().extend(F.Path, CallLoc,
                                     "reaches " + H.SinkName + " inside " + Name + " (" +
                                         H.Where + ")");
      return CallLoc;
    }
    // A wrapper's store (Statement::bind) is a store because of the
    // statement its caller built: reported at the caller.
    bool AtCaller = H.StatementOf != SinkHit::NoStatement && DeferredStatement == SinkHit::NoStatement;
    if (!AtCaller && (SM.isInMainFile(SM.getExpansionLoc(H.Loc)) ||
                      !SM.isInMainFile(SM.getExpansionLoc(CallLoc))))
      return H.Loc;
    F.Path = Engine.steps().extend(F.Path, H.Loc, "reaches " + H.SinkName + " inside " + Name);
    return CallLoc;
  };
  for (const SinkHit &H : Sum.Sinks) {
    // A wrapper's sink that counts if the statement passed to it writes.
    std::optional<int> Defer;
    if (H.StatementOf != SinkHit::NoStatement) {
      const Expr *Held = H.StatementOf == SinkHit::StatementOfThis ? Object
                         : unsigned(H.StatementOf) < Args.size() ? Args[H.StatementOf]
                                                                  : nullptr;
      StatementKind K = Held ? statementKind(Held, FD ? FD->getBody() : nullptr) : StatementKind::Unknown;
      if (K == StatementKind::Reads || (K == StatementKind::Unknown && !(Defer = statementHolder(Held))))
        continue;
    }
    llvm::SaveAndRestore<int> Deferred(DeferredStatement, Defer.value_or(DeferredStatement));
    if (H.Labels) { // read inside the callee from data it fetched itself
      TaintFact Own;
      Own.Labels = H.Labels;
      Own.Sanitized = H.Sanitized;
      Own.Path = ownPath(H.Steps, H.Labels);
      SourceLocation At = sinkAt(H, Own);
      sinkFact(Own, H.Category, At, H.SinkName, H.What, nullptr, H.Where);
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
    ParamMask Whole = fieldsToParams(H.Params, Sum.FieldInputs);
    if (llvm::isPowerOf2_32(Whole) && Whole != ThisLabel) {
      unsigned I = llvm::countr_zero(Whole);
      if (I < Args.size())
        Through = Args[I];
    } else if (Whole == ThisLabel) {
      Through = Object;
    }
    SourceLocation At = sinkAt(H, In);
    sinkFact(In, H.Category, At, H.SinkName, H.What, Through, H.Where);
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
  for (unsigned I = 0; I < MaxLabelledParams && I < Args.size(); ++I)
    if ((Sum.VerifiesParams & (1u << I)) && ArgFacts[I].tainted()) {
      // The token this argument carries has been verified: later decodes of
      // it, and the reads of earlier ones, are trusted.
      noteVerification(ArgFacts[I], Args[I], *S);
      TaintFact F = ArgFacts[I];
      F.Sanitized |= maskOf(SinkCategory::JwtClaim);
      F.Path = step(F, Args[I]->getExprLoc(), "verified by " + Name);
      writeExpr(Args[I], F, true);
    }
  if (Sum.VerifiesRequestToken) {
    TaintFact Request;
    Request.Labels = maskOf(Label::WebRequest);
    noteVerification(Request, nullptr, *S);
  }
}

void FunctionAnalysis::Impl::destructorCall(const CXXDestructorDecl *Dtor,
                                            llvm::function_ref<TaintFact()> Obj,
                                            SourceLocation Loc) {
  if (!Dtor || Loc.isInvalid() || Ctx.getSourceManager().isInSystemHeader(Dtor->getLocation()))
    return;
  TaintFact ObjFact = Obj();
  if (!ObjFact.tainted())
    return;
  const FunctionDecl *Def = nullptr;
  const FunctionSummary *Sum = Dtor->hasBody(Def) && Def ? Engine.summaryFor(Def)
                                                         : Engine.summaryElsewhere(Dtor);
  if (!Sum)
    return;
  TaintFact Ignored;
  applySummary(*Sum, Dtor, {}, {}, nullptr, ObjFact, Loc, Ignored);
}

void FunctionAnalysis::Impl::expectResultRead(const ResultModel &R, const Expr *Call,
                                              const FunctionDecl *Callee,
                                              llvm::ArrayRef<const Expr *> Args) {
  PendingResult P;
  P.Call = Call;
  P.LookedAtBy = R.LookedAtBy.empty() ? nullptr : &R.LookedAtBy;
  P.Duty = R.Duty;
  unsigned Key = Call->getBeginLoc().getRawEncoding();
  if (R.In && R.In->K == ArgSpec::Return) {
    // Bound to a local when the call initialises or is assigned to one
    // (bindResult); until then the value is used in place.
    P.Arg = Call;
    S->PendingResults[Key] = std::move(P);
    return;
  }
  const Expr *Arg = nullptr;
  if (R.In && R.In->Index < Args.size())
    Arg = Args[R.In->Index];
  // By type: the parameter that binds a non-const reference to the record
  // (with a pack, the instantiation's parameters line up with the arguments).
  for (unsigned I = 0; !Arg && !R.InReferenceTo.empty() && I < Callee->getNumParams() &&
                       I < Args.size();
       ++I) {
    QualType T = Callee->getParamDecl(I)->getType();
    if (!T->isLValueReferenceType() || T.getNonReferenceType().isConstQualified())
      continue;
    if (const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl())
      if (modelName(RD) == R.InReferenceTo)
        Arg = Args[I];
  }
  if (!Arg)
    return;
  if (const auto *U = dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
      U && U->getOpcode() == UO_AddrOf)
    Arg = U->getSubExpr();
  // A result owned by the caller (a parameter, a field, a global) is the
  // caller's to look at.
  const auto *V = dyn_cast_or_null<VarDecl>(referencedDecl(Arg->IgnoreParenImpCasts()));
  if (!V || !V->isLocalVarDecl() || V->isStaticLocal() || V->getType()->isReferenceType())
    return;
  P.Var = LocKey::of(V);
  P.Arg = Arg;
  S->PendingResults[Key] = std::move(P);
}

namespace {
/// The call \p E is, through the temporaries and copies around a returned
/// object.
const Expr *asReturnedValue(const Expr *E) {
  return E ? ignoreWrappers(E, Temporaries | CopyConstructors | ExplicitCasts) : nullptr;
}

/// \p E is the pending result \p P: the call itself (a temporary used in
/// place), or the local it was bound to.
bool isPendingResult(const PendingResult &P, const Expr *E) {
  const Expr *V = asReturnedValue(E);
  if (!V)
    return false;
  if (V == P.Call)
    return true;
  const auto *D = referencedDecl(V->IgnoreParenImpCasts());
  return D && P.Var.Base == D;
}
} // namespace

void FunctionAnalysis::Impl::bindResult(const Expr *Value, const ValueDecl *Target) {
  const Expr *V = asReturnedValue(Value);
  for (auto &[Key, P] : S->PendingResults) {
    if (P.Call != V || P.Var.Base)
      continue;
    // A local (a reference to the temporary too) holds it from here; a
    // parameter, field or global is the caller's or the object's to check.
    const auto *Local = dyn_cast_or_null<VarDecl>(Target);
    if (Local && Local->isLocalVarDecl() && !Local->isStaticLocal())
      P.Var = LocKey::of(Local);
    else
      P.Read = true;
  }
}

void FunctionAnalysis::Impl::lookAtResults(const FunctionDecl *Callee, const Expr *Object,
                                           llvm::ArrayRef<const Expr *> Args) {
  if (S->PendingResults.empty())
    return;
  bool Named = false, Project = false;
  std::string Name;
  for (auto &[Key, P] : S->PendingResults) {
    if (P.Read || !P.LookedAtBy)
      continue;
    if (!Named) {
      Named = true;
      Name = modelName(Callee);
      // A function of the project that no model describes may look at what
      // it is given: the duty goes with the value.
      Project = !Engine.modelsFor(Callee) &&
                !Ctx.getSourceManager().isInSystemHeader(Callee->getLocation());
    }
    bool Looks = llvm::is_contained(*P.LookedAtBy, Name);
    if (!Looks && !Project)
      continue;
    // The result is the object or an argument of this call.
    if (isPendingResult(P, Object) ||
        llvm::any_of(Args, [&](const Expr *A) { return isPendingResult(P, A); }))
      P.Read = true;
  }
}

void FunctionAnalysis::Impl::handOnResults(const Expr *E) {
  for (auto &[Key, P] : S->PendingResults)
    P.Read |= isPendingResult(P, E);
}

} // namespace appsec
