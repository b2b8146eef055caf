//===- AppSecTidyMain.cpp - clang-tidy with the appsec checks -----------===//
//
// clang-tidy's own main (every built-in check) plus the appsec module, which
// is linked in as objects. Adds -resource-dir so builtin headers are found
// wherever the binary is installed.
//
//===----------------------------------------------------------------------===//
#include "ResourceDir.h"

#include "clang-tidy/tool/ClangTidyMain.h"

#include <string>
#include <vector>

extern volatile int AppSecTidyModuleAnchorSource;
static int AppSecTidyModuleAnchorDestination = AppSecTidyModuleAnchorSource;

int main(int argc, const char **argv) {
  (void)AppSecTidyModuleAnchorDestination;
  std::vector<std::string> Args(argv, argv + argc);
  std::string Extra;
  if (!appsec::hasArgWithPrefix(Args, "-resource-dir") &&
      !appsec::hasArgWithPrefix(Args, "--extra-arg=-resource-dir") &&
      !appsec::hasArgWithPrefix(Args, "--extra-arg-before=-resource-dir")) {
    std::string Dir = appsec::findResourceDir(argv[0]);
    if (!Dir.empty())
      Extra = "--extra-arg-before=-resource-dir=" + Dir;
  }
  std::vector<const char *> NewArgv(argv, argv + argc);
  if (!Extra.empty())
    NewArgv.insert(NewArgv.begin() + 1, Extra.c_str());
  return clang::tidy::clangTidyMain(static_cast<int>(NewArgv.size()), NewArgv.data());
}
