#include "DataProtectionCheck.h"

namespace clang::tidy::appsec {

DataProtectionCheck::DataProtectionCheck(StringRef Name, ClangTidyContext *Context,
                                         ::appsec::SinkCategory Category,
                                         ::appsec::LabelMask Counted, ::appsec::LabelMask Secrets,
                                         TextFn Text)
    : TaintCheck(Name, Context, Category, Counted),
      EndUserData(!Options.get("ReportEndUserData", "true").equals_insensitive("false")),
      Secrets(Secrets), Text(Text) {}

void DataProtectionCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  TaintCheck::storeOptions(Opts);
  Options.store(Opts, "ReportEndUserData", EndUserData ? "true" : "false");
}

void DataProtectionCheck::reportFinding(const ::appsec::SinkFinding &F) {
  // The data at the sink carries every label that reached it: a value that
  // is a secret as well as end-user data is reported as a secret.
  if (!EndUserData && !(F.Labels & Secrets))
    return;
  report(Text(F));
}

} // namespace clang::tidy::appsec
