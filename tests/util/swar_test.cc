// Tests for the eight-bytes-at-a-time scanning helpers, against byte-at-a-time references.
#include "util/swar.h"

#include <string>

#include "gtest/gtest.h"

#include "util/strings.h"  // AsciiLower, the reference

namespace armlint::internal {
namespace {

TEST(Swar, FindFirstOfOneTwoAndThreeBytes) {
  const std::string s = "[concat('a(b', parameters('x'))]";
  EXPECT_EQ(swar::FindFirstOf(s, 0, '\''), s.find('\''));
  EXPECT_EQ(swar::FindFirstOf(s, 9, '\''), s.find('\'', 9));
  EXPECT_EQ(swar::FindFirstOf(s, 0, '\'', '('), s.find_first_of("'("));
  EXPECT_EQ(swar::FindFirstOf(s, 8, '\'', '('), s.find_first_of("'(", 8));
  EXPECT_EQ(swar::FindFirstOf(s, 0, ']', ')', ','), s.find_first_of("]),"));
  EXPECT_EQ(swar::FindFirstOf(s, 0, '#'), s.size());
  EXPECT_EQ(swar::FindFirstOf(s, s.size(), '\''), s.size());
  // Every position of a hit, also in the tail shorter than a word.
  for (std::size_t n = 0; n <= 20; ++n) {
    std::string t(n, 'a');
    for (std::size_t at = 0; at < n; ++at) {
      t[at] = '(';
      EXPECT_EQ(swar::FindFirstOf(t, 0, '\'', '('), at) << n << " " << at;
      t[at] = 'a';
    }
    EXPECT_EQ(swar::FindFirstOf(t, 0, '\'', '('), n);
  }
}

TEST(Swar, LowerAsciiLowersCapitalsOnly) {
  // Every byte value, eight at a time, in each position of the word.
  for (int base = 0; base < 256; base += 8) {
    char in[8], want[8];
    for (int k = 0; k < 8; ++k) {
      in[k] = static_cast<char>(base + k);
      want[k] = AsciiLower(in[k]);
    }
    std::uint64_t got = swar::LowerAscii(swar::Load8(in));
    EXPECT_EQ(got, swar::Load8(want)) << base;
  }
}

bool IsJsonSpecial(unsigned char c) { return c < 0x20 || c >= 0x80 || c == '"' || c == '\\'; }

TEST(Swar, FindJsonSpecialFindsEachKindAtEveryOffset) {
  for (int special : {0x00, 0x01, 0x1f, int{'"'}, int{'\\'}, 0x80, 0xc3, 0xff}) {
    for (std::size_t at = 0; at < 20; ++at) {
      std::string s(20, 'a');
      s[at] = static_cast<char>(special);
      EXPECT_EQ(swar::FindJsonSpecial(s, 0), at) << "byte " << special << " at " << at;
      EXPECT_EQ(swar::FindJsonSpecial(s, at + 1), s.size());
    }
  }
}

TEST(Swar, FindJsonSpecialPassesOverPlainBytes) {
  // Every byte a JSON string holds as it is, including the neighbours of the special ones.
  std::string plain;
  for (int c = 0; c < 256; ++c) {
    if (!IsJsonSpecial(static_cast<unsigned char>(c))) plain += static_cast<char>(c);
  }
  EXPECT_EQ(swar::FindJsonSpecial(plain, 0), plain.size());
  // The lowest of several specials in one word, as a borrow could mark bytes above it.
  const std::string two = std::string("ab") + '\x01' + '\x00' + "cdefgh";
  EXPECT_EQ(swar::FindJsonSpecial(two, 0), 2u);
  EXPECT_EQ(swar::FindJsonSpecial(two, 3), 3u);
  EXPECT_EQ(swar::FindJsonSpecial(two, 4), two.size());
}

}  // namespace
}  // namespace armlint::internal
