//===- Shards.cpp - split a scan over machines (--shard i/n) ------------===//
#include "Shards.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA1.h"

namespace appsec::scan {

bool parseShard(llvm::StringRef Text, ShardSpec &Out, std::string &Error) {
  auto Fail = [&](const std::string &Why) {
    Error = "invalid --shard '" + Text.str() + "': " + Why;
    return false;
  };
  auto [I, N] = Text.split('/');
  if (N.empty() || I.empty() || !llvm::all_of(I, llvm::isDigit) || !llvm::all_of(N, llvm::isDigit))
    return Fail("expected i/n, e.g. 1/4 (the first of four shards)");
  unsigned Index = 0, Count = 0;
  if (I.getAsInteger(10, Index) || N.getAsInteger(10, Count) || Count > 10000)
    return Fail("n must be between 1 and 10000");
  if (Count == 0)
    return Fail("n must be at least 1");
  if (Index == 0 || Index > Count)
    return Fail("i counts from 1 to n");
  Out.Index = Index;
  Out.Count = Count;
  return true;
}

std::string configurationDigest(const std::vector<std::string> &Parts) {
  llvm::SHA1 H;
  for (const std::string &P : Parts) {
    H.update(std::to_string(P.size()));
    H.update(llvm::ArrayRef<uint8_t>{0});
    H.update(P);
  }
  auto Digest = H.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest.data(), 8), /*LowerCase=*/true);
}

} // namespace appsec::scan
