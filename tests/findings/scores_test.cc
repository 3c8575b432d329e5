// Tests scores, hand-computed on small Assessments.
#include "findings/scores.h"

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

constexpr int kSec = static_cast<int>(Category::kSecurity);
constexpr int kRel = static_cast<int>(Category::kReliability);
constexpr int kHigh = 0, kMedium = 1, kLow = 2;

TEST(Score, ImpactWeightedShareOfHealthyAssessments) {
  Assessments a;
  // Security: 4 High assessments, 1 failing; 2 Low, 2 failing.
  // Weighted: total 3*4 + 1*2 = 14, healthy 3*3 + 1*0 = 9 -> 9/14 = 64.2857 %.
  a.assessed[kSec][kHigh] = 4;
  a.failed[kSec][kHigh] = 1;
  a.assessed[kSec][kLow] = 2;
  a.failed[kSec][kLow] = 2;
  // Reliability: 5 Medium assessments, none failing, 7 unknown (left out) -> 100 %.
  a.assessed[kRel][kMedium] = 5;
  a.unknown[kRel][kMedium] = 7;
  Scores s = ComputeScores(a);
  ASSERT_TRUE(s.category[kSec].has_value());
  EXPECT_NEAR(*s.category[kSec], 900.0 / 14, 1e-9);
  EXPECT_DOUBLE_EQ(*s.category[kRel], 100.0);
  // Nothing assessed: no score, not 100 %.
  EXPECT_FALSE(s.category[static_cast<int>(Category::kCost)].has_value());
  EXPECT_FALSE(s.category[static_cast<int>(Category::kPerformance)].has_value());
  EXPECT_FALSE(s.category[static_cast<int>(Category::kOperationalExcellence)].has_value());
  // Overall: the mean of the two pillar scores that exist: (64.2857 + 100) / 2 = 82.1429.
  EXPECT_NEAR(*s.overall, (900.0 / 14 + 100) / 2, 1e-9);
  EXPECT_EQ(a.Total(), 11);
}

TEST(Score, OnlyUnknownsIsNoScore) {
  Assessments a;
  a.unknown[kSec][kHigh] = 3;
  Scores s = ComputeScores(a);
  EXPECT_FALSE(s.category[kSec].has_value());
  EXPECT_FALSE(s.overall.has_value());
}

TEST(Score, AllFailingIsZero) {
  Assessments a;
  a.assessed[kSec][kMedium] = 2;
  a.failed[kSec][kMedium] = 2;
  EXPECT_DOUBLE_EQ(*ComputeScores(a).category[kSec], 0.0);
}

TEST(Score, AddSumsEveryCell) {
  Assessments a, b;
  a.assessed[kSec][kHigh] = 1;
  b.assessed[kSec][kHigh] = 2;
  b.failed[kSec][kHigh] = 1;
  b.unknown[kRel][kLow] = 4;
  a.Add(b);
  EXPECT_EQ(a.assessed[kSec][kHigh], 3);
  EXPECT_EQ(a.failed[kSec][kHigh], 1);
  EXPECT_EQ(a.unknown[kRel][kLow], 4);
  // 3 High, 1 failing: 6/9 = 66.67 %.
  EXPECT_NEAR(*ComputeScores(a).category[kSec], 200.0 / 3, 1e-9);
}

}  // namespace
}  // namespace armlint::internal
