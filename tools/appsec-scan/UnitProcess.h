//===- UnitProcess.h - one translation unit in a worker process ---------===//
//
// appsec-scan runs every translation unit in a process of its own (a crash
// or hang in one never takes the scan down) and, for cross-unit summaries,
// in rounds: the first scans every unit and writes its summaries to the
// store; each later round scans again only the units that call a function
// whose summary changed, until nothing changes or the rounds run out.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Finding.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace appsec::scan {

/// How to start a worker: everything but the unit.
struct WorkerCommand {
  std::string Self;        ///< this executable
  std::string Database;    ///< compile_commands.json
  std::string TmpDir;      ///< where the worker's output and log go
  std::string ResourceDir; ///< clang's resource directory, or ""
  std::vector<std::string> PassOn; ///< --checks=..., --config=..., --summaries=...
  unsigned TimeoutSeconds = 0;     ///< 0: none
};

/// Scans \p File (unit number \p Index, for file names) in a worker process
/// and reads its result; a crash, time-out or unreadable result is a failed
/// unit with the reason.
UnitResult runUnit(const WorkerCommand &Cmd, const std::string &File, size_t Index);

/// The units of \p Files (indices) to scan again after a round: those that
/// call a function whose summary in the store \p Dir differs from
/// \p Before (a snapshot taken with storeSnapshot before the round), and,
/// when the program turned out to serve requests (or no longer does), those
/// without request handlers of their own: whether local input counts
/// depends on it (the checks' Sources: auto).
struct StoreSnapshot {
  std::map<std::string, std::string> Functions; ///< linkage key -> summary text
  std::map<std::string, std::vector<std::string>> Imports; ///< real path -> keys
  std::set<std::string> Serving; ///< real paths of units with request handlers
};
StoreSnapshot storeSnapshot(const std::string &Dir);
/// \p Path with symbolic links resolved (the store's name of a unit), or
/// \p Path itself if it does not exist.
std::string realPath(const std::string &Path);
std::vector<size_t> unitsToRescan(const StoreSnapshot &Before, const StoreSnapshot &After,
                                  const std::vector<std::string> &Files);

} // namespace appsec::scan
