#include "ResourceDir.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include "clang/Basic/Version.h"

namespace appsec {

static bool hasBuiltinHeaders(const std::string &Dir) {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, "include", "stddef.h");
  return llvm::sys::fs::exists(P);
}

std::string findResourceDir(const char *Argv0) {
  // An explicit override, for unusual layouts.
  if (auto Env = llvm::sys::Process::GetEnv("APPSEC_CLANG_RESOURCE_DIR"))
    if (hasBuiltinHeaders(*Env))
      return *Env;
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  if (!Exe.empty()) {
    llvm::SmallString<256> P(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
    llvm::sys::path::append(P, "lib", "clang", CLANG_VERSION_MAJOR_STRING);
    if (hasBuiltinHeaders(std::string(P)))
      return std::string(P);
  }
  if (hasBuiltinHeaders(APPSEC_CLANG_RESOURCE_DIR))
    return APPSEC_CLANG_RESOURCE_DIR;
  return "";
}

bool hasArgWithPrefix(const std::vector<std::string> &Args, const std::string &Prefix) {
  for (const std::string &A : Args)
    if (A.rfind(Prefix, 0) == 0)
      return true;
  return false;
}

} // namespace appsec
