//===- AppSecClangdMain.cpp - clangd with the appsec checks -------------===//
//
// clangd's own main plus the appsec module, linked in as objects; clangd finds
// checks through the clang-tidy module registry. Debian ships no clangd
// headers, so clangdMain is declared here. Adds --resource-dir so builtin
// headers are found wherever the binary is installed.
//
// Enable the checks in a project's .clangd:
//   Diagnostics:
//     ClangTidy:
//       Add: [appsec-*]
//       FastCheckFilter: Loose   # clangd drops checks of unknown speed otherwise
//
//===----------------------------------------------------------------------===//
#include "ResourceDir.h"

#include <string>
#include <vector>

namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

extern volatile int AppSecTidyModuleAnchorSource;
static int AppSecTidyModuleAnchorDestination = AppSecTidyModuleAnchorSource;

int main(int argc, char **argv) {
  (void)AppSecTidyModuleAnchorDestination;
  std::vector<std::string> Args(argv, argv + argc);
  std::string Extra;
  if (!appsec::hasArgWithPrefix(Args, "--resource-dir") &&
      !appsec::hasArgWithPrefix(Args, "-resource-dir")) {
    std::string Dir = appsec::findResourceDir(argv[0]);
    if (!Dir.empty())
      Extra = "--resource-dir=" + Dir;
  }
  std::vector<char *> NewArgv(argv, argv + argc);
  if (!Extra.empty())
    NewArgv.insert(NewArgv.begin() + 1, Extra.data());
  NewArgv.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(NewArgv.size() - 1), NewArgv.data());
}
