//===- FormatStringCheck.h - appsec-format-string ---===//
#pragma once

#include "TaintCheck.h"

namespace clang::tidy::appsec {

/// Finds untrusted data used as a printf-style format string.
///
/// For the user-facing documentation see docs/checks/appsec-format-string.md
class FormatStringCheck : public TaintCheck {
public:
  FormatStringCheck(StringRef Name, ClangTidyContext *Context)
      : TaintCheck(Name, Context, ::appsec::SinkCategory::FormatString) {}
};

} // namespace clang::tidy::appsec
