#include "SensitiveLoggingCheck.h"

#include "reporting/SecretFindingText.h"

namespace clang::tidy::appsec {

using ::appsec::Label;
using ::appsec::maskOf;

// A fast digest of a password is fit for a log (only a store needs a
// password hash), whatever else the value it sits in carries.
SensitiveLoggingCheck::SensitiveLoggingCheck(StringRef Name, ClangTidyContext *Context)
    : DataProtectionCheck(Name, Context, ::appsec::SinkCategory::Log,
                          ::appsec::SensitiveLabels & ~maskOf(Label::FastHashedPassword),
                          maskOf(Label::Secret), ::appsec::sensitiveLogText) {}

} // namespace clang::tidy::appsec
