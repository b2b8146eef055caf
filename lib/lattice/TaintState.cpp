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
  for (const auto &[Key, P] : O.PendingClaims) {
    auto [It, New] = PendingClaims.emplace(Key, P);
    if (New) {
      Changed = true;
    } else if (P.Cleared && !It->second.Cleared) {
      It->second.Cleared = true;
      Changed = true;
    }
  }
  for (const auto &[Key, P] : O.PendingResults) {
    auto [It, New] = PendingResults.emplace(Key, P);
    if (New) {
      Changed = true;
    } else if (P.Read && !It->second.Read) {
      It->second.Read = true;
      Changed = true;
    }
  }
  if ((VerifiedParams & O.VerifiedParams) != VerifiedParams) {
    VerifiedParams &= O.VerifiedParams;
    Changed = true;
  }
  if (RequestTokenVerified && !O.RequestTokenVerified) {
    RequestTokenVerified = false;
    Changed = true;
  }
  Changed |= Auth.joinWith(O.Auth);
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
