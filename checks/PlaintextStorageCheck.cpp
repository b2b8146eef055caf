#include "PlaintextStorageCheck.h"

#include "reporting/SecretFindingText.h"

namespace clang::tidy::appsec {

using ::appsec::Label;
using ::appsec::maskOf;

PlaintextStorageCheck::PlaintextStorageCheck(StringRef Name, ClangTidyContext *Context)
    : DataProtectionCheck(Name, Context, ::appsec::SinkCategory::Store, ::appsec::SensitiveLabels,
                          maskOf(Label::Secret) | maskOf(Label::Password) |
                              maskOf(Label::FastHashedPassword),
                          ::appsec::plaintextStorageText) {}

} // namespace clang::tidy::appsec
