//===- TaintFact.h - what is known about one value or object ------------===//
//
// A fact says which labels a value may carry (Label.h: where untrusted data
// came from, what kind of data it is), which parameters of the function being
// summarised it comes from (symbolic marks used while computing summaries),
// for which sink categories it has been sanitized, and one path of steps that
// explains how it got there.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "labels/Label.h"
#include "sinks/SinkCategory.h"

#include "clang/Basic/SourceLocation.h"

#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace appsec {

/// One step of a taint path (source, assignment, call, return ...). Steps form
/// immutable chains from the latest step back to the source.
struct Step {
  clang::SourceLocation Loc;
  std::string Text;
  const Step *Prev = nullptr;
  unsigned Length = 1;
  int Kind = -1;      ///< the origin Label at a root step, -1 elsewhere
                      ///< (SensitiveStep: where data of some origin became a secret)
  std::string Origin; ///< at a root or SensitiveStep: "recv()", "'argv'", "'password'"
  int Label = -1;     ///< at a SensitiveStep: the data-protection label it gives
};

/// The Kind of a step where labelled data gains a data-protection label
/// (the request's 'Authorization' header is a secret): shown in the notes
/// of the checks that count those labels only, and left out of summaries.
constexpr int SensitiveStep = -2;

/// Owns every Step of one translation unit's analysis.
class StepArena {
public:
  const Step *root(clang::SourceLocation Loc, std::string Text, int Kind,
                   std::string Origin = "") {
    Steps.push_back(Step{Loc, std::move(Text), nullptr, 1, Kind, std::move(Origin)});
    return &Steps.back();
  }
  /// A step after \p Prev; steps at the location of the previous step are
  /// folded, and very long paths stop growing (the notes show the ends).
  const Step *extend(const Step *Prev, clang::SourceLocation Loc, std::string Text,
                     int Kind = -1, std::string Origin = "", int Label = -1) {
    if (Prev && (Prev->Loc == Loc || Prev->Length >= 64))
      return Prev;
    Steps.push_back(Step{Loc, std::move(Text), Prev, Prev ? Prev->Length + 1 : 1, Kind,
                         std::move(Origin), Label});
    return &Steps.back();
  }
  size_t size() const { return Steps.size(); }

private:
  std::deque<Step> Steps;
};

/// Steps of a chain, source first.
std::vector<const Step *> stepsInOrder(const Step *Last);

/// A path kept beyond one analysis (in a summary or a finding), source first.
using StepList = std::vector<std::pair<clang::SourceLocation, std::string>>;
/// The steps of a chain as a StepList, source first; SensitiveSteps only
/// when \p Sensitive (a finding of the log check).
StepList stepList(const Step *Last, bool Sensitive);

/// Parameter labels: bit I = parameter I, ThisLabel = the object of a method.
using ParamMask = uint32_t;
constexpr ParamMask ThisLabel = 1u << 31;
constexpr unsigned MaxLabelledParams = 16;
/// Bits 16..23: fields of parameters (or of the object) a summarised function
/// reads as its caller left them (FunctionSummary::FieldInputs): the caller
/// supplies each from the same field of its argument, so a check of one field
/// there counts for it, and a tainted sibling does not.
constexpr unsigned FirstFieldBit = 16;
constexpr unsigned MaxFieldInputs = 8;
/// Bits 24..30: globals a summarised function reads as it found them
/// (FunctionSummary::GlobalInputs), inputs like its parameters.
constexpr unsigned FirstGlobalBit = 24;
constexpr unsigned MaxGlobalInputs = 7;

struct TaintFact {
  LabelMask Labels = 0;
  ParamMask Params = 0;
  /// Labels that data arriving through Params gains or loses on its way here
  /// (jwt::decode of a parameter: the caller's request data becomes a decoded
  /// JWT). Only meaningful with Params, in summaries.
  LabelMask ParamAdds = 0;
  LabelMask ParamClears = 0;
  CategoryMask Sanitized = 0;
  /// Parameters whose data is sanitized for more than Sanitized says: in a
  /// helper that escapes one argument and not another (`sqlite3_mprintf("'%q'
  /// ORDER BY %s", name, column)`, or an allow-list check of one parameter),
  /// the data of CleanParams is also sanitized for CleanCats.
  ParamMask CleanParams = 0;
  CategoryMask CleanCats = 0;
  /// Categories the fact's own data (Labels) is sanitized for beyond
  /// Sanitized, which also covers the parameters' data: a validated request
  /// value joined with a helper's parameter (`dir + "/" + id` after an
  /// isdigit loop over id) stays validated, while the parameter's data is
  /// still judged at the callers.
  CategoryMask LabelCleanCats = 0;
  bool Canonical = false; ///< produced by path canonicalisation (realpath, ...)
  bool HostFixed = false; ///< follows a literal "scheme://host/" prefix: cannot pick the host
  const Step *Path = nullptr;

  bool tainted() const { return Labels != 0 || Params != 0; }

  /// How well the path explains the fact: a remote origin (3), a local one
  /// (2), some other label (1), parameter marks only (0).
  int explanationRank() const {
    return (Labels & RemoteLabels) ? 3 : (Labels & OriginLabels) ? 2 : Labels ? 1 : 0;
  }

  /// Sanitized where both facts are, counting each group of categories only
  /// over the facts that hold data it is about: a validated request value
  /// joined with an API key (`base + "?units=" + u + "&appid=" + key`) stays
  /// validated for the injection checks, and the key unmasked for the logs.
  static CategoryMask joinedSanitized(const TaintFact &A, const TaintFact &B) {
    auto group = [&](CategoryMask Group, LabelMask About) {
      bool AboutA = A.Params || (A.Labels & About), AboutB = B.Params || (B.Labels & About);
      if (AboutA != AboutB)
        return (AboutA ? A.Sanitized : B.Sanitized) & Group;
      return A.Sanitized & B.Sanitized & Group;
    };
    return sanitizedByGroup(group);
  }

  /// Combines a per-group rule: the injection checks are about data of some
  /// origin (not of unknown origin, which they never report), the JWT claims
  /// check also about data of unknown origin (a token handed in and
  /// trusted), the data-protection checks about sensitive data.
  template <typename GroupFn> static CategoryMask sanitizedByGroup(GroupFn group) {
    constexpr CategoryMask Claims = maskOf(SinkCategory::JwtClaim);
    return group(CategoryMask(~DataProtectionCategories & ~Claims),
                 LabelMask(~SensitiveLabels & ~maskOf(Label::Unknown))) |
           group(Claims, LabelMask(~SensitiveLabels)) |
           group(DataProtectionCategories, SensitiveLabels);
  }

  /// What the fact's own data (its Labels) is sanitized for.
  CategoryMask labelSanitized() const { return Sanitized | LabelCleanCats; }

  /// The own data's sanitization where both facts are, counted per group of
  /// categories over the facts whose labels it is about (joinedSanitized).
  static CategoryMask joinedLabelSanitized(const TaintFact &A, const TaintFact &B) {
    auto group = [&](CategoryMask Group, LabelMask About) {
      bool AboutA = A.Labels & About, AboutB = B.Labels & About;
      if (AboutA != AboutB)
        return (AboutA ? A.labelSanitized() : B.labelSanitized()) & Group;
      return A.labelSanitized() & B.labelSanitized() & Group;
    };
    return sanitizedByGroup(group);
  }

  /// What the data of parameter \p Bit (a mask of one bit) is sanitized for.
  CategoryMask sanitizedForParam(ParamMask Bit) const {
    return Sanitized | ((CleanParams & Bit) ? CleanCats : 0);
  }

  /// Sets CleanParams/CleanCats for the join of this fact with \p O, before
  /// Sanitized and Params are joined: each parameter keeps what it is
  /// sanitized for on both sides that carry it; the parameters sanitized for
  /// more than the joined Sanitized, and the categories they all share, are
  /// kept (one group; the rest is forgotten, on the side of reporting).
  void joinCleanParams(const TaintFact &O, CategoryMask Common) {
    ParamMask Clean = 0;
    CategoryMask Cats = CategoryMask(~0u);
    for (ParamMask All = Params | O.Params; All; All &= All - 1) {
      ParamMask Bit = All & (~All + 1);
      CategoryMask S = CategoryMask(~0u);
      if (Params & Bit)
        S &= sanitizedForParam(Bit);
      if (O.Params & Bit)
        S &= O.sanitizedForParam(Bit);
      if (CategoryMask Extra = S & ~Common) {
        Clean |= Bit;
        Cats &= Extra;
      }
    }
    CleanParams = Cats ? Clean : 0;
    CleanCats = Cats && Clean ? Cats : 0;
  }

  /// May-join: tainted if either is; sanitized only where both are.
  void join(const TaintFact &O) {
    if (!O.tainted())
      return;
    if (!tainted()) {
      *this = O;
      return;
    }
    // Explain untrusted origins rather than data of unknown origin, and
    // either rather than parameter marks.
    if (!Path || O.explanationRank() > explanationRank())
      Path = O.Path;
    CategoryMask Common = joinedSanitized(*this, O);
    if (Params | O.Params)
      joinCleanParams(O, Common);
    else
      CleanParams = CleanCats = 0;
    LabelCleanCats = (Labels | O.Labels) ? joinedLabelSanitized(*this, O) & ~Common : 0;
    Sanitized = Common;
    Labels |= O.Labels;
    Params |= O.Params;
    ParamAdds |= O.ParamAdds;
    ParamClears &= O.ParamClears;
    Canonical = Canonical && O.Canonical;
    HostFixed = HostFixed && O.HostFixed;
  }

  bool sameAs(const TaintFact &O) const {
    return Labels == O.Labels && Params == O.Params && ParamAdds == O.ParamAdds &&
           ParamClears == O.ParamClears && Sanitized == O.Sanitized &&
           CleanParams == O.CleanParams && CleanCats == O.CleanCats &&
           LabelCleanCats == O.LabelCleanCats &&
           Canonical == O.Canonical && HostFixed == O.HostFixed;
  }

  /// Applies a model's label transform: real labels change now, parameter
  /// data changes when it arrives (see ParamAdds).
  void transform(LabelMask Adds, LabelMask Clears) {
    if (Labels)
      Labels = (Labels | Adds) & ~Clears;
    if (Params) {
      ParamAdds = (ParamAdds | Adds) & ~Clears;
      ParamClears = (ParamClears | Clears) & ~Adds;
    }
  }

  /// The caller's data \p In after it went the way this fact describes.
  void arrive(TaintFact &In) const {
    if (In.Labels)
      In.Labels = (In.Labels & ~ParamClears) | ParamAdds;
    if (In.Params) { // the caller is itself being summarised: compose
      In.ParamAdds = (In.ParamAdds & ~ParamClears) | ParamAdds;
      In.ParamClears = (In.ParamClears & ~ParamAdds) | ParamClears;
    }
  }

  /// The fact as a number, an enum or a bool (a comparison's result): only
  /// value labels survive (see ValueLabels); parameter marks do not.
  TaintFact scalar() const {
    if (!(Labels & ValueLabels))
      return {};
    TaintFact F = *this;
    F.Labels &= ValueLabels;
    F.Params = F.ParamAdds = F.ParamClears = F.CleanParams = 0;
    F.CleanCats = 0;
    return F;
  }

  /// True if the fact can make a sink of category \p C dangerous.
  bool dangerousFor(SinkCategory C) const { return dirtyLabelsFor(C) || dirtyParamsFor(C); }
  /// The own labels, if that data is not sanitized for \p C.
  LabelMask dirtyLabelsFor(SinkCategory C) const {
    return (labelSanitized() & maskOf(C)) ? 0 : Labels;
  }
  /// The parameters whose data is not sanitized for \p C.
  ParamMask dirtyParamsFor(SinkCategory C) const {
    if (Sanitized & maskOf(C))
      return 0;
    return (CleanCats & maskOf(C)) ? Params & ~CleanParams : Params;
  }
};

} // namespace appsec
