//===- TaintCheck.h - base of the untrusted-data checks ------------------===//
//
// An untrusted-data check is a configuration of the shared analysis: its sink
// category, and the origin labels it counts (option `Sources`, default all).
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

private:
  ::appsec::SinkCategory Category;
  EngineClient Engine;
};

} // namespace clang::tidy::appsec
