//===- FuzzReaders.h - the readers of user-supplied files, as fuzzed -----===//
//
// One function per reader of files a user (or a CI job) hands appsec-tidy.
// Each takes arbitrary bytes and must return normally: an error message is
// fine, a crash, a hang or a sanitizer report is a bug. The libFuzzer targets
// (FuzzTarget.cpp, -DAPPSEC_FUZZ=ON) and the GoogleTest ReaderRegressionTest
// (every build) call the same functions, so an input that once broke a reader
// is replayed in normal CI.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string_view>

namespace appsec::fuzz {

/// A model file (docs/models.md), alone and on top of the built-in models.
void readModels(std::string_view Data);

/// A requirement catalog (docs/requirements.md), and the requirement clauses
/// the checks' messages take from it.
void readCatalog(std::string_view Data);

/// appsec-scan's configuration inputs. The first byte picks the reader, the
/// rest is its input: 0 the --config file (clang-tidy YAML or JSON, read as
/// appsec-scan reads it), 1 the --shard value, 2 the output of git diff that
/// --diff parses.
void readScanConfig(std::string_view Data);

/// A --baseline file: an earlier appsec-scan SARIF log or JSON report.
void readBaseline(std::string_view Data);

} // namespace appsec::fuzz
