//===- ShellPrograms.h - is this program a command interpreter? ---------===//
#pragma once

#include "clang/AST/Expr.h"

namespace appsec {

/// True if \p Program is a string literal naming a shell ("/bin/sh", "bash",
/// ...): then the arguments of execl("/bin/sh", "sh", "-c", cmd) are code.
bool namesShell(const clang::Expr *Program);

} // namespace appsec
