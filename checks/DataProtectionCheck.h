//===- DataProtectionCheck.h - checks that follow secrets and user data --===//
#pragma once

#include "TaintCheck.h"

#include "reporting/FindingText.h"

namespace clang::tidy::appsec {

/// A taint check counting the data-protection labels (secret, password,
/// end-user data) at the sinks of one category, with the option
/// ReportEndUserData (false: secrets only) and its own words for findings.
/// appsec-sensitive-logging and appsec-plaintext-storage are two of these.
class DataProtectionCheck : public TaintCheck {
public:
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  using TextFn = ::appsec::DiagnosticText (*)(const ::appsec::SinkFinding &);
  /// \p Counted: the labels the check follows; \p Secrets: those of them
  /// still reported with ReportEndUserData false.
  DataProtectionCheck(StringRef Name, ClangTidyContext *Context, ::appsec::SinkCategory Category,
                      ::appsec::LabelMask Counted, ::appsec::LabelMask Secrets, TextFn Text);
  void reportFinding(const ::appsec::SinkFinding &F) override;

private:
  bool EndUserData; ///< option ReportEndUserData: also personal data, not only secrets
  ::appsec::LabelMask Secrets;
  TextFn Text;
};

} // namespace clang::tidy::appsec
