//===- ScanCache.cpp - what the last scan found, and what it depended on -===//
#include "ScanCache.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;

namespace appsec::scan {

namespace {

/// Entries of another layout are ignored (the unit is scanned again).
constexpr int CacheVersion = 1;

std::string hex64(uint64_t V) { return utohexstr(V, /*LowerCase=*/true, /*Width=*/16); }

} // namespace

std::string contentHash(StringRef Path) {
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  return Buf ? hex64(xxh3_64bits((*Buf)->getBuffer())) : std::string();
}

std::string scanIdentity(const std::string &Executable, const std::string &ToolVersion,
                         const std::string &OptionsText,
                         const std::map<std::string, std::string> &CheckOptions,
                         const std::string &ResourceDir) {
  std::string Text;
  raw_string_ostream OS(Text);
  OS << "appsec-scan " << ToolVersion << "\nLLVM " << LLVM_VERSION_STRING << "\n"
     << contentHash(Executable) << "\n"
     << ResourceDir << "\n"
     << OptionsText << "\n";
  // Files an option names (model files, catalogs) shape every finding.
  for (const auto &[Key, Value] : CheckOptions) {
    SmallVector<StringRef, 4> Items;
    SplitString(Value, Items, ",;");
    for (StringRef Item : Items)
      if (sys::fs::is_regular_file(Item.trim()))
        OS << Key << ": " << Item.trim() << " " << contentHash(Item.trim()) << "\n";
  }
  return hex64(xxh3_64bits(Text));
}

ScanCache::ScanCache(std::string Dir, std::string Identity)
    : Dir(std::move(Dir)), Identity(std::move(Identity)) {}

std::string ScanCache::entryPath(const std::string &File) const {
  SHA1 H;
  H.update(File);
  SmallString<256> P(Dir);
  sys::path::append(P, toHex(H.final()).substr(0, 16) + "-" + sys::path::filename(File).str() +
                           ".json");
  return std::string(P);
}

const std::string &ScanCache::hashOf(const std::string &Path) {
  auto It = Hashes.find(Path);
  if (It == Hashes.end())
    It = Hashes.emplace(Path, contentHash(Path)).first;
  return It->second;
}

namespace {

/// The summaries \p File imports, as they are in \p Store: key -> hash of
/// the summary's text ("" for a function the store does not know).
nlohmann::json importedSummaries(const std::string &File, const StoreSnapshot &Store) {
  nlohmann::json J = nlohmann::json::object();
  auto It = Store.Imports.find(realPath(File));
  if (It == Store.Imports.end())
    return J;
  for (const std::string &Key : It->second) {
    auto F = Store.Functions.find(Key);
    J[Key] = F == Store.Functions.end() ? std::string() : hex64(xxh3_64bits(F->second));
  }
  return J;
}

} // namespace

std::optional<UnitResult> ScanCache::reuse(const std::string &File, const std::string &Commands,
                                           const StoreSnapshot &Store) {
  auto Buf = MemoryBuffer::getFile(entryPath(File));
  if (!Buf)
    return std::nullopt;
  nlohmann::json J =
      nlohmann::json::parse((*Buf)->getBuffer().begin(), (*Buf)->getBuffer().end(), nullptr, false);
  try {
    if (!J.is_object() || J.value("version", 0) != CacheVersion ||
        J.value("identity", "") != Identity || J.value("file", "") != File ||
        J.value("commands", "") != Commands ||
        J.value("programServes", false) != !Store.Serving.empty() ||
        J.value("inStore", false) != (Store.Imports.count(realPath(File)) > 0))
      return std::nullopt;
    const nlohmann::json &Inputs = J.at("inputs");
    if (!Inputs.is_object() || Inputs.empty())
      return std::nullopt;
    for (const auto &[Path, Hash] : Inputs.items())
      if (Hash.get<std::string>() != hashOf(Path) || Hash.get<std::string>().empty())
        return std::nullopt;
    // Every import the unit had must still have the summary it had. (The
    // store's list is the one the unit wrote when it was scanned.)
    if (J.at("imports") != importedSummaries(File, Store))
      return std::nullopt;
    UnitResult U;
    U.File = File;
    U.Findings = J.at("findings").get<std::vector<Finding>>();
    U.Notices = J.at("notices").get<std::vector<Note>>();
    U.Inputs = Inputs.get<std::map<std::string, std::string>>();
    U.Reused = true;
    return U;
  } catch (const std::exception &) {
    return std::nullopt;
  }
}

void ScanCache::remember(const UnitResult &U, const std::string &Commands,
                         const StoreSnapshot &Store) {
  if (!U.Ok || U.Inputs.empty()) {
    forget(U.File);
    return;
  }
  nlohmann::json J = {{"schema", "appsec-scan/unit-cache"},
                      {"version", CacheVersion},
                      {"identity", Identity},
                      {"file", U.File},
                      {"commands", Commands},
                      {"programServes", !Store.Serving.empty()},
                      // Its own summaries: a unit whose file left the store
                      // must be scanned again to put it back.
                      {"inStore", Store.Imports.count(realPath(U.File)) > 0},
                      {"inputs", U.Inputs},
                      {"imports", importedSummaries(U.File, Store)},
                      {"findings", U.Findings},
                      {"notices", U.Notices}};
  if (sys::fs::create_directories(Dir))
    return; // no cache: the next scan scans everything, as without one
  std::string Path = entryPath(U.File);
  SmallString<256> Tmp;
  int FD = -1;
  if (sys::fs::createUniqueFile(Path + ".%%%%%%.tmp", FD, Tmp))
    return;
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << J.dump();
  }
  if (sys::fs::rename(Tmp, Path))
    sys::fs::remove(Tmp);
}

void ScanCache::forget(const std::string &File) { sys::fs::remove(entryPath(File)); }

} // namespace appsec::scan
