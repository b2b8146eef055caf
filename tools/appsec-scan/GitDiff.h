//===- GitDiff.h - the lines a git range changed, for --diff -------------===//
//
// `appsec-scan --diff <range>` reports only the findings whose primary line
// was added or modified by `git diff <range>`. See docs/appsec-scan.md.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Report.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace appsec::scan {

/// New-side line ranges of a diff, per file (absolute, real paths).
class ChangedLines {
public:
  /// Adds lines [First, First + Count) of File. Count 0 adds nothing.
  void add(const std::string &File, unsigned First, unsigned Count);
  /// Whether the diff added or modified Line of File (File is resolved with
  /// realPath first, so symlinked checkouts compare equal).
  bool contains(const std::string &File, unsigned Line) const;
  /// Whether the diff changed any line of File.
  bool touches(const std::string &File) const;
  size_t fileCount() const { return Ranges.size(); }

private:
  std::string realPath(const std::string &File) const;
  std::map<std::string, std::vector<std::pair<unsigned, unsigned>>> Ranges; // [first, last]
  mutable std::map<std::string, std::string> RealPaths;
};

/// Parses the output of `git diff --unified=0 --src-prefix=a/ --dst-prefix=b/`
/// (paths relative to TopLevel, C-quoted when git quotes them). Deleted files
/// and pure deletions add nothing; renamed files count under their new name.
void parseUnifiedDiff(llvm::StringRef Diff, const std::string &TopLevel, ChangedLines &Out);

/// Runs git in SourceRoot: finds the repository's top level and the lines
/// `git diff <Range>` changed. Range is one argument as git takes it:
/// `A..B`, `A...B` (from the merge base of A and B), or a single revision
/// (that revision against the working tree). Returns false with Error set
/// when git is missing, SourceRoot is not in a repository or git rejects
/// the range.
bool gitChangedLines(const std::string &SourceRoot, const std::string &Range,
                     ChangedLines &Out, std::string &Error);

/// Removes the findings whose primary line the diff did not change; returns
/// how many.
size_t keepChangedLines(ScanResult &R, const ChangedLines &Changed);

} // namespace appsec::scan
