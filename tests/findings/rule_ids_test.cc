// Tests the nearest-id suggestion for unknown rule ids.
#include "findings/rule_ids.h"

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(RuleIds, SuggestsTheNearestKnownId) {
  const std::vector<std::string> known = {"storage-min-tls", "storage-secure-transfer",
                                          "webapp-https-only"};
  EXPECT_EQ(DidYouMean("storage-secure-transfr", known),
            " (did you mean 'storage-secure-transfer'?)");
  EXPECT_EQ(DidYouMean("webapp-http-only", known), " (did you mean 'webapp-https-only'?)");
  EXPECT_EQ(DidYouMean("keyvault-purge", known), "");  // nothing near
  EXPECT_TRUE(IsKnownRuleId("storage-min-tls", known));
  EXPECT_FALSE(IsKnownRuleId("storage-min", known));
}

}  // namespace
}  // namespace armlint::internal
