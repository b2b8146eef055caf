//===- ResourceDir.h - find Clang's builtin headers for our binaries ----===//
//
// Clang locates its resource directory (stddef.h, stdarg.h, ...) relative to
// the running executable: <bin>/../lib/clang/<major>. appsec-tidy and
// appsec-clangd are installed wherever the user likes, so they look there
// first and fall back to the resource directory of the Clang they were built
// against.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

namespace appsec {

/// The resource directory to use for the executable \p Argv0 (may be empty
/// if none exists).
std::string findResourceDir(const char *Argv0);

/// True if any of \p Args starts with \p Prefix.
bool hasArgWithPrefix(const std::vector<std::string> &Args, const std::string &Prefix);

} // namespace appsec
