//===- Finding.h - what the analysis reports ----------------------------===//
#pragma once

#include "lattice/TaintFact.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <string>

namespace appsec {

/// A sink reached by labelled data, with the path that brought it there.
struct SinkFinding {
  SinkCategory Category = SinkCategory::Command;
  clang::SourceLocation Loc;
  std::string SinkName;   ///< "system()"
  std::string What;       ///< "runs it as a shell command"
  int SourceLabel = -1;   ///< the origin label of the root step
  LabelMask Labels = 0;   ///< every label the data at the sink may carry
  std::string SourceText; ///< text of the root step
  /// The name or key that made the data a secret or end-user data
  /// ("'password'"), when a step of the path says so.
  std::string SensitiveName;
  int SensitiveLabel = -1; ///< the data-protection label SensitiveName gave
  StepList Steps;         ///< source first, ends before the sink
};

/// A result a call reported in a local that the function never reads after
/// the call (a verification's error code): the failure goes unnoticed.
struct UncheckedResult {
  const clang::Expr *Call = nullptr; ///< the CallExpr
  const clang::Expr *Arg = nullptr;  ///< where the result is written
  const clang::ValueDecl *Var = nullptr; ///< null: a returned value used in place
  std::string Duty = "error";            ///< what nobody looked at (ResultModel::Duty)
};

} // namespace appsec
