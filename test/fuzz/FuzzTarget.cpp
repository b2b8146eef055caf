//===- FuzzTarget.cpp - one libFuzzer target per reader ------------------===//
// Built once per reader, with APPSEC_FUZZ_READER naming the function of
// FuzzReaders.h it drives (test/fuzz/CMakeLists.txt).
#include "FuzzReaders.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  appsec::fuzz::APPSEC_FUZZ_READER(std::string_view(reinterpret_cast<const char *>(Data), Size));
  return 0;
}
