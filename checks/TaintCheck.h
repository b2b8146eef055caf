//===- TaintCheck.h - base of the checks that read the engine's sinks ----===//
//
// Such a check is a configuration of the shared analysis: its sink category,
// and the labels it counts: the origin labels of option `Sources` (default
// all) for the untrusted-data checks, fixed kind labels for the others.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "AppSecCheck.h"
#include "EngineClient.h"

#include "sinks/SinkCategory.h"

namespace clang::tidy::appsec {

class TaintCheck : public AppSecCheck {
public:
  TaintCheck(StringRef Name, ClangTidyContext *Context, ::appsec::SinkCategory Category);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  /// A check that counts \p FixedSources and has no option `Sources`.
  TaintCheck(StringRef Name, ClangTidyContext *Context, ::appsec::SinkCategory Category,
             ::appsec::LabelMask FixedSources);
  /// Reports one finding of the category (default: the untrusted-data words).
  virtual void reportFinding(const ::appsec::SinkFinding &F);

private:
  ::appsec::SinkCategory Category;
  EngineClient Engine;
};

} // namespace clang::tidy::appsec
