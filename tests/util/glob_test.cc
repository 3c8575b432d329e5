// Tests for glob matching.
#include "util/glob.h"

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(Glob, StarsQuestionMarksAndDoubleStars) {
  struct {
    const char* pattern;
    const char* text;
    bool match;
  } cases[] = {
      {"*.json", "main.json", true},
      {"*.json", "dir/main.json", false},
      {"**/*.json", "dir/main.json", true},
      {"**/*.json", "main.json", true},
      {"legacy/**", "legacy/a/b.json", true},
      {"legacy/**", "other/a.json", false},
      {"st?", "st1", true},
      {"st?", "st12", false},
      {"a*b*c", "axxbyyc", true},
      {"a*b*c", "axxbyy", false},
      {"", "", true},
      {"x", "", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(GlobMatch(c.pattern, c.text), c.match) << c.pattern << " ~ " << c.text;
  }
}

TEST(Glob, IgnoreCase) {
  EXPECT_TRUE(GlobMatch("Microsoft.Storage/*", "microsoft.storage/storageAccounts", true));
  EXPECT_FALSE(GlobMatch("Microsoft.Storage/*", "microsoft.storage/storageAccounts", false));
}

}  // namespace
}  // namespace armlint::internal
