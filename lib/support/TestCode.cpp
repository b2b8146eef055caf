#include "support/TestCode.h"

#include "llvm/Support/Path.h"

namespace appsec {

bool isTestFrameworkHeader(llvm::StringRef Path) {
  using namespace llvm::sys;
  llvm::StringRef File = path::filename(Path);
  if (File == "catch.hpp" || File == "doctest.h" || File == "cmocka.h" || File == "criterion.h")
    return true;
  // A directory of the framework's own headers: <gtest/gtest.h>,
  // <catch2/catch_test_macros.hpp>, <boost/test/unit_test.hpp>,
  // <cppunit/TestCase.h> (Poco's own: <CppUnit/TestCase.h>), <CUnit/CUnit.h>,
  // <QtTest/QTest>, <oatpp-test/UnitTest.hpp>.
  llvm::StringRef Prev;
  for (auto It = path::begin(Path), End = path::end(Path); It != End; ++It) {
    llvm::StringRef C = *It;
    if (C == "gtest" || C == "gmock" || C == "catch2" || C == "doctest" || C == "CUnit" ||
        C == "QtTest" || C == "oatpp-test" || C.equals_insensitive("cppunit") ||
        (Prev == "boost" && C == "test"))
      return std::next(It) != End; // a header inside it, not the directory itself
    Prev = C;
  }
  return false;
}

bool includesTestFramework(const clang::SourceManager &SM) {
  for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End; ++It)
    if (isTestFrameworkHeader(It->first.getName()))
      return true;
  return false;
}

} // namespace appsec
