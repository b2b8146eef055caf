#include "propagation/TransferImpl.h"

#include "models/FunctionNames.h"
#include "summaries/SummaryStore.h"
#include "support/AstHelpers.h"
#include "support/BodyStatements.h"

#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace appsec {

// ============================================================================
// Locations
// ============================================================================

std::optional<LocKey> FunctionAnalysis::Impl::locOf(const Expr *E, unsigned Depth) {
  if (!E || Depth > 16)
    return std::nullopt;
  E = stripTemps(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = DRE->getDecl();
    if (const auto *BD = dyn_cast<BindingDecl>(D))
      if (const Expr *Bound = BD->getBinding())
        return locOf(Bound, Depth + 1);
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
    // A builder's `qb.select(c).where(w)`: where() runs on qb itself. (The
    // project's classes: a library's are described by models.)
    if (Object && isa<CXXMemberCallExpr>(C) && F && F->getReturnType()->isReferenceType() &&
        !Ctx.getSourceManager().isInSystemHeader(F->getLocation())) {
      auto [It, New] = ReturnsThis.try_emplace(F, false);
      if (New)
        It->second = returnsThis(F);
      if (It->second)
        return locOf(Object, Depth + 1);
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

/// A const method called with constant arguments (`uri.getHost()`,
/// `req.get_header_value("Host")`) reads a part of its object that stays as
/// it is until the object is written: the same call later reads the same
/// value. Its key, among an object's elements: negative, from the method and
/// the arguments' values.
std::optional<int64_t> FunctionAnalysis::Impl::accessorOf(const CXXMemberCallExpr *MC) const {
  const CXXMethodDecl *M = MC->getMethodDecl();
  if (!M || !M->isConst() || M->getReturnType()->isVoidType() || MC->getNumArgs() > 4)
    return std::nullopt;
  llvm::FoldingSetNodeID ID;
  ID.AddPointer(M->getCanonicalDecl());
  for (const Expr *A : MC->arguments()) {
    // Through default arguments and the std::string built from a literal.
    const Expr *Bare = A;
    for (unsigned Step = 0; Step < 8; ++Step) {
      Bare = Bare->IgnoreParenImpCasts();
      if (const auto *D = dyn_cast<CXXDefaultArgExpr>(Bare))
        Bare = D->getExpr();
      else if (const auto *T = dyn_cast<MaterializeTemporaryExpr>(Bare))
        Bare = T->getSubExpr();
      else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Bare))
        Bare = B->getSubExpr();
      else if (const auto *C = dyn_cast<CXXConstructExpr>(Bare);
               C && C->getNumArgs() >= 1 &&
               llvm::all_of(llvm::drop_begin(C->arguments()),
                            [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); }))
        Bare = C->getArg(0); // std::string("Host"), not Key(1, 2)
      else
        break;
    }
    if (const auto *Str = dyn_cast<StringLiteral>(Bare)) {
      ID.AddString(Str->getBytes());
      continue;
    }
    Expr::EvalResult R;
    if (Bare->isValueDependent() || !Bare->getType()->isIntegralOrEnumerationType() ||
        !Bare->EvaluateAsInt(R, Ctx))
      return std::nullopt;
    ID.AddInteger(R.Val.getInt().getExtValue());
  }
  return -int64_t(ID.ComputeHash() & 0x7fffffff) - 1;
}

std::optional<std::pair<LocKey, int64_t>> FunctionAnalysis::Impl::elementOf(const Expr *E) {
  const Expr *Base = nullptr, *Index = nullptr;
  E = stripTemps(E);
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    Base = AS->getBase();
    Index = AS->getIdx();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
      Base = Op->getArg(0);
      Index = Op->getArg(1);
    }
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const auto *M = MC->getMethodDecl();
    if (M && M->getIdentifier() && M->getName() == "at" && MC->getNumArgs() == 1) {
      Base = MC->getImplicitObjectArgument();
      Index = MC->getArg(0);
    } else if (auto Part = accessorOf(MC)) {
      // (One that designates its object, such as c_str(), is the object.)
      if (auto L = locOf(MC->getImplicitObjectArgument()); L && !locOf(MC))
        return std::make_pair(*L, *Part);
    }
  }
  if (!Base || !Index || Index->isValueDependent() || !Index->getType()->isIntegerType())
    return std::nullopt;
  Expr::EvalResult R;
  if (!Index->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  auto L = locOf(Base);
  if (!L)
    return std::nullopt;
  return std::make_pair(*L, R.Val.getInt().getExtValue());
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
  for (auto &[Key, P] : S->PendingResults)
    if (P.Var.Base == K.Base && !P.LookedAtBy)
      P.Read = true;
  // The object itself and every enclosing object (s.a.b is tainted when s
  // is), up to an entry that says all its path holds.
  for (unsigned N = K.depth() + 1; N-- > 0;) {
    LocKey P = K.prefix(N);
    auto It = S->Facts.find(P);
    if (It == S->Facts.end())
      continue;
    if (N == 0 && K.depth() > 0 && SummaryMode && It->second.Params) {
      // A field of a parameter as the caller left it: its own input.
      auto [Whole, Field] = fieldInputBits(K, It->second.Params);
      if (Field) {
        TaintFact G = It->second;
        G.Params = (G.Params & ~Whole) | Field;
        if (G.CleanParams & Whole)
          G.CleanParams = (G.CleanParams & ~Whole) | Field;
        F.join(G);
        continue;
      }
    }
    F.join(It->second);
    if (N > 0 && S->Exact.count(P))
      break;
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
  // A global this function has not written on this path holds what its
  // caller left there: an input of the summary, like a parameter.
  if (SummaryMode && isGlobal(K) && !S->Facts.count(K.prefix(0)))
    if (ParamMask Bit = globalInputBit(K)) {
      TaintFact G;
      G.Params = Bit;
      G.Path = Engine.steps().root(K.decl()->getLocation(), "global '" + declName(K.decl()) + "'", -1);
      F.join(G);
    }
  if (Depth < 2) {
    auto PT = S->PointsTo.find(K);
    if (PT != S->PointsTo.end())
      for (const LocKey &T : PT->second)
        if (!(T == K))
          F.join(read(T, Depth + 1));
  }
  return F;
}

ParamMask FunctionAnalysis::Impl::globalInputBit(const LocKey &K) {
  const EngineOptions &O = Engine.options();
  if (O.SummaryStore.empty() && O.SummaryExport.empty())
    return 0; // within one unit the engine's rounds over globals see them
  const auto *V = dyn_cast_or_null<VarDecl>(K.decl());
  if (!V || V->getType().isConstQualified() ||
      Ctx.getSourceManager().isInSystemHeader(V->getLocation()) || linkageKey(V).empty())
    return 0;
  V = V->getCanonicalDecl();
  for (unsigned I = 0; I < GlobalInputs.size(); ++I)
    if (GlobalInputs[I] == V)
      return 1u << (FirstGlobalBit + I);
  if (GlobalInputs.size() >= MaxGlobalInputs)
    return 0;
  GlobalInputs.push_back(V);
  return 1u << (FirstGlobalBit + GlobalInputs.size() - 1);
}

/// Before a write to \p K: a replaced object's fields are gone with it, and
/// after a weak write its fields may hold the new data too. A replaced field
/// path is then all it holds.
void FunctionAnalysis::Impl::writeFields(const LocKey &K, bool Replace) {
  auto Extends = [&](const LocKey &L) {
    if (L.Base != K.Base || L.depth() <= K.depth())
      return false;
    for (unsigned I = 0; I < K.depth(); ++I)
      if (L.Fields[I] != K.Fields[I])
        return false;
    return true;
  };
  for (auto It = S->Facts.upper_bound(K); It != S->Facts.end() && It->first.Base == K.Base;)
    It = Replace && Extends(It->first) ? S->Facts.erase(It) : std::next(It);
  for (auto It = S->Exact.upper_bound(K); It != S->Exact.end() && It->Base == K.Base;)
    It = Extends(*It) ? S->Exact.erase(It) : std::next(It);
  if (Replace && K.depth() > 0 && K.depth() < LocKey::MaxFields) // (deeper ones may be capped)
    S->Exact.insert(K);
  else if (!S->Facts.count(K))
    S->Exact.erase(K);
}

std::pair<ParamMask, ParamMask> FunctionAnalysis::Impl::fieldInputBits(const LocKey &K,
                                                                       ParamMask Held) {
  unsigned Index;
  ParamMask Whole;
  if (K.Base == LocKey::thisBase()) {
    const auto *M = dyn_cast_or_null<CXXMethodDecl>(FD);
    if (!M || !M->isInstance())
      return {0, 0};
    Index = FunctionSummary::ThisIndex;
    Whole = ThisLabel;
  } else {
    const auto *P = dyn_cast_or_null<ParmVarDecl>(K.decl());
    if (!P || P->getDeclContext() != FD || P->getFunctionScopeIndex() >= MaxLabelledParams)
      return {0, 0};
    Index = P->getFunctionScopeIndex();
    Whole = 1u << Index;
  }
  if (!(Held & Whole))
    return {0, 0};
  llvm::ArrayRef<const FieldDecl *> Path(K.Fields.data(), K.depth());
  std::vector<FieldInput> &Inputs = Summary.FieldInputs;
  for (unsigned I = 0; I < Inputs.size(); ++I)
    if (Inputs[I].Param == Index && llvm::ArrayRef(Inputs[I].Fields) == Path)
      return {Whole, 1u << (FirstFieldBit + I)};
  if (Inputs.size() >= MaxFieldInputs)
    return {Whole, 0};
  FieldInput In;
  In.Param = Index;
  In.Fields = Path.vec();
  for (const FieldDecl *F : Path)
    In.Names.push_back(F->getNameAsString());
  Inputs.push_back(std::move(In));
  return {Whole, 1u << (FirstFieldBit + Inputs.size() - 1)};
}

TaintFact FunctionAnalysis::Impl::fieldInflow(const FieldInput &In, const Expr *E,
                                              const TaintFact &Whole) {
  if (!E)
    return Whole;
  auto recordOf = [](QualType T) -> const RecordDecl * {
    T = T.getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    return T->getAsRecordDecl();
  };
  QualType T = E->getType();
  const Expr *Bare = E->IgnoreParenImpCasts();
  std::optional<LocKey> L;
  if (const auto *U = dyn_cast<UnaryOperator>(Bare); U && U->getOpcode() == UO_AddrOf) {
    L = locOf(U->getSubExpr()); // &ev: the object itself
  } else if ((L = locOf(E)) && L->depth() == 0) {
    // p, *p, p[0] or a reference bound to *p: where `p->f` is written, the
    // one object p is known to point at, or else p's own paths.
    const auto *V = dyn_cast_or_null<ValueDecl>(L->decl());
    if (V && V->getType().getNonReferenceType()->isPointerType()) {
      auto PT = S->PointsTo.find(*L);
      if (PT != S->PointsTo.end() && PT->second.size() == 1)
        L = *PT->second.begin();
      else if (PT != S->PointsTo.end())
        return Whole;
    }
  }
  if (!L)
    return Whole;
  LocKey K = *L;
  for (size_t I = 0; I < In.Names.size(); ++I) {
    const FieldDecl *Field = I < In.Fields.size() ? In.Fields[I] : nullptr;
    if (!Field) { // a summary from another unit: by name, in the class or its bases
      const RecordDecl *RD = recordOf(T);
      std::function<const FieldDecl *(const RecordDecl *)> find = [&](const RecordDecl *R) -> const FieldDecl * {
        if (!R || !(R = R->getDefinition()))
          return nullptr;
        for (const FieldDecl *D : R->fields())
          if (D->getName() == In.Names[I])
            return D;
        if (const auto *C = dyn_cast<CXXRecordDecl>(R))
          for (const CXXBaseSpecifier &B : C->bases())
            if (const FieldDecl *D = find(B.getType()->getAsRecordDecl()))
              return D;
        return nullptr;
      };
      Field = find(RD);
    }
    if (!Field || Field->getParent()->isUnion() || K.depth() >= LocKey::MaxFields)
      return Whole;
    K = K.withField(Field);
    T = Field->getType();
  }
  return read(K);
}

void FunctionAnalysis::Impl::write(const LocKey &K, TaintFact F, bool Replace,
                                   bool ThroughPointer) {
  // A write to a collection may change any element a guard had checked.
  for (auto It = S->ElementGuards.begin(); It != S->ElementGuards.end();)
    It = It->first.first.Base == K.Base ? S->ElementGuards.erase(It) : std::next(It);
  writeFields(K, Replace);
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
    writeFields(T, Strong);
    if (Strong)
      S->Facts[T] = F;
    else if (F.tainted())
      S->Facts[T].join(F);
    if (isGlobal(T) && F.tainted())
      Engine.writeGlobal(T, F);
  }
}

void FunctionAnalysis::Impl::writeExpr(const Expr *Target, const TaintFact &F, bool Replace) {
  if (F.tainted())
    writtenSink(Target, F);
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

} // namespace appsec
