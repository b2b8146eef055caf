// The readers of user-supplied files over every input that once crashed, hung
// or tripped a sanitizer in one of them under libFuzzer (test/fuzz/regressions/
// <reader>/), and over the committed seed inputs (test/fuzz/seeds/<reader>/).
// Each reader must return; the fuzz targets run the same functions
// (test/fuzz/FuzzReaders.h). Tests of what the readers return for those
// inputs live next to each reader's other tests.
#include "FuzzReaders.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputsOf(const std::string &Reader) {
  std::vector<fs::path> Out;
  for (const char *Kind : {"regressions", "seeds"}) {
    fs::path Dir = fs::path(APPSEC_SOURCE_DIR) / "test" / "fuzz" / Kind / Reader;
    if (!fs::is_directory(Dir))
      continue;
    for (const auto &E : fs::directory_iterator(Dir))
      if (E.is_regular_file())
        Out.push_back(E.path());
  }
  std::sort(Out.begin(), Out.end());
  return Out;
}

std::string contents(const fs::path &P) {
  std::ifstream In(P, std::ios::binary);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

void replay(const std::string &Reader, void (*Read)(std::string_view)) {
  for (const fs::path &P : inputsOf(Reader)) {
    SCOPED_TRACE(P.string());
    Read(contents(P));
  }
}

} // namespace

TEST(ReaderRegressions, Models) { replay("models", appsec::fuzz::readModels); }
TEST(ReaderRegressions, Catalog) { replay("catalog", appsec::fuzz::readCatalog); }
TEST(ReaderRegressions, ScanConfig) { replay("scan-config", appsec::fuzz::readScanConfig); }
TEST(ReaderRegressions, Baseline) { replay("baseline", appsec::fuzz::readBaseline); }
