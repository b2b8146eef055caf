#include "propagation/TransferImpl.h"

#include "llvm/Support/SaveAndRestore.h"

#include "models/FunctionNames.h"
#include "support/AstHelpers.h"
#include "frameworks/ResponseTypes.h"

#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace appsec {

// ============================================================================
// Sinks
// ============================================================================

void FunctionAnalysis::Impl::sinkFact(const TaintFact &F, SinkCategory Cat, SourceLocation Loc,
                                      const std::string &SinkName, const std::string &What,
                                      const Expr *Object, const std::string &Where) {
  if (!F.dangerousFor(Cat))
    return;
  if (Cat == SinkCategory::JwtClaim && S) {
    // Once the request's own token is verified, tokens decoded again from
    // the same request (in a helper, say) carry verified claims.
    if (S->RequestTokenVerified)
      return;
    // A temporary (jwt::decode(t).get_issuer()) has no location to verify
    // later, but the same token may be verified through another decode.
    std::optional<LocKey> K = Object ? locOf(Object) : std::nullopt;
    S->PendingClaims.emplace(Loc.getRawEncoding(),
                             PendingClaim{K.value_or(LocKey()), F, SinkName, What, Where, false});
    return;
  }
  emitSink(F, Cat, Loc, SinkName, What, Where);
}

bool FunctionAnalysis::Impl::sentAsHtml(const ContentTypeTest &T, llvm::ArrayRef<const Expr *> Args,
                                        const Expr *Object) {
  // The type given with the body decides; a default argument is none given.
  if (T.Arg && *T.Arg < Args.size() && !isa<CXXDefaultArgExpr>(Args[*T.Arg]))
    return contentKindOf(Args[*T.Arg]) == ContentKind::Html;
  if (T.Of) {
    const Expr *O = T.Of->K == ArgSpec::This ? Object : T.Of->Index < Args.size() ? Args[T.Of->Index] : nullptr;
    if (!ContentTypes)
      ContentTypes.emplace(FD, [&](const FunctionDecl *F) { return Engine.modelsFor(F); }, Ctx);
    switch (O ? ContentTypes->of(O) : DeclaredContentTypes::None) {
    case DeclaredContentTypes::Html:
      return true;
    case DeclaredContentTypes::Other:
      return false;
    case DeclaredContentTypes::None:
      break;
    }
  }
  return T.OtherwiseHtml;
}

void FunctionAnalysis::Impl::writtenSink(const Expr *Target, const TaintFact &F) {
  // Through a chain of `<<` and a local reference bound to the stream
  // (`std::ostream &out = response.send(); out << a << b;`).
  const Expr *E = Target;
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    E = ignoreWrappers(E, Temporaries | ExplicitCasts);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E); Op && Op->getOperator() == OO_LessLess) {
      E = Op->getArg(0);
      continue;
    }
    if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
      const auto *V = dyn_cast<VarDecl>(D->getDecl());
      if (!V || !V->isLocalVarDecl() || !V->getType()->isReferenceType() || !V->getInit())
        return;
      E = V->getInit();
      continue;
    }
    const auto *C = dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
    const FunctionModels *M = Callee ? Engine.modelsFor(Callee) : nullptr;
    if (!M)
      return;
    const Expr *Object = nullptr;
    llvm::ArrayRef<const Expr *> Args(C->getArgs(), C->getNumArgs());
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
      Object = MC->getImplicitObjectArgument();
    for (const SinkModel &K : M->Sinks)
      if (K.Written && conditionHolds(K.When, Args, Object) &&
          (!K.ContentType || sentAsHtml(*K.ContentType, Args, Object)))
        sinkFact(F, K.Category, Target->getExprLoc(), calleeLabel(Callee), K.What);
    return;
  }
}

void FunctionAnalysis::Impl::clearPending(const LocKey &K, TaintState &In) {
  if (!K.Base)
    return;
  for (auto &[Key, P] : In.PendingClaims)
    if (P.Object == K)
      P.Cleared = true;
}

void FunctionAnalysis::Impl::emitSink(const TaintFact &F, SinkCategory Cat, SourceLocation Loc,
                                      const std::string &SinkName, const std::string &What,
                                      const std::string &Where) {
  // With a fixed scheme and host, untrusted data only picks a path or query
  // on that host: not a request forgery or an open redirect.
  if (F.HostFixed && (Cat == SinkCategory::Ssrf || Cat == SinkCategory::Redirect))
    return;
  // A store encrypted at rest protects end-user data (requirement 2); a
  // secret or password in it is still readable by whoever reads the store.
  // (A parameter's data arriving here loses the label on the way.)
  if (Cat == SinkCategory::Store && StoreAtRest && ((F.Labels & maskOf(Label::EndUserData)) || F.Params)) {
    TaintFact Rest = F;
    Rest.Labels &= ~maskOf(Label::EndUserData);
    if (Rest.Params) {
      Rest.ParamClears |= maskOf(Label::EndUserData);
      Rest.ParamAdds &= ~maskOf(Label::EndUserData);
    }
    llvm::SaveAndRestore<bool> Done(StoreAtRest, false);
    if (Rest.tainted())
      emitSink(Rest, Cat, Loc, SinkName, What, Where);
    return;
  }
  // Whether a helper may read the claims of the request's token depends on
  // its callers: one that verified the request's token first makes them
  // trusted. Its summary carries the read to them (applySummary); analysed
  // as an entry of its own, it reports nothing when this unit calls it.
  // The fact's own data, unless sanitized for this sink (the parameters'
  // data may still be dirty: dirtyParamsFor).
  LabelMask Own = F.dirtyLabelsFor(Cat);
  bool ForCallers = Cat == SinkCategory::JwtClaim && Own &&
                    (SummaryMode || Engine.isCalledInUnit(FD));
  // A sink hit for the summary: with the path inside this function; one per
  // sink, category and kind of hit (own labels, or which parameters).
  auto addHit = [&](LabelMask Labels, ParamMask Params) {
    for (const SinkHit &Old : Summary.Sinks)
      if (Old.Loc == Loc && Old.Category == Cat && Old.Params == Params &&
          bool(Old.Labels) == bool(Labels) && Old.StatementOf == DeferredStatement)
        return;
    SinkHit H;
    H.Labels = Labels;
    H.Params = Params;
    H.ParamAdds = Params ? F.ParamAdds : 0;
    H.ParamClears = Params ? F.ParamClears : 0;
    H.Sanitized = Params ? F.Sanitized : 0;
    H.Category = Cat;
    H.Loc = Loc;
    H.SinkName = SinkName;
    H.What = What;
    H.Where = Where;
    H.Steps = stepList(F.Path, isDataProtection(Cat));
    H.StatementOf = DeferredStatement;
    Summary.Sinks.push_back(std::move(H));
  };
  // Counts only if the caller's statement writes: the summary's to carry.
  if (DeferredStatement != SinkHit::NoStatement) {
    if (SummaryMode && Own)
      addHit(Own, 0);
    if (ParamMask Dirty = F.dirtyParamsFor(Cat); SummaryMode && Dirty)
      addHit(0, Dirty);
    return;
  }
  if (ForCallers && SummaryMode)
    addHit(Own, 0);
  if (Own && !ForCallers) {
    SinkFinding Finding;
    Finding.Category = Cat;
    Finding.Labels = Own;
    Finding.Loc = Loc;
    Finding.SinkName = SinkName;
    Finding.What = What;
    for (const Step *St : stepsInOrder(F.Path)) {
      if (St->Kind >= 0 && Finding.SourceLabel < 0) {
        Finding.SourceLabel = St->Kind;
        Finding.SourceText = St->Origin;
      }
      if (St->Kind != SensitiveStep || isDataProtection(Cat))
        Finding.Steps.emplace_back(St->Loc, St->Text);
      if ((St->Kind == SensitiveStep ||
           (St->Kind >= 0 && (maskOf(Label(St->Kind)) & SensitiveLabels))) &&
          !St->Origin.empty() && Finding.SensitiveName.empty()) {
        Finding.SensitiveName = St->Origin;
        Finding.SensitiveLabel = St->Kind >= 0 ? St->Kind : St->Label;
      }
    }
    if (Finding.SourceLabel < 0)
      if (auto L = firstLabel(F.Labels))
        Finding.SourceLabel = int(*L);
    Engine.report(std::move(Finding));
  }
  if (ParamMask Dirty = F.dirtyParamsFor(Cat); Dirty && SummaryMode)
    addHit(0, Dirty);
}

void FunctionAnalysis::Impl::noteVerification(const TaintFact &F, const Expr *Subject,
                                              TaintState &In) {
  In.VerifiedParams |= fieldsToParams(F.Params, Summary.FieldInputs) & ~ThisLabel;
  // The same token verified through another decode (libjwt: peek at iss
  // without a key, then decode the token again with the key): claims read
  // from the peek are fine too. A token is known by the start of its path.
  auto rootOf = [](const Step *S) {
    while (S && S->Prev)
      S = S->Prev;
    return S;
  };
  if (const Step *Root = rootOf(F.Path))
    for (auto &[Key, P] : In.PendingClaims)
      if (rootOf(P.Fact.Path) == Root)
        P.Cleared = true;
  if (!(F.Labels & RemoteLabels) &&
      !(Subject && Engine.isRequestType(Subject->IgnoreParenImpCasts()->getType())))
    return;
  In.RequestTokenVerified = true;
  for (auto &[Key, P] : In.PendingClaims)
    if (P.Fact.Labels & RemoteLabels)
      P.Cleared = true;
}

} // namespace appsec
