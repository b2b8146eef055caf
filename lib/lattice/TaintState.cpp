#include "lattice/TaintState.h"

namespace appsec {

const void *LocKey::thisBase() {
  static const char Tag = 0;
  return &Tag;
}

bool TaintState::joinWith(const TaintState &O) {
  if (!O.Reached)
    return false;
  if (!Reached) {
    *this = O;
    return true;
  }
  bool Changed = false;
  for (const auto &[K, F] : O.Facts) {
    auto It = Facts.find(K);
    if (It == Facts.end()) {
      if (F.tainted()) {
        Facts.emplace(K, F);
        Changed = true;
      }
      continue;
    }
    TaintFact Before = It->second;
    It->second.join(F);
    Changed |= !Before.sameAs(It->second);
  }
  for (const auto &[K, Targets] : O.PointsTo) {
    auto &Mine = PointsTo[K];
    size_t N = Mine.size();
    Mine.insert(Targets.begin(), Targets.end());
    Changed |= Mine.size() != N;
  }
  for (const auto &[D, K] : O.RefAlias)
    Changed |= RefAlias.emplace(D, K).second;
  for (const auto &[K, Targets] : O.FnTargets) {
    auto &Mine = FnTargets[K];
    size_t N = Mine.size();
    Mine.insert(Targets.begin(), Targets.end());
    Changed |= Mine.size() != N;
  }
  for (const auto &[K, Kind] : O.Handles)
    Changed |= Handles.emplace(K, Kind).second;
  Changed |= joinPending(PendingClaims, O.PendingClaims, &PendingClaim::Cleared);
  Changed |= joinPending(PendingResults, O.PendingResults, &PendingResult::Read);
  if ((VerifiedParams & O.VerifiedParams) != VerifiedParams) {
    VerifiedParams &= O.VerifiedParams;
    Changed = true;
  }
  if (RequestTokenVerified && !O.RequestTokenVerified) {
    RequestTokenVerified = false;
    Changed = true;
  }
  Changed |= Auth.joinWith(O.Auth);
  for (auto It = ElementGuards.begin(); It != ElementGuards.end();) {
    auto OIt = O.ElementGuards.find(It->first);
    CategoryMask Both = OIt == O.ElementGuards.end() ? 0 : It->second & OIt->second;
    if (Both != It->second) {
      Changed = true;
      if (!Both) {
        It = ElementGuards.erase(It);
        continue;
      }
      It->second = Both;
    }
    ++It;
  }
  for (auto It = Exact.begin(); It != Exact.end();) {
    if (!O.Exact.count(*It)) {
      It = Exact.erase(It);
      Changed = true;
    } else {
      ++It;
    }
  }
  // A validation result holds only if it holds on every incoming path.
  for (auto It = BoolGuards.begin(); It != BoolGuards.end();) {
    auto OIt = O.BoolGuards.find(It->first);
    if (OIt == O.BoolGuards.end() || !(OIt->second == It->second)) {
      It = BoolGuards.erase(It);
      Changed = true;
    } else {
      ++It;
    }
  }
  return Changed;
}

} // namespace appsec
