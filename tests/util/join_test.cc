// Tests for Join().
#include "util/join.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(Join, SeparatesParts) {
  EXPECT_EQ(Join(std::vector<std::string>{}, ", "), "");
  EXPECT_EQ(Join(std::vector<std::string>{"a"}, ", "), "a");
  EXPECT_EQ(Join(std::vector<std::string>{"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_EQ(Join(std::vector<std::string_view>{"x", "", "y"}, "/"), "x//y");
  EXPECT_EQ(Join(std::array<int, 3>{1, 2, 3}, "-"), "1-2-3");
}

TEST(Join, LastSeparator) {
  const std::vector<std::string> three = {"a string", "an array", "null"};
  EXPECT_EQ(Join(three, ", ", " or "), "a string, an array or null");
  EXPECT_EQ(Join(std::vector<std::string>{"a", "b"}, ", ", " or "), "a or b");
  EXPECT_EQ(Join(std::vector<std::string>{"a"}, ", ", " or "), "a");
}

}  // namespace
}  // namespace armlint::internal
