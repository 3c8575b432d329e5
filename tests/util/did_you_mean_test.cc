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

TEST(DidYouMean, BoundedDistanceStopsPastTheLimit) {
  EXPECT_EQ(EditDistance("kitten", "sitting", 3), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting", 2), 3u) << "limit + 1 once it must exceed 2";
  EXPECT_EQ(EditDistance("a", "abcdefgh", 2), 3u) << "the lengths alone exceed the limit";
  EXPECT_EQ(EditDistance("Microsoft.Web/sites", "microsoft.web/SITES", 0), 0u);
}

TEST(DidYouMean, NearestWithinTakesItsOwnBound) {
  const std::vector<std::string_view> ids = {"storage-https-only", "storage-min-tls"};
  EXPECT_EQ(NearestWithin("storage-htps-only", ids, 6), "storage-https-only");
  EXPECT_EQ(NearestWithin("storage-https", ids, 6), "storage-https-only") << "5 edits";
  EXPECT_EQ(NearestWithin("storage-https", ids, 4), "") << "5 edits, bound 4";
  EXPECT_EQ(NearestName("storage-https", ids), "") << "NearestName's bound is two edits";
}

}  // namespace
}  // namespace armlint::internal
