//===- Merge.h - `appsec-scan merge`: join the reports of shards --------===//
//
//   appsec-scan merge -o merged.sarif shard1.sarif shard2.sarif ...
//   appsec-scan merge --sarif=all.sarif --json=all.json 1.sarif 1.json 2.sarif 2.json
//
// Inputs are the SARIF logs or JSON reports of every shard of one scan
// (--shard i/n with the same n and configuration). The merged report equals,
// byte for byte, the report of the same scan run on one machine without
// --shard: the same result order, rules, rule indices, artifacts, failure
// notifications and summary. See docs/appsec-scan.md, "Sharding".
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>

namespace appsec::scan {

/// Whether the command line named the `merge` subcommand.
bool mergeRequested();

/// Runs `appsec-scan merge` with the parsed options. Exit status as for a
/// scan: 0 clean, 1 findings at or above --fail-on, 2 usage error, inputs
/// that are not the complete shards of one scan, or failed units.
int runMerge();

} // namespace appsec::scan
