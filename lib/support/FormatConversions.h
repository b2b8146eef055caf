//===- FormatConversions.h - which conversion formats each argument ------===//
//
// printf-like formats (C's, and sqlite3's with %q, %Q, %w, %z): the
// conversion letter that consumes each argument after the format, in order;
// a `*` width or precision consumes an argument of its own (reported as '*').
// "%%" consumes nothing.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <vector>

namespace appsec {

std::vector<char> formatConversions(llvm::StringRef Format);

} // namespace appsec
