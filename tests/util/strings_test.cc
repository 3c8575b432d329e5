// Tests for the ASCII case-insensitive string helpers.
#include "util/strings.h"

#include <string>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(Strings, EqualsIgnoreCaseAtEveryLength) {
  for (std::size_t n = 0; n <= 40; ++n) {
    std::string a, b;
    for (std::size_t i = 0; i < n; ++i) {
      a += static_cast<char>('a' + i % 26);
      b += static_cast<char>('A' + i % 26);
    }
    EXPECT_TRUE(EqualsIgnoreCase(a, b)) << n;
    EXPECT_TRUE(EqualsIgnoreCase(b, a)) << n;
    for (std::size_t at = 0; at < n; ++at) {
      // One byte differs: by a letter, by the case bit on a non-letter ('@' vs '`'), by 0x80.
      for (char c : {'#', '@', '\xC1'}) {
        std::string x = a, y = b;
        x[at] = c;
        y[at] = c == '@' ? '`' : static_cast<char>(c ^ 0x20);
        EXPECT_FALSE(EqualsIgnoreCase(x, y)) << n << " " << at << " " << c;
        EXPECT_FALSE(EqualsIgnoreCase(a, y)) << n << " " << at;
      }
    }
  }
  EXPECT_FALSE(EqualsIgnoreCase("abc", "abcd"));
  EXPECT_TRUE(
      EqualsIgnoreCase("Microsoft.Storage/storageAccounts", "microsoft.storage/STORAGEACCOUNTS"));
  EXPECT_FALSE(
      EqualsIgnoreCase("Microsoft.Storage/storageAccounts", "microsoft.storage/storageAccount$"));
}

}  // namespace
}  // namespace armlint::internal
