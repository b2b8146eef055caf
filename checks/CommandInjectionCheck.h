//===- CommandInjectionCheck.h - appsec-command-injection ---===//
#pragma once

#include "TaintCheck.h"

namespace clang::tidy::appsec {

/// Finds untrusted data reaching an OS command (system, popen, exec*, posix_spawn, wordexp).
///
/// For the user-facing documentation see docs/checks/appsec-command-injection.md
class CommandInjectionCheck : public TaintCheck {
public:
  CommandInjectionCheck(StringRef Name, ClangTidyContext *Context)
      : TaintCheck(Name, Context, ::appsec::SinkCategory::Command) {}
};

} // namespace clang::tidy::appsec
