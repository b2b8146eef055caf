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

#include "lattice/Finding.h"
#include "lattice/TaintState.h"
#include "propagation/AnalysisContext.h"
#include "summaries/FunctionSummary.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

#include <memory>

namespace appsec {

/// Analyses one function body. In summary mode every parameter carries a
/// label; otherwise parameters are clean unless a seed marks them untrusted
/// (main's argv, annotated parameters, request handlers).
class FunctionAnalysis {
public:
  FunctionAnalysis(AnalysisContext &Engine, const clang::FunctionDecl *FD, bool SummaryMode);
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
