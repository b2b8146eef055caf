#include "propagation/TransferImpl.h"

#include "models/FunctionNames.h"
#include "support/AstHelpers.h"

#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace appsec {

// ============================================================================
// Sinks
// ============================================================================

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
    // A temporary (jwt::decode(t).get_issuer()) has no location to verify
    // later, but the same token may be verified through another decode.
    std::optional<LocKey> K = Object ? locOf(Object) : std::nullopt;
    S->PendingClaims.emplace(Loc.getRawEncoding(),
                             PendingClaim{K.value_or(LocKey()), F, SinkName, What, false});
    return;
  }
  emitSink(F, Cat, Loc, SinkName, What);
}

void FunctionAnalysis::Impl::clearPending(const LocKey &K, TaintState &In) {
  if (!K.Base)
    return;
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

void FunctionAnalysis::Impl::noteVerification(const TaintFact &F, const Expr *Subject,
                                              TaintState &In) {
  In.VerifiedParams |= F.Params & ~ThisLabel;
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
