//===- Baseline.h - earlier findings to leave out (--baseline) ----------===//
//
// A baseline is an earlier appsec-scan SARIF log or JSON report. A finding is
// in it when its check, its file (relative to the source root, or absolute
// outside it) and its fingerprint all match; fingerprints hold no line
// number, so findings moved by edits elsewhere still match.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Report.h"

#include "llvm/ADT/StringRef.h"

#include <set>
#include <string>

namespace appsec::scan {

/// Keys of the findings in an appsec-scan SARIF log or JSON report.
bool loadBaseline(const std::string &Path, std::set<std::string> &Keys,
                  std::string &Error);
/// The same for the text of one (\p Path names it in the error message).
bool parseBaseline(llvm::StringRef Text, const std::string &Path, std::set<std::string> &Keys,
                   std::string &Error);
/// DisplayPath is the finding's path as the reports show it (displayPath()).
std::string baselineKey(const std::string &RuleId, const std::string &DisplayPath,
                        const std::string &Fingerprint);
/// Removes the findings whose key is in Keys; returns how many.
size_t applyBaseline(ScanResult &R, const std::set<std::string> &Keys);

/// The inverse of artifactUri(): the display path of a SARIF artifact URI
/// ("src/a%20b.cpp" -> "src/a b.cpp", "file:///x/y.h" -> "/x/y.h").
std::string displayPathOfUri(const std::string &Uri);

} // namespace appsec::scan
