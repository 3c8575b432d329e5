// Tests for UTF-8 validation, repair and code point counts.
#include "util/utf8.h"

#include <string>
#include <string_view>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(Utf8, WellFormedSequences) {
  struct Case {
    std::string_view s;
    std::size_t length;
  } const kCases[] = {
      {"a", 1},
      {"\xC2\x80", 2},          // U+0080, the first two-byte code point
      {"\xC3\xA9x", 2},         // é
      {"\xE0\xA0\x80", 3},      // U+0800
      {"\xED\x9F\xBF", 3},      // U+D7FF, just below the surrogates
      {"\xEF\xBF\xBD", 3},      // U+FFFD
      {"\xF0\x90\x80\x80", 4},  // U+10000
      {"\xF4\x8F\xBF\xBF", 4},  // U+10FFFF, the last code point
  };
  for (const Case& c : kCases) {
    const Utf8Sequence seq = CheckUtf8(c.s);
    EXPECT_EQ(seq.problem, Utf8Problem::kNone) << c.s;
    EXPECT_EQ(seq.length, c.length) << c.s;
  }
}

TEST(Utf8, IllFormedSequences) {
  struct Case {
    std::string_view s;
    Utf8Problem problem;
  } const kCases[] = {
      {"\x80", Utf8Problem::kBadByte},              // a lone continuation byte
      {"\xC0\xAF", Utf8Problem::kBadByte},          // C0/C1 only start overlongs
      {"\xF5\x80\x80\x80", Utf8Problem::kBadByte},  // above U+10FFFF by lead byte
      {"\xC3"
       "a",
       Utf8Problem::kBadByte},                                  // not a continuation byte
      {"\xE2\x82", Utf8Problem::kTruncated},                    // text ends inside
      {"\xE0\x80\xAF", Utf8Problem::kOverlongOrSurrogate},      // overlong '/'
      {"\xED\xA0\x80", Utf8Problem::kOverlongOrSurrogate},      // U+D800
      {"\xF0\x8F\xBF\xBF", Utf8Problem::kOverlongOrSurrogate},  // overlong U+FFFF
      {"\xF4\x90\x80\x80", Utf8Problem::kOverlongOrSurrogate},  // U+110000
  };
  for (const Case& c : kCases) {
    const Utf8Sequence seq = CheckUtf8(c.s);
    EXPECT_EQ(seq.problem, c.problem) << testing::PrintToString(std::string(c.s));
    EXPECT_EQ(seq.length, 0u);
    EXPECT_FALSE(IsValidUtf8(c.s));
  }
}

TEST(Utf8, RepairReplacesEachBadByte) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain \xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80"));
  EXPECT_EQ(ValidUtf8("ok \xC3\xA9"), "ok \xC3\xA9");
  EXPECT_EQ(ValidUtf8("a\xFF"
                      "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(ValidUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(ValidUtf8("end\xE2\x82"), "end\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(ValidUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");           // overlong '/'
  EXPECT_EQ(ValidUtf8("\xF4\x90\x80\x80").substr(0, 3), "\xEF\xBF\xBD");  // > U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(Utf8, CountsCodePoints) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("\xC3\xA9t\xC3\xA9"), 3u);
  EXPECT_EQ(CountCodePoints("\xF0\x9F\x98\x80!"), 2u);
}

}  // namespace
}  // namespace armlint::internal
