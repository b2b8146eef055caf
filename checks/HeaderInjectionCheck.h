//===- HeaderInjectionCheck.h - appsec-header-injection ---===//
#pragma once

#include "TaintCheck.h"

namespace clang::tidy::appsec {

/// Finds untrusted data in response header values or cookies without CR/LF removal or validation.
///
/// For the user-facing documentation see docs/checks/appsec-header-injection.md
class HeaderInjectionCheck : public TaintCheck {
public:
  HeaderInjectionCheck(StringRef Name, ClangTidyContext *Context)
      : TaintCheck(Name, Context, ::appsec::SinkCategory::Header) {}
};

} // namespace clang::tidy::appsec
