//===- Finding.h - what one scan found, independent of output format ----===//
//
// Workers (one process per translation unit) write their diagnostics as JSON
// in this shape; the parent merges them, computes fingerprints, applies the
// baseline and renders text, JSON and SARIF from the same records.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace appsec::scan {

/// A position in a source file. Line and columns are 1-based; Column counts
/// bytes (as clang prints it), ColumnCp counts Unicode code points (SARIF).
struct Position {
  std::string File; ///< absolute, normalised path ("" if the diagnostic has none)
  unsigned Line = 0, Column = 0, ColumnCp = 0;
  unsigned EndColumnCp = 0; ///< exclusive end on the same line, 0 if unknown
  std::string LineText;     ///< the text of Line, without the newline
};

struct Note {
  std::string Message;
  Position Pos;
};

struct Finding {
  std::string Check;
  std::string Level; ///< "warning" or "error" (WarningsAsErrors)
  std::string Message;
  Position Pos;
  std::vector<Note> Notes;
  // Filled in by the parent:
  std::string Fingerprint;
};

/// The outcome of scanning one translation unit.
struct UnitResult {
  std::string File;             ///< the translation unit, absolute
  bool Ok = true;               ///< parsed without compiler errors, worker did not crash
  std::string FailureReason;    ///< one line, when !Ok
  std::vector<Note> Errors;     ///< compiler errors (clang-diagnostic-error)
  std::vector<Finding> Findings;
  /// Remarks of the checks about the analysis itself: a function whose
  /// analysis stopped at its work budget (findings in it may be missing).
  std::vector<Note> Notices;
  double Seconds = 0;
  /// The files the compiler read for it (main file and every header), by
  /// absolute path, with their content hashes (ScanCache); empty when they
  /// could not be recorded.
  std::map<std::string, std::string> Inputs;
  bool Reused = false; ///< taken from the last scan (ScanCache), not scanned
};

void to_json(nlohmann::json &J, const Position &P);
void from_json(const nlohmann::json &J, Position &P);
void to_json(nlohmann::json &J, const Note &N);
void from_json(const nlohmann::json &J, Note &N);
void to_json(nlohmann::json &J, const Finding &F);
void from_json(const nlohmann::json &J, Finding &F);

} // namespace appsec::scan
