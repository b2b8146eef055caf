#include "sanitizers/CharacterClass.h"

#include <gtest/gtest.h>

#include <cctype>

using namespace appsec;

namespace {

std::bitset<256> allowed(bool (*Keep)(int)) {
  std::bitset<256> A;
  for (int C = 1; C < 256; ++C)
    A[C] = Keep(C);
  return A;
}

} // namespace

TEST(CharacterClass, AlphanumericIsSafeEverywhere) {
  CategoryMask M = categoriesSafeFor(allowed([](int C) { return C < 128 && isalnum(C) != 0; }));
  for (SinkCategory Cat : {SinkCategory::Command, SinkCategory::Sql, SinkCategory::Path,
                           SinkCategory::FormatString, SinkCategory::Xss, SinkCategory::Header,
                           SinkCategory::Redirect, SinkCategory::Ssrf, SinkCategory::JwtKey})
    EXPECT_TRUE(M & maskOf(Cat)) << categoryKey(Cat);
  EXPECT_FALSE(M & maskOf(SinkCategory::JwtClaim)) << "only a verification makes claims safe";
}

TEST(CharacterClass, EachDangerousCharacterCostsItsCategories) {
  auto with = [](char Extra) {
    std::bitset<256> A;
    for (int C = 1; C < 128; ++C)
      A[C] = isalnum(C) != 0 || C == Extra;
    return categoriesSafeFor(A);
  };
  EXPECT_FALSE(with(' ') & maskOf(SinkCategory::Command));
  EXPECT_FALSE(with(';') & maskOf(SinkCategory::Sql));
  EXPECT_FALSE(with('.') & maskOf(SinkCategory::Path));
  EXPECT_TRUE(with('.') & maskOf(SinkCategory::Command));
  EXPECT_FALSE(with('%') & maskOf(SinkCategory::FormatString));
  EXPECT_FALSE(with('<') & maskOf(SinkCategory::Xss));
  EXPECT_FALSE(with('\n') & maskOf(SinkCategory::Header));
  EXPECT_FALSE(with(':') & maskOf(SinkCategory::Redirect));
  EXPECT_TRUE(with('-') & maskOf(SinkCategory::Command));
  EXPECT_TRUE(with('_') & maskOf(SinkCategory::Path));
}

TEST(CharacterClass, BytesAboveAsciiAreNotJudged) {
  std::bitset<256> A;
  for (int C = 1; C < 256; ++C)
    A[C] = C >= 128 || isalnum(C);
  CategoryMask M = categoriesSafeFor(A);
  EXPECT_FALSE(M & maskOf(SinkCategory::Command));
  EXPECT_FALSE(M & maskOf(SinkCategory::Path));
  EXPECT_TRUE(M & maskOf(SinkCategory::FormatString));
}
