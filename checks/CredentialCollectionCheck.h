//===- CredentialCollectionCheck.h - appsec-credential-collection -------===//
#pragma once

#include "TaintCheck.h"

namespace clang::tidy::appsec {

/// Finds passwords and API tokens that users send in requests and that the
/// app then logs in with somewhere else (basic auth, a password option, a
/// database login): the shared analysis counting request data that carries
/// the secret or password label at sinks of category credential. The
/// request's own Authorization header authenticates the caller to this app;
/// passing it on is delegation and is not counted.
///
/// For the user-facing documentation see docs/checks/appsec-credential-collection.md
class CredentialCollectionCheck : public TaintCheck {
public:
  CredentialCollectionCheck(StringRef Name, ClangTidyContext *Context);

protected:
  void reportFinding(const ::appsec::SinkFinding &F) override;
};

} // namespace clang::tidy::appsec
