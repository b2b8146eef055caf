//===- XssCheck.h - appsec-xss ---===//
#pragma once

#include "TaintCheck.h"

namespace clang::tidy::appsec {

/// Finds untrusted data written into an HTML response body without HTML escaping.
///
/// For the user-facing documentation see docs/checks/appsec-xss.md
class XssCheck : public TaintCheck {
public:
  XssCheck(StringRef Name, ClangTidyContext *Context)
      : TaintCheck(Name, Context, ::appsec::SinkCategory::Xss) {}
};

} // namespace clang::tidy::appsec
