//===- TaintState.h - taint facts at one program point ------------------===//
//
// Abstract locations are access paths: a variable, parameter or `this`,
// followed by up to three field selections (s.a.b). Array elements and
// pointer offsets collapse onto their base (buf[i], buf + n are `buf`).
// Pointers keep the set of locations they may point into, so a write through
// `p = buf + len` also reaches `buf`.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "lattice/Authentication.h"
#include "lattice/TaintFact.h"

#include "clang/AST/Decl.h"

#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace appsec {

struct LocKey {
  static constexpr unsigned MaxFields = 3;
  const void *Base = nullptr; ///< a ValueDecl, or thisBase()
  std::array<const clang::FieldDecl *, MaxFields> Fields{};

  static const void *thisBase();
  static LocKey of(const clang::ValueDecl *D) {
    LocKey K;
    K.Base = D;
    return K;
  }
  unsigned depth() const {
    unsigned N = 0;
    while (N < MaxFields && Fields[N])
      ++N;
    return N;
  }
  /// This path plus field \p F (capped: deeper selections stay on the prefix).
  LocKey withField(const clang::FieldDecl *F) const {
    LocKey K = *this;
    unsigned N = depth();
    if (N < MaxFields)
      K.Fields[N] = F;
    return K;
  }
  LocKey prefix(unsigned N) const {
    LocKey K;
    K.Base = Base;
    for (unsigned I = 0; I < N && I < MaxFields; ++I)
      K.Fields[I] = Fields[I];
    return K;
  }
  const clang::ValueDecl *decl() const {
    return Base == thisBase() ? nullptr : static_cast<const clang::ValueDecl *>(Base);
  }
  bool operator<(const LocKey &O) const {
    if (Base != O.Base)
      return Base < O.Base;
    return Fields < O.Fields;
  }
  bool operator==(const LocKey &O) const { return Base == O.Base && Fields == O.Fields; }
};

/// What a boolean variable knows: `bool ok = isValid(x);` validates x when ok.
struct BoolGuard {
  LocKey Target;
  CategoryMask Categories = AllCategories;
  bool ValidWhenTrue = true;
  bool operator==(const BoolGuard &O) const {
    return Target == O.Target && Categories == O.Categories &&
           ValidWhenTrue == O.ValidWhenTrue;
  }
};

/// A claim read from a decoded JWT that was not verified when it was read. It
/// is reported where the function ends unless a verification of the token
/// (or of the request's token) follows on some path: reading `iss` to find the
/// key and then verifying is how Connect apps verify.
struct PendingClaim {
  LocKey Object;
  TaintFact Fact;
  std::string SinkName, What;
  std::string Where; ///< the sink's place in another unit (SinkHit::Where)
  bool Cleared = false; ///< a verification followed on some path
};

/// A result a call reported in a local (a verification's std::error_code)
/// that must be looked at afterwards. Reported where the function ends
/// unless it was read after the call on some path.
/// A result the call returns is bound to the local it initialises once that
/// is known (Var without a base until then: a temporary, used in place).
/// With \p LookedAtBy only calls of those functions (or handing it on) count.
struct PendingResult {
  LocKey Var;
  const clang::Expr *Call = nullptr;
  const clang::Expr *Arg = nullptr;
  bool Read = false;
  const std::vector<std::string> *LookedAtBy = nullptr; ///< model names; null: any use
  std::string Duty;
};

/// Joins items waiting for something on some path (pending claims, pending
/// results), keyed alike: an item is settled (\p Settled set) once it is
/// settled on one of the joined paths. Returns true if \p Mine changed.
template <typename T>
bool joinPending(std::map<unsigned, T> &Mine, const std::map<unsigned, T> &Theirs,
                 bool T::*Settled) {
  bool Changed = false;
  for (const auto &[Key, P] : Theirs) {
    auto [It, New] = Mine.emplace(Key, P);
    if (New) {
      Changed = true;
    } else if (P.*Settled && !(It->second.*Settled)) {
      It->second.*Settled = true;
      Changed = true;
    }
  }
  return Changed;
}

struct TaintState {
  bool Reached = false;
  std::map<LocKey, TaintFact> Facts;
  /// Field paths whose entry in Facts says all they hold: what the enclosing
  /// objects hold does not apply to them (`ev.repo` after `ev.repo = x`, or
  /// after a guard that checked it while `ev` came whole from a parser).
  /// A must-fact: joins are intersections.
  std::set<LocKey> Exact;
  std::map<LocKey, std::set<LocKey>> PointsTo;
  std::map<const clang::ValueDecl *, LocKey> RefAlias;
  std::map<LocKey, std::set<const clang::FunctionDecl *>> FnTargets;
  std::map<LocKey, Label> Handles;
  std::map<const clang::ValueDecl *, BoolGuard> BoolGuards;
  /// Validation of one element of a collection (`parts[0] == "probe"`,
  /// `isSafe(args.at(2))`): the elements share their collection's facts, so
  /// the check is kept here, for reads of the same element, instead of
  /// cleaning the whole collection (joins are intersections).
  std::map<std::pair<LocKey, int64_t>, CategoryMask> ElementGuards;
  /// The request's own JWT has been verified on every path here (a must-fact:
  /// joins are intersections). Claims of tokens decoded later from the same
  /// request are then trusted.
  bool RequestTokenVerified = false;
  /// Parameters whose token (a JWT decoded from them) has been verified on
  /// every path here (summaries: a bool helper that verifies its argument).
  ParamMask VerifiedParams = 0;
  /// By the read's location (raw encoding).
  std::map<unsigned, PendingClaim> PendingClaims;
  /// By the call's location (raw encoding).
  std::map<unsigned, PendingResult> PendingResults;
  /// Has the request been authenticated (handler bodies and callers of
  /// handlers only; see lattice/Authentication.h).
  AuthenticationState Auth;

  /// Joins \p O into this state; returns true if anything changed.
  bool joinWith(const TaintState &O);
};

} // namespace appsec
