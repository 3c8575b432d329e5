// Tests the eight-bytes-at-a-time scanners against byte-at-a-time definitions, at every
// position of a word and across word boundaries.
#include "util/swar.h"

#include <string>

#include "gtest/gtest.h"

namespace armlint::internal::swar {
namespace {

bool IsJsonSpecial(unsigned char c) { return c < 0x20 || c >= 0x80 || c == '"' || c == '\\'; }

TEST(Swar, FindJsonSpecialFindsEachKindAtEveryOffset) {
  for (int special : {0x00, 0x01, 0x1f, int{'"'}, int{'\\'}, 0x80, 0xc3, 0xff}) {
    for (std::size_t at = 0; at < 20; ++at) {
      std::string s(20, 'a');
      s[at] = static_cast<char>(special);
      EXPECT_EQ(FindJsonSpecial(s, 0), at) << "byte " << special << " at " << at;
      EXPECT_EQ(FindJsonSpecial(s, at + 1), s.size());
    }
  }
}

TEST(Swar, FindJsonSpecialPassesOverPlainBytes) {
  // Every byte a JSON string holds as it is, including the neighbours of the special ones.
  std::string plain;
  for (int c = 0; c < 256; ++c) {
    if (!IsJsonSpecial(static_cast<unsigned char>(c))) plain += static_cast<char>(c);
  }
  EXPECT_EQ(FindJsonSpecial(plain, 0), plain.size());
  // The lowest of several specials in one word, as a borrow could mark bytes above it.
  const std::string two = std::string("ab") + '\x01' + '\x00' + "cdefgh";
  EXPECT_EQ(FindJsonSpecial(two, 0), 2u);
  EXPECT_EQ(FindJsonSpecial(two, 3), 3u);
  EXPECT_EQ(FindJsonSpecial(two, 4), two.size());
}

TEST(Swar, FindFirstOfMatchesAByteLoop) {
  const std::string s = "abc(def'gh)ijklmnopq(rstuvwxyz'";
  for (std::size_t from = 0; from <= s.size(); ++from) {
    std::size_t want = s.find_first_of("'(", from);
    if (want == std::string::npos) want = s.size();
    EXPECT_EQ(FindFirstOf(s, from, '\'', '(', '('), want) << "from " << from;
  }
}

}  // namespace
}  // namespace armlint::internal::swar
