#include "TaintCheck.h"

#include "reporting/TaintFindingText.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::appsec {

TaintCheck::TaintCheck(StringRef Name, ClangTidyContext *Context,
                       ::appsec::SinkCategory Category)
    : AppSecCheck(Name, Context), Category(Category) {
  EngineOpts.ModelFiles = Options.getLocalOrGlobal("AppSecModelFiles", "").str();
  EngineOpts.StepBudget = Options.getLocalOrGlobal("TaintStepBudget", 40000u);
}

void TaintCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AppSecCheck::storeOptions(Opts);
  Options.store(Opts, "AppSecModelFiles", EngineOpts.ModelFiles);
  Options.store(Opts, "TaintStepBudget", EngineOpts.StepBudget);
}

void TaintCheck::registerMatchers(MatchFinder *Finder) {
  // Every function body and lambda of the main file is an entry.
  Finder->addMatcher(functionDecl(isDefinition(), isExpansionInMainFile(),
                                  unless(isImplicit()))
                         .bind("fn"),
                     this);
  Finder->addMatcher(lambdaExpr(isExpansionInMainFile()).bind("lambda"), this);
}

void TaintCheck::check(const MatchFinder::MatchResult &Result) {
  if (!Engine) {
    std::string Error;
    Engine = ::appsec::TaintEngine::forContext(*Result.Context, EngineOpts, Error);
    if (!Error.empty())
      configurationDiag("invalid model file: %0; using the built-in models only",
                        DiagnosticIDs::Error)
          << Error;
  }
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("fn"))
    Engine->addEntry(FD);
  if (const auto *L = Result.Nodes.getNodeAs<LambdaExpr>("lambda"))
    Engine->addEntry(L->getCallOperator());
}

void TaintCheck::onEndOfTranslationUnit() {
  if (!Engine)
    return;
  for (const ::appsec::SinkFinding &F : Engine->findings()) {
    if (F.Category != Category)
      continue;
    report(F.Loc, ::appsec::taintMessage(F));
    for (const auto &[Loc, Text] : ::appsec::taintNotes(F))
      note(Loc, Text);
  }
  Engine.reset();
}

} // namespace clang::tidy::appsec
