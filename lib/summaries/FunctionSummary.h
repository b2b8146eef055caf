//===- FunctionSummary.h - what a function does with its inputs ---------===//
//
// A summary is computed once per function and translation unit, lazily, the
// first time a tainted value reaches a call to it. It records, with symbolic
// parameter labels: which parameters flow to the return value, to the
// objects their pointers or references designate, and to sinks inside the
// function (and below), and what untrusted data the function produces by
// itself (a helper that reads a socket and returns the buffer).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "lattice/TaintFact.h"
#include "models/ModelSet.h"

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceLocation.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace appsec {

/// A sink reached inside the function by data from its parameters.
struct SinkHit {
  ParamMask Params = 0;
  LabelMask Labels = 0; ///< data the function reads itself (jwt-claim hits wait for the caller)
  LabelMask ParamAdds = 0, ParamClears = 0; ///< see TaintFact
  CategoryMask Sanitized = 0;
  SinkCategory Category = SinkCategory::Command;
  clang::SourceLocation Loc; ///< the sink argument (invalid in another unit's summary)
  std::string Where;         ///< "helper.cpp:12" for a summary read from a store
  std::string SinkName;      ///< "system()"
  std::string What;          ///< "runs it as a shell command"
  StepList Steps;            ///< from the parameter to the sink
  /// The sink counts only if the statement held by this parameter (or by
  /// `this`, StatementOfThis) writes: a wrapper's bind() of a handle its
  /// caller prepared (models/StoredStatements.h). NoStatement: unconditional.
  static constexpr int NoStatement = -2, StatementOfThis = -1;
  int StatementOf = NoStatement;
};

/// A field path of a parameter (or of the object, ThisIndex) read by the
/// function as its caller left it: bit FirstFieldBit + I of a parameter mask
/// stands for FieldInputs[I].
struct FieldInput {
  unsigned Param = 0;
  std::vector<const clang::FieldDecl *> Fields; ///< in this unit (empty when read from a store)
  std::vector<std::string> Names;               ///< the same path by name
};

/// \p M with the bits of \p Inputs replaced by their parameters' bits.
inline ParamMask fieldsToParams(ParamMask M, const std::vector<FieldInput> &Inputs) {
  for (unsigned I = 0; I < Inputs.size() && I < MaxFieldInputs; ++I)
    if (M & (1u << (FirstFieldBit + I))) {
      M &= ~(1u << (FirstFieldBit + I));
      M |= Inputs[I].Param >= MaxLabelledParams ? ThisLabel : 1u << Inputs[I].Param;
    }
  return M;
}

/// The bits of \p Inputs that stand for fields of parameter \p Param.
inline ParamMask fieldBitsOf(unsigned Param, const std::vector<FieldInput> &Inputs) {
  ParamMask M = 0;
  for (unsigned I = 0; I < Inputs.size() && I < MaxFieldInputs; ++I)
    if (Inputs[I].Param == Param)
      M |= 1u << (FirstFieldBit + I);
  return M;
}

struct FunctionSummary {
  TaintFact Return;                     ///< labels and real sources reaching `return`
  StepList ReturnSteps;                 ///< path of Return, inside the callee
  std::map<unsigned, TaintFact> OutParams; ///< pointee of parameter I at exit (ThisIndex for `this`)
  std::map<unsigned, StepList> OutSteps;
  std::vector<SinkHit> Sinks;
  /// Parameter I's object is sanitized for these categories on every path
  /// through the function (a helper that verifies the token it is given).
  std::map<unsigned, CategoryMask> SanitizesParam;
  /// Every path through the function verifies the request's own token.
  bool VerifiesRequestToken = false;
  /// Every path that returns verifies the token decoded from these parameters
  /// (`void verifyJwt(const std::string &token, const std::string &key)`).
  ParamMask VerifiesParams = 0;
  /// A bool function that returns true only on paths where it verified the
  /// token of these parameters: a validator for jwt-claim, inferred from its
  /// body (`if (!isValidJwt(token, secret)) return 401;`).
  std::optional<ValidatorModel> Verifier;
  /// A bool function that returns true only where these parameters are
  /// valid for these categories (`return std::regex_match(url, m, re) &&
  /// hosts.count(m[1].str());`), inferred from its body.
  std::optional<ValidatorModel> Validator;
  /// Global variables read as the caller left them, by linkage key: bit
  /// FirstGlobalBit + I of a parameter mask stands for GlobalInputs[I]
  /// (tracked when summaries cross units, see SummaryStore).
  std::vector<std::string> GlobalInputs;
  std::vector<FieldInput> FieldInputs;
  bool Complete = true; ///< false if the work budget ran out

  static constexpr unsigned ThisIndex = 1000;
};

} // namespace appsec
