//===- SummaryStore.h - function summaries that outlive a translation unit ===//
//
// A store is a directory of JSON files, one per translation unit, each
// holding the summaries of the functions that unit defines and the names of
// the functions it calls without seeing their bodies (its imports). A unit
// writes only its own file (atomically, through a rename), so parallel jobs
// never share a file; readers take every file of the directory.
//
// A function is keyed by its linkage name, the identity the linker itself
// uses to join a call in one unit with the definition in another (Itanium
// mangling; a C function's plain name). Summaries are stored without source
// locations of their own unit: a sink inside is kept as "file:line" text,
// which the caller's finding shows in its notes.
//
// A store that is missing, stale (another format version) or corrupt is
// never fatal: the unreadable parts are left out and one warning says so.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "summaries/FunctionSummary.h"

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace appsec {

/// The linkage name of \p FD, or "" if it has none other units could call
/// (internal linkage, a lambda, a dependent template).
std::string linkageKey(const clang::FunctionDecl *FD);
/// The linkage name of the global variable \p V, or "" if other units
/// cannot name it.
std::string linkageKey(const clang::VarDecl *V);

/// What one translation unit contributes to a store.
struct UnitSummaries {
  std::string MainFile;
  /// Summaries of the functions it defines, by linkage key.
  std::map<std::string, FunctionSummary> Functions;
  /// Validators and escapers inferred from the bodies of functions it
  /// defines (sanitizers/CharacterClass), by linkage key.
  std::map<std::string, FunctionModels> Models;
  /// Functions it defines whose bodies verify a token or check credentials
  /// (jwt/Verification's verdict), by linkage key.
  std::set<std::string> Verifying;
  /// Functions it called whose bodies it did not see, by linkage key.
  std::vector<std::string> Imports;
  /// It registers or defines request handlers.
  bool ServesRequests = false;
};

class SummaryStore {
public:
  /// The format; files of another version are skipped as stale.
  static constexpr int Version = 2; ///< 2: field inputs (bits 16..23)

  /// Reads every unit file of \p Dir. Never fails: a missing directory is an
  /// empty store; unreadable or stale files are skipped and named in
  /// \p Warning. Stores are cached per directory and re-read when a file in
  /// it changed.
  static std::shared_ptr<const SummaryStore> open(llvm::StringRef Dir, std::string &Warning);

  /// Writes \p U as \p Dir's file for its main file, replacing the unit's
  /// previous one. \p SM resolves the locations of sinks inside the unit.
  static bool write(llvm::StringRef Dir, const UnitSummaries &U,
                    const clang::SourceManager &SM, std::string &Error);

  /// The summary of the function with linkage key \p Key, or null.
  const FunctionSummary *find(llvm::StringRef Key) const;
  /// Whether its body verifies a token or checks credentials; nullopt if
  /// the store does not know the function.
  std::optional<bool> verifies(llvm::StringRef Key) const;
  /// Some unit of the store calls the function with linkage key \p Key
  /// without its body (defined elsewhere).
  bool isImported(llvm::StringRef Key) const { return Imported.count(Key) > 0; }
  /// Some unit of the store serves requests: the program is a service.
  bool anyUnitServesRequests() const { return ServesRequests; }
  /// The validators and escapers inferred from its body, or null.
  const FunctionModels *findModels(llvm::StringRef Key) const;
  size_t size() const { return Functions.size(); }

  /// What one unit file of a store holds, without interpreting it: each
  /// function's summary as text (to see which changed between two rounds of
  /// a scan) and the unit's imports.
  struct UnitRecord {
    std::string MainFile;
    std::map<std::string, std::string> Functions;
    std::vector<std::string> Imports;
    bool ServesRequests = false;
  };
  /// Every readable unit file of \p Dir, of this format version.
  static std::vector<UnitRecord> units(llvm::StringRef Dir);

  /// The file \p Dir keeps \p MainFile's summaries in.
  static std::string unitFile(llvm::StringRef Dir, llvm::StringRef MainFile);

private:
  std::map<std::string, FunctionSummary, std::less<>> Functions;
  std::map<std::string, FunctionModels, std::less<>> Models;
  std::set<std::string, std::less<>> Verifying;
  std::set<std::string, std::less<>> Imported;
  bool ServesRequests = false;
};

} // namespace appsec
