//===- SqlInjectionCheck.h - appsec-sql-injection ---===//
#pragma once

#include "TaintCheck.h"

namespace clang::tidy::appsec {

/// Finds untrusted data reaching the SQL text of a database call (SQLite, libpq, MySQL, libpqxx).
///
/// For the user-facing documentation see docs/checks/appsec-sql-injection.md
class SqlInjectionCheck : public TaintCheck {
public:
  SqlInjectionCheck(StringRef Name, ClangTidyContext *Context)
      : TaintCheck(Name, Context, ::appsec::SinkCategory::Sql) {}
};

} // namespace clang::tidy::appsec
