#include "CredentialCollectionCheck.h"

#include "reporting/SecretFindingText.h"

namespace clang::tidy::appsec {

using ::appsec::Label;
using ::appsec::maskOf;

CredentialCollectionCheck::CredentialCollectionCheck(StringRef Name, ClangTidyContext *Context)
    : TaintCheck(Name, Context, ::appsec::SinkCategory::Credential, ::appsec::RemoteLabels) {}

void CredentialCollectionCheck::reportFinding(const ::appsec::SinkFinding &F) {
  if (!(F.Labels & (maskOf(Label::Secret) | maskOf(Label::Password))))
    return;
  if (StringRef(F.SensitiveName).contains_insensitive("authorization"))
    return;
  report(::appsec::credentialCollectionText(F));
}

} // namespace clang::tidy::appsec
