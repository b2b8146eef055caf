//===- ScanCache.h - what the last scan found, and what it depended on ---===//
//
// An incremental scan: a unit's findings depend only on the tool and its
// options, the unit's compile commands, the contents of every file the
// compiler read for it, and the summaries (in the store) of the functions it
// calls without seeing their bodies. The cache keeps, per unit, its last
// result together with a hash of each of those; a re-scan takes the result
// back when all of them are as they were, and scans the unit otherwise. The
// rounds of the summary store (UnitProcess.h) then scan the remembered units
// again whose callees' summaries the changed units altered.
//
// The cache is a directory inside the summary store (<store>/scanned), one
// JSON file per unit, written through a rename. A missing, stale or corrupt
// entry only means the unit is scanned again.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Finding.h"
#include "UnitProcess.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>

namespace appsec::scan {

/// The xxh3 hash of a file's contents in hex, or "" if it cannot be read.
std::string contentHash(llvm::StringRef Path);

class ScanCache {
public:
  /// Entries in \p Dir; \p Identity names what every unit's result depends
  /// on besides its own inputs (scanIdentity).
  ScanCache(std::string Dir, std::string Identity);

  /// The remembered result of \p File, if it was computed with the same
  /// identity and compile commands (\p Commands) from files whose contents
  /// are unchanged, against the same summaries of the functions it imports
  /// and the same answer to "does the program serve requests" as \p Store
  /// gives now.
  std::optional<UnitResult> reuse(const std::string &File, const std::string &Commands,
                                  const StoreSnapshot &Store);

  /// Remembers \p U, scanned with \p Commands, against \p Store as it is at
  /// the end of the scan. A unit without recorded inputs is forgotten.
  void remember(const UnitResult &U, const std::string &Commands, const StoreSnapshot &Store);
  void forget(const std::string &File);

private:
  std::string entryPath(const std::string &File) const;
  const std::string &hashOf(const std::string &Path);

  std::string Dir, Identity;
  std::map<std::string, std::string> Hashes; ///< per path, computed once per scan
};

/// What every unit's result depends on besides its own inputs: the tool
/// (version, LLVM version, the executable's contents), the clang-tidy
/// options as text, clang's resource directory and the contents of every
/// file a check option names (model files, catalogs).
std::string scanIdentity(const std::string &Executable, const std::string &ToolVersion,
                         const std::string &OptionsText,
                         const std::map<std::string, std::string> &CheckOptions,
                         const std::string &ResourceDir);

} // namespace appsec::scan
