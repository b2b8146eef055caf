#include "SecretInUrlCheck.h"

#include "reporting/SecretFindingText.h"

namespace clang::tidy::appsec {

using ::appsec::Label;
using ::appsec::maskOf;

// Secrets only: an e-mail address in a query string is a privacy matter
// for requirement 2, not a secret leaking (the option ReportEndUserData has
// nothing to add here).
SecretInUrlCheck::SecretInUrlCheck(StringRef Name, ClangTidyContext *Context)
    : DataProtectionCheck(Name, Context, ::appsec::SinkCategory::Url,
                          maskOf(Label::Secret) | maskOf(Label::Password),
                          maskOf(Label::Secret) | maskOf(Label::Password),
                          ::appsec::secretInUrlText) {}

} // namespace clang::tidy::appsec
