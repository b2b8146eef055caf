#include "PlaintextStorageCheck.h"

#include "reporting/SecretFindingText.h"

namespace clang::tidy::appsec {

PlaintextStorageCheck::PlaintextStorageCheck(StringRef Name, ClangTidyContext *Context)
    : TaintCheck(Name, Context, ::appsec::SinkCategory::Store, ::appsec::SensitiveLabels),
      EndUserData(!Options.get("ReportEndUserData", "true").equals_insensitive("false")) {}

void PlaintextStorageCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TaintCheck::storeOptions(Opts);
  Options.store(Opts, "ReportEndUserData", EndUserData ? "true" : "false");
}

void PlaintextStorageCheck::reportFinding(const ::appsec::SinkFinding &F) {
  using ::appsec::Label;
  constexpr ::appsec::LabelMask Secrets = ::appsec::maskOf(Label::Secret) |
                                          ::appsec::maskOf(Label::Password) |
                                          ::appsec::maskOf(Label::FastHashedPassword);
  if (!EndUserData && !(F.Labels & Secrets))
    return;
  report(::appsec::plaintextStorageText(F));
}

} // namespace clang::tidy::appsec
