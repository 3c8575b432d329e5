// Tests for Cat(), AppendCat() and MessageOf().
#include "util/str_cat.h"

#include <cstdint>
#include <string>
#include <string_view>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(StrCat, ConcatenatesStringsViewsCharsAndNumbers) {
  const std::string s = "str";
  const std::string_view v = "view";
  EXPECT_EQ(Cat(), "");
  EXPECT_EQ(Cat("lit", s, v, '!'), "litstrview!");
  EXPECT_EQ(Cat(42, " ", -7, " ", std::size_t{18446744073709551615u}, " ", std::int64_t{-9}),
            "42 -7 18446744073709551615 -9");
  EXPECT_EQ(Cat(1.5, " ", 0.1, " ", 2.0), "1.5 0.1 2");  // absl::StrCat's "%g" form
}

TEST(StrCat, AppendCatAppends) {
  std::string out = "a";
  AppendCat(out, "b", 1, 'c');
  EXPECT_EQ(out, "ab1c");
}

TEST(StrCat, MessageOfIsTheStatusMessage) {
  EXPECT_EQ(MessageOf(absl::InvalidArgumentError("bad 'x'")), "bad 'x'");
  EXPECT_EQ(MessageOf(absl::OkStatus()), "");
}

}  // namespace
}  // namespace armlint::internal
