//===- Worker.h - scan one translation unit with clang-tidy -------------===//
#pragma once

#include "clang-tidy/ClangTidyOptions.h"

#include <string>

namespace appsec::scan {

struct WorkerRequest {
  std::string Database;    ///< compile_commands.json (file)
  std::string File;        ///< the translation unit to scan
  std::string ResourceDir; ///< injected as -resource-dir unless the command has one
  clang::tidy::ClangTidyOptions Options; ///< checks, CheckOptions, header filter
};

/// Runs the configured checks over every compile command of Request.File in
/// Request.Database and writes the UnitResult as JSON to OutputPath.
/// Returns 0 on success (even with findings or compiler errors), 2 when the
/// database cannot be read or the output cannot be written.
int runWorker(const WorkerRequest &Request, const std::string &OutputPath);

} // namespace appsec::scan
