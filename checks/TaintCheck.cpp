#include "TaintCheck.h"

#include "reporting/TaintFindingText.h"

namespace clang::tidy::appsec {

TaintCheck::TaintCheck(StringRef Name, ClangTidyContext *Context,
                       ::appsec::SinkCategory Category)
    : AppSecCheck(Name, Context), Category(Category), Engine(Options, "auto") {}

TaintCheck::TaintCheck(StringRef Name, ClangTidyContext *Context,
                       ::appsec::SinkCategory Category, ::appsec::LabelMask FixedSources)
    : AppSecCheck(Name, Context), Category(Category), Engine(Options, "", FixedSources) {}

void TaintCheck::reportFinding(const ::appsec::SinkFinding &F) {
  report(F.Loc, ::appsec::taintMessage(F));
  for (const auto &[Loc, Text] : ::appsec::taintNotes(F))
    note(Loc, Text);
}

void TaintCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AppSecCheck::storeOptions(Opts);
  Engine.storeOptions(Options, Opts);
}

void TaintCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  Engine.registerMatchers(Finder, this);
}

void TaintCheck::check(const ast_matchers::MatchFinder::MatchResult &Result) {
  Engine.add(Result, [this](const std::string &Error) {
    configurationDiag("%0", DiagnosticIDs::Error) << Error;
  });
}

void TaintCheck::onEndOfTranslationUnit() {
  for (const ::appsec::SinkFinding *F : Engine.findings(Category))
    reportFinding(*F);
  for (const auto &[Loc, Text] : Engine.remarks())
    diag(Loc, Text, DiagnosticIDs::Remark);
  Engine.reset();
}

} // namespace clang::tidy::appsec
