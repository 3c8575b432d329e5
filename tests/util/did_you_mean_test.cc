// Tests for the edit distance and "did you mean" suggestions.
#include "util/did_you_mean.h"

#include <string_view>
#include <vector>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(DidYouMean, EditDistance) {
  struct Case {
    std::string_view a, b;
    std::size_t want;
  } const kCases[] = {
      {"", "", 0},
      {"", "abc", 3},
      {"abc", "", 3},
      {"kitten", "sitting", 3},
      {"concat", "concatt", 1},
      {"problme", "problem", 2},
      {"toLower", "TOLOWER", 0},  // ASCII case-insensitive
      {"flaw", "lawn", 2},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(EditDistance(c.a, c.b), c.want) << c.a << " / " << c.b;
    EXPECT_EQ(EditDistance(c.b, c.a), c.want) << "symmetric: " << c.a << " / " << c.b;
  }
}

TEST(DidYouMean, SuggestsTheNearestCloseName) {
  const std::vector<std::string_view> ops = {"equals", "notEquals", "like", "notLike", "in"};
  EXPECT_EQ(DidYouMean("equal", ops), " (did you mean 'equals'?)");
  EXPECT_EQ(DidYouMean("notequal", ops), " (did you mean 'notEquals'?)");
  EXPECT_EQ(DidYouMean("lik", ops), " (did you mean 'like'?)");
  EXPECT_EQ(DidYouMean("greater", ops), "") << "nothing close";
  EXPECT_EQ(NearestName("ab", ops), "") << "two letters could be anything";
  EXPECT_EQ(DidYouMean("x", std::vector<std::string_view>{}), "");
}

TEST(DidYouMean, TiesGoToTheAlphabeticallyFirstWhateverTheOrder) {
  const std::vector<std::string_view> a = {"list", "last"};
  const std::vector<std::string_view> b = {"last", "list"};
  EXPECT_EQ(NearestName("lost", a), "last");
  EXPECT_EQ(NearestName("lost", b), "last");
}

TEST(DidYouMean, AtMostTwoEditsAndOnePerThreeCharacters) {
  const std::vector<std::string_view> names = {"resourceGroup", "concat"};
  EXPECT_EQ(NearestName("resourceGrp", names), "resourceGroup");  // 2 edits
  EXPECT_EQ(NearestName("resorceGrp", names), "") << "3 edits";
  EXPECT_EQ(NearestName("cncat", names), "concat");  // 1 edit in 5 characters
  EXPECT_EQ(NearestName("cnct", names), "") << "2 edits in 4 characters";
}

}  // namespace
}  // namespace armlint::internal
