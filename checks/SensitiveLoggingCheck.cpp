#include "SensitiveLoggingCheck.h"

#include "reporting/SecretFindingText.h"

namespace clang::tidy::appsec {

namespace {
bool reportEndUserData(ClangTidyCheck::OptionsView &Options) {
  return !Options.get("ReportEndUserData", "true").equals_insensitive("false");
}
::appsec::LabelMask countedLabels(bool EndUserData) {
  return ::appsec::maskOf(::appsec::Label::Secret) |
         (EndUserData ? ::appsec::maskOf(::appsec::Label::EndUserData) : 0);
}
} // namespace

SensitiveLoggingCheck::SensitiveLoggingCheck(StringRef Name, ClangTidyContext *Context)
    : AppSecCheck(Name, Context),
      Engine(Options, "", countedLabels(reportEndUserData(Options))),
      EndUserData(reportEndUserData(Options)) {}

void SensitiveLoggingCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AppSecCheck::storeOptions(Opts);
  Engine.storeOptions(Options, Opts);
  Options.store(Opts, "ReportEndUserData", EndUserData ? "true" : "false");
}

void SensitiveLoggingCheck::registerMatchers(ast_matchers::MatchFinder *Finder) {
  Engine.registerMatchers(Finder, this);
}

void SensitiveLoggingCheck::check(const ast_matchers::MatchFinder::MatchResult &Result) {
  Engine.add(Result, [this](const std::string &Error) {
    configurationDiag("%0", DiagnosticIDs::Error) << Error;
  });
}

void SensitiveLoggingCheck::onEndOfTranslationUnit() {
  for (const ::appsec::SinkFinding *F : Engine.findings(::appsec::SinkCategory::Log))
    report(::appsec::sensitiveLogText(*F));
  for (const auto &[Loc, Text] : Engine.remarks())
    diag(Loc, Text, DiagnosticIDs::Remark);
  Engine.reset();
}

} // namespace clang::tidy::appsec
