//===- OpenRedirectCheck.h - appsec-open-redirect ---===//
#pragma once

#include "TaintCheck.h"

namespace clang::tidy::appsec {

/// Finds untrusted data used as a redirect target without an allow-list or a fixed host.
///
/// For the user-facing documentation see docs/checks/appsec-open-redirect.md
class OpenRedirectCheck : public TaintCheck {
public:
  OpenRedirectCheck(StringRef Name, ClangTidyContext *Context)
      : TaintCheck(Name, Context, ::appsec::SinkCategory::Redirect) {}
};

} // namespace clang::tidy::appsec
