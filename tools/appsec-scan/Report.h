//===- Report.h - merge per-unit results and render them ----------------===//
#pragma once

#include "Finding.h"

#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace appsec::scan {

class CatalogSelection;

/// One part of a sharded scan (--shard Index/Count); see Shards.h.
struct ShardInfo {
  unsigned Index = 0, Count = 0; ///< 1-based index
  size_t Units = 0;              ///< translation units in this shard
  size_t TotalUnits = 0;         ///< in all shards together
  std::string Configuration;     ///< digest of everything that shapes the results
};

/// What --diff left out.
struct DiffInfo {
  std::string Range;
  size_t OutsideDiff = 0;    ///< findings not on a changed line
  size_t UnchangedUnits = 0; ///< units not scanned: their main file has no changed line
};

struct ScanResult {
  std::string SourceRoot;          ///< absolute, normalised, no trailing '/'
  std::string Database;            ///< compile_commands.json used
  std::vector<UnitResult> Units;   ///< one per translation unit scanned
  std::vector<Finding> Findings;   ///< merged, de-duplicated, sorted, fingerprinted
  size_t SuppressedByBaseline = 0;
  double Seconds = 0;   ///< progress summary only: reports do not depend on the run
  unsigned Jobs = 1;    ///< progress summary only
  unsigned Rounds = 1;  ///< progress summary only: rounds of the summary store
  size_t Rescanned = 0; ///< progress summary only: units scanned again after round 1
  size_t Reused = 0;    ///< units whose findings were taken from the last scan
  std::optional<ShardInfo> Shard; ///< --shard i/n
  std::optional<DiffInfo> Diff;   ///< --diff <range>
};

/// Merges the units' findings (a header's finding seen from several units is
/// kept once: the copy whose notes sort first), sorts them by display path,
/// line, column, check and message, and computes their fingerprints.
void mergeFindings(ScanResult &R);

/// Whitespace-free text of a line: the part of the fingerprint that survives
/// re-indentation.
std::string normaliseLine(const std::string &Line);

/// "<16 hex digits>:<occurrence>": a hash of the check name and the normalised
/// text of the flagged line, and the occurrence index of that pair in the file.
std::string fingerprint(const std::string &Check, const std::string &LineText,
                        unsigned Occurrence);

/// Path relative to Root if the file lies under it, else the path unchanged.
std::string displayPath(const std::string &File, const std::string &Root);

/// The SARIF artifact URI of File: relative (with uriBaseId %SRCROOT%) when
/// under Root, else an absolute file:// URI. Sets Relative accordingly.
std::string artifactUri(const std::string &File, const std::string &Root, bool &Relative);

struct SarifOptions {
  std::string DocsBaseUrl; ///< where docs/ lives, e.g. https://github.com/o/r/blob/main/docs
  std::string ToolVersion;
  std::string Category;    ///< runAutomationDetails.id prefix, optional
  /// The catalogs the checks report against (rule tags, help); null = built-in.
  const CatalogSelection *Catalogs = nullptr;
};

void writeText(llvm::raw_ostream &OS, const ScanResult &R);
/// \p Catalogs gives each finding's "requirements" (null = the built-in catalog).
void writeJson(llvm::raw_ostream &OS, const ScanResult &R, const std::string &ToolVersion,
               const CatalogSelection *Catalogs = nullptr);
void writeSarif(llvm::raw_ostream &OS, const ScanResult &R, const SarifOptions &Opts);

} // namespace appsec::scan
