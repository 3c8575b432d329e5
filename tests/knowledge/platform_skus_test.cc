// Tests for the SKU tables: each documented fact, and names compared ignoring case.
#include "knowledge/platform_skus.h"

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(PlatformSkus, PlanSkuNamesAndTiersGiveTheTier) {
  EXPECT_EQ(AppServicePlanTier("F1"), "Free");
  EXPECT_EQ(AppServicePlanTier("d1"), "Shared");
  EXPECT_EQ(AppServicePlanTier("Y1"), "Dynamic");
  EXPECT_EQ(AppServicePlanTier("EP2"), "ElasticPremium");
  EXPECT_EQ(AppServicePlanTier("P1v3"), "PremiumV3");
  EXPECT_EQ(AppServicePlanTier("standard"), "Standard");
  EXPECT_EQ(AppServicePlanTier("Z9"), std::nullopt);
}

TEST(PlatformSkus, AlwaysOnExistsOnlyOnDedicatedTiers) {
  for (const char* tier : {"Free", "Shared", "Dynamic", "FlexConsumption", "ElasticPremium"}) {
    EXPECT_EQ(AlwaysOnAvailable(tier), false) << tier;
  }
  for (const char* tier : {"Basic", "Standard", "PremiumV2", "PremiumV3", "IsolatedV2"}) {
    EXPECT_EQ(AlwaysOnAvailable(tier), true) << tier;
  }
  EXPECT_EQ(AlwaysOnAvailable("WorkflowStandard"), std::nullopt);
}

TEST(PlatformSkus, FreeAndSharedRun32BitWorkersOnly) {
  EXPECT_EQ(X64WorkerAvailable("Free"), false);
  EXPECT_EQ(X64WorkerAvailable("shared"), false);
  EXPECT_EQ(X64WorkerAvailable("Basic"), std::nullopt);
}

TEST(PlatformSkus, AcceleratedNetworkingExceptions) {
  for (const char* size : {"Standard_A2_v2", "Basic_A1", "standard_b2s", "Standard_B1ls",
                           "Standard_DS1_v2", "Standard_F1"}) {
    EXPECT_EQ(VmSizeSupportsAcceleratedNetworking(size), false) << size;
  }
  // B12ms and up, Bsv2, and the usual general-purpose sizes are not exceptions.
  for (const char* size : {"Standard_B12ms", "Standard_B2s_v2", "Standard_D2s_v5",
                           "Standard_DS2_v2", "Standard_F2s_v2"}) {
    EXPECT_EQ(VmSizeSupportsAcceleratedNetworking(size), std::nullopt) << size;
  }
}

TEST(PlatformSkus, OnlyTheFreeWorkspaceTierHasAFixedCap) {
  EXPECT_TRUE(LogAnalyticsSkuHasFixedDailyCap("Free"));
  EXPECT_TRUE(LogAnalyticsSkuHasFixedDailyCap("free"));
  EXPECT_FALSE(LogAnalyticsSkuHasFixedDailyCap("PerGB2018"));
  EXPECT_FALSE(LogAnalyticsSkuHasFixedDailyCap("Standalone"));
}

}  // namespace
}  // namespace armlint::internal
