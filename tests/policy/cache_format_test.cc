// Tests for the policy cache's building blocks (policy/cache_format.h): the hash that checks a
// cache's index, payloads and sources.
#include "policy/cache_format.h"

#include <set>
#include <string>

#include "gtest/gtest.h"

#include "util/hash.h"

namespace armlint::internal::cache_format {
namespace {

// Every one-byte change of texts from 0 to 100 bytes, at every position, changes the hash, and
// so do the lanes' blocks swapped and a byte moved to the end.
TEST(CacheFormat, Hash64SeesEveryByteAndTheOrderOfBlocks) {
  std::set<std::uint64_t> seen;
  for (std::size_t n = 0; n <= 100; ++n) {
    std::string text(n, 'q');
    for (std::size_t i = 0; i < n; ++i) text[i] = static_cast<char>('a' + (i * 7) % 26);
    const std::uint64_t h = Hash64(text);
    EXPECT_TRUE(seen.insert(h).second) << "length " << n;  // lengths differ, hashes too
    for (std::size_t i = 0; i < n; ++i) {
      std::string changed = text;
      changed[i] ^= 1;
      EXPECT_NE(Hash64(changed), h) << "length " << n << ", byte " << i;
    }
  }
  std::string blocks = std::string(16, 'a') + std::string(16, 'b') + std::string(16, 'c');
  std::string swapped = std::string(16, 'b') + std::string(16, 'a') + std::string(16, 'c');
  std::string rotated = std::string(16, 'c') + std::string(16, 'b') + std::string(16, 'a');
  EXPECT_NE(Hash64(blocks), Hash64(swapped));
  EXPECT_NE(Hash64(blocks), Hash64(rotated));
  EXPECT_NE(Hash64(std::string(31, 'x') + "y"), Hash64("y" + std::string(31, 'x')));
}

TEST(CacheFormat, Hash64IsTheSameForTheSameBytesWhereverTheyAre) {
  std::string a = "  {\"field\": \"location\", \"equals\": \"westeurope\"}  ";
  std::string b = a;  // another buffer, another alignment below
  EXPECT_EQ(Hash64(a), Hash64(b));
  EXPECT_EQ(Hash64(std::string_view(a).substr(1)), Hash64(std::string_view(b).substr(1)));
  EXPECT_EQ(Hex64(Hash64("")).size(), 16u);
}

}  // namespace
}  // namespace armlint::internal::cache_format
