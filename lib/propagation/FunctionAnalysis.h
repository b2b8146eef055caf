//===- FunctionAnalysis.h - taint flow through one function -------------===//
//
// A forward, flow-sensitive analysis over Clang's CFG: it walks each block's
// statements, evaluates how taint moves through expressions, calls (library
// models, summaries of callees in this file), assignments, pointers and
// references, applies validation guards on branch edges, skips branches whose
// condition is constant, and stops with what it has when its work budget is
// used up. It reports sinks reached by untrusted data and builds the
// function's summary.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "propagation/TaintState.h"
#include "summaries/FunctionSummary.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

#include <memory>

namespace appsec {

class TaintEngine;

/// A sink reached by untrusted data, with the path that brought it there.
struct SinkFinding {
  SinkCategory Category = SinkCategory::Command;
  clang::SourceLocation Loc;
  std::string SinkName; ///< "system()"
  std::string What;     ///< "runs it as a shell command"
  int SourceLabel = -1; ///< the origin label of the root step
  LabelMask Labels = 0; ///< every label the data at the sink may carry
  std::string SourceText; ///< text of the root step
  StepList Steps;         ///< source first, ends before the sink
};

/// Analyses one function body. In summary mode every parameter carries a
/// label; otherwise parameters are clean unless a seed marks them untrusted
/// (main's argv, annotated parameters, request handlers).
class FunctionAnalysis {
public:
  FunctionAnalysis(TaintEngine &Engine, const clang::FunctionDecl *FD, bool SummaryMode);
  ~FunctionAnalysis();

  /// Runs to a fixed point or until the budget is used up.
  void run();

  FunctionSummary takeSummary();
  bool budgetExhausted() const;

private:
  class Impl;
  std::unique_ptr<Impl> P;
};

} // namespace appsec
