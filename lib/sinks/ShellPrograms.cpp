#include "sinks/ShellPrograms.h"

#include "llvm/ADT/StringRef.h"

namespace appsec {

bool namesShell(const clang::Expr *Program) {
  if (!Program)
    return false;
  const auto *Lit = llvm::dyn_cast<clang::StringLiteral>(Program->IgnoreParenImpCasts());
  if (!Lit || Lit->getCharByteWidth() != 1)
    return false;
  llvm::StringRef Path = Lit->getString();
  llvm::StringRef Name = Path.rsplit('/').second.empty() ? Path : Path.rsplit('/').second;
  return Name == "sh" || Name == "bash" || Name == "dash" || Name == "zsh" ||
         Name == "ksh" || Name == "csh" || Name == "tcsh" || Name == "ash" ||
         Name == "busybox";
}

} // namespace appsec
