//===- TaintFindingText.h - words for a taint finding -------------------===//
#pragma once

#include "lattice/Finding.h"

#include <string>
#include <utility>
#include <vector>

namespace appsec {

/// "untrusted network data from recv() reaches system(), which runs it as a
/// shell command" (the requirement clause is added by the check).
std::string taintMessage(const SinkFinding &F);

/// The notes that walk the path, source first; long paths keep both ends.
std::vector<std::pair<clang::SourceLocation, std::string>>
taintNotes(const SinkFinding &F, size_t MaxNotes = 10);

} // namespace appsec
