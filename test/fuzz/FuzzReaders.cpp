//===- FuzzReaders.cpp - the readers of user-supplied files, as fuzzed ---===//
#include "FuzzReaders.h"

#include "Baseline.h"
#include "GitDiff.h"
#include "Shards.h"

#include "models/ModelSet.h"
#include "reporting/FindingText.h"
#include "requirements/RequirementCatalog.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/MemoryBuffer.h"

#include <set>
#include <string>

namespace appsec::fuzz {

void readModels(std::string_view Data) {
  std::string Error;
  {
    ModelSet M;
    if (M.addFile(Data, "fuzz.json", Error)) {
      (void)M.labelNames();
      (void)M.size();
    }
  }
  // As AppSecModelFiles does it: a user file on top of the built-in models.
  ModelSet WithBuiltins(*ModelSet::builtin());
  if (WithBuiltins.addFile(Data, "fuzz.json", Error))
    (void)WithBuiltins.labelNames();
}

void readCatalog(std::string_view Data) {
  std::string Error;
  auto C = RequirementCatalog::parse(Data, "fuzz.json", Error);
  if (!C)
    return;
  for (const Requirement &R : C->requirements()) {
    (void)C->find(R.Id);
    (void)toString(R.Checkable);
    for (const std::string &Check : R.Checks)
      (void)findingText("message", *C, Check);
  }
  (void)findingText("message", *C, "appsec-unmapped");
}

void readScanConfig(std::string_view Data) {
  if (Data.empty())
    return;
  unsigned char Which = static_cast<unsigned char>(Data[0]) % 3;
  llvm::StringRef Rest(Data.data() + 1, Data.size() - 1);
  switch (Which) {
  case 0: { // --config, as ScanMain.cpp's buildOptions() reads it
    // parseConfiguration() with its YAML diagnostics (printed to stderr) dropped.
    auto Parsed = clang::tidy::parseConfigurationWithDiags(llvm::MemoryBufferRef(Rest, "fuzz.yaml"),
                                                           [](const llvm::SMDiagnostic &) {});
    if (!Parsed)
      return;
    clang::tidy::ClangTidyOptions Opts = clang::tidy::ClangTidyOptions::getDefaults();
    Opts.mergeWith(*Parsed, 0);
    (void)clang::tidy::configurationAsText(Opts);
    return;
  }
  case 1: { // --shard i/n
    scan::ShardSpec S;
    std::string Error;
    if (scan::parseShard(Rest, S, Error))
      for (size_t K = 0; K < 4; ++K)
        (void)scan::inShard(K, S);
    return;
  }
  default: { // git diff --unified=0 output, for --diff
    scan::ChangedLines Lines;
    scan::parseUnifiedDiff(Rest, "/nonexistent-appsec-fuzz", Lines);
    (void)Lines.fileCount();
    return;
  }
  }
}

void readBaseline(std::string_view Data) {
  std::set<std::string> Keys;
  std::string Error;
  (void)scan::parseBaseline(llvm::StringRef(Data.data(), Data.size()), "fuzz.sarif", Keys,
                            Error);
}

} // namespace appsec::fuzz
