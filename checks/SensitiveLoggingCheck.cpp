#include "SensitiveLoggingCheck.h"

#include "reporting/SecretFindingText.h"

namespace clang::tidy::appsec {

SensitiveLoggingCheck::SensitiveLoggingCheck(StringRef Name, ClangTidyContext *Context)
    // A fast digest of a password is fit for a log (only a store needs a
    // password hash), whatever else the value it sits in carries.
    : TaintCheck(Name, Context, ::appsec::SinkCategory::Log,
                 ::appsec::SensitiveLabels & ~::appsec::maskOf(::appsec::Label::FastHashedPassword)),
      EndUserData(!Options.get("ReportEndUserData", "true").equals_insensitive("false")) {}

void SensitiveLoggingCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TaintCheck::storeOptions(Opts);
  Options.store(Opts, "ReportEndUserData", EndUserData ? "true" : "false");
}

void SensitiveLoggingCheck::reportFinding(const ::appsec::SinkFinding &F) {
  // The data at the sink carries every label that reached it: a value that is
  // a secret as well as end-user data is reported as a secret.
  if (!EndUserData && !(F.Labels & ::appsec::maskOf(::appsec::Label::Secret)))
    return;
  report(::appsec::sensitiveLogText(F));
}

} // namespace clang::tidy::appsec
