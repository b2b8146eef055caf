//===- SsrfCheck.h - appsec-ssrf ---===//
#pragma once

#include "TaintCheck.h"

namespace clang::tidy::appsec {

/// Finds untrusted data choosing the host or URL of an outgoing request.
///
/// For the user-facing documentation see docs/checks/appsec-ssrf.md
class SsrfCheck : public TaintCheck {
public:
  SsrfCheck(StringRef Name, ClangTidyContext *Context)
      : TaintCheck(Name, Context, ::appsec::SinkCategory::Ssrf) {}
};

} // namespace clang::tidy::appsec
