//===- TaintCheck.h - base of the untrusted-data checks -----------------===//
//
// Each taint check is this class with a sink category. All of them share one
// TaintEngine per AST: the first to finish matching runs the analysis, each
// reports the findings of its own category with the path as notes.
// Options (global or per check):
//   AppSecModelFiles  ';'-separated model files added to the built-in models
//   TaintStepBudget   statements evaluated per function before giving up
//
//===----------------------------------------------------------------------===//
#pragma once

#include "AppSecCheck.h"

#include "engine/TaintEngine.h"
#include "sinks/SinkCategory.h"

namespace clang::tidy::appsec {

class TaintCheck : public AppSecCheck {
public:
  TaintCheck(StringRef Name, ClangTidyContext *Context, ::appsec::SinkCategory Category);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

private:
  ::appsec::SinkCategory Category;
  ::appsec::EngineOptions EngineOpts;
  std::shared_ptr<::appsec::TaintEngine> Engine;
};

} // namespace clang::tidy::appsec
