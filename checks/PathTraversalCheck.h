//===- PathTraversalCheck.h - appsec-path-traversal ---===//
#pragma once

#include "TaintCheck.h"

namespace clang::tidy::appsec {

/// Finds untrusted data choosing the file a program opens, writes or removes.
///
/// For the user-facing documentation see docs/checks/appsec-path-traversal.md
class PathTraversalCheck : public TaintCheck {
public:
  PathTraversalCheck(StringRef Name, ClangTidyContext *Context)
      : TaintCheck(Name, Context, ::appsec::SinkCategory::Path) {}
};

} // namespace clang::tidy::appsec
