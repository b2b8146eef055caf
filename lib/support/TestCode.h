//===- TestCode.h - is this translation unit a unit test? ----------------===//
//
// A translation unit that includes a unit-test framework (GoogleTest,
// Catch2, doctest, Boost.Test, CppUnit, CUnit, cmocka, Criterion, Qt Test,
// oatpp-test)
// is test code: it is built into a test binary, not into the service. The
// answer comes from what the unit includes, not from its path (a project's
// sources may well live under a directory called test).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

namespace appsec {

/// \p Path is a header of a unit-test framework.
bool isTestFrameworkHeader(llvm::StringRef Path);

/// Some file the unit of \p SM has entered so far is a test framework's
/// header (call it once the unit is parsed).
bool includesTestFramework(const clang::SourceManager &SM);

} // namespace appsec
