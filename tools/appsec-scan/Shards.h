//===- Shards.h - split a scan over machines (--shard i/n) --------------===//
//
// The translation units are sorted by their display path (relative to the
// source root) and dealt round-robin: the k-th unit (0-based) goes to shard
// (k mod n) + 1. Every unit is in exactly one shard, shard sizes differ by at
// most one, and the split depends only on the unit list, not on the machine.
// `appsec-scan merge` (Merge.h) joins the shards' reports.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace appsec::scan {

struct ShardSpec {
  unsigned Index = 0, Count = 0; ///< 1 <= Index <= Count
};

/// Parses "i/n" (decimal, 1 <= i <= n <= 10000).
bool parseShard(llvm::StringRef Text, ShardSpec &Out, std::string &Error);

/// Whether the K-th unit (0-based, in sorted order) belongs to the shard.
inline bool inShard(size_t K, const ShardSpec &S) { return K % S.Count + 1 == S.Index; }

/// A digest (16 hex digits) of Parts: the scan's configuration, so that the
/// merge can refuse shards of different scans.
std::string configurationDigest(const std::vector<std::string> &Parts);

} // namespace appsec::scan
