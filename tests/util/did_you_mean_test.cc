// Tests for the edit distance and "did you mean" suggestions.
#include "util/did_you_mean.h"

#include <algorithm>
#include <random>
#include <string>
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

// The plain dynamic programme, every cell, as the bounded one must agree with.
std::size_t FullDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = (a[i - 1] | 0x20) == (b[j - 1] | 0x20);
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (same ? 0 : 1)});
    }
  }
  return d[a.size()][b.size()];
}

TEST(DidYouMean, BandedDistanceEqualsTheFullTable) {
  std::mt19937 rng(7);
  auto word = [&](std::size_t max_len) {
    std::string w(rng() % (max_len + 1), 'a');
    for (char& c : w) c = "abcAB"[rng() % 5];  // a small alphabet: many near pairs
    return w;
  };
  for (int n = 0; n < 3000; ++n) {
    const std::string a = word(12), b = word(12);
    const std::size_t full = FullDistance(a, b);
    EXPECT_EQ(EditDistance(a, b), full) << a << " / " << b;
    for (std::size_t limit = 0; limit <= 6; ++limit) {
      EXPECT_EQ(EditDistance(a, b, limit), std::min(full, limit + 1))
          << a << " / " << b << " limit " << limit;
    }
  }
  // Longer than the row kept on the stack.
  const std::string long_a(300, 'a');
  std::string long_b = long_a;
  long_b[10] = 'b';
  long_b.insert(200, "c");
  EXPECT_EQ(EditDistance(long_a, long_b), 2u);
  EXPECT_EQ(EditDistance(long_a, long_b, 1), 2u);
  EXPECT_EQ(EditDistance(long_a, long_b, 5), 2u);
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
