// Tests for knowledge/api_versions.h: lookups in the generated resource-type table.
#include "knowledge/api_versions.h"

#include <algorithm>
#include <optional>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(ApiVersions, FindsTypesIgnoringCase) {
  std::optional<ResourceTypeInfo> zone = FindResourceType("microsoft.network/DNSZONES");
  ASSERT_TRUE(zone.has_value());
  EXPECT_EQ(zone->name(), "Microsoft.Network/dnsZones");
  EXPECT_TRUE(zone->HasVersion("2018-05-01"));
  EXPECT_TRUE(zone->HasVersion("2018-03-01-PREVIEW"));
  EXPECT_FALSE(zone->HasVersion("2018-05-02"));
  EXPECT_FALSE(FindResourceType("Microsoft.Network/dnsZone").has_value());
  EXPECT_FALSE(FindResourceType("").has_value());
  EXPECT_GT(ResourceTypeCount(), 3000u);
}

TEST(ApiVersions, VersionsAreOldestFirst) {
  std::optional<ResourceTypeInfo> zone = FindResourceType("Microsoft.Network/dnsZones");
  ASSERT_TRUE(zone.has_value());
  std::vector<std::string_view> v = zone->versions();
  ASSERT_GE(v.size(), 2u);
  EXPECT_EQ(v.front(), "2015-05-04-preview");
  EXPECT_TRUE(std::is_sorted(v.begin(), v.end()));
}

// A DNS zone's newest GA version is 2018-05-01 (a 2023 preview exists); OperationsManagement
// solutions have only 2015-11-01-preview.
TEST(ApiVersions, NewerGaNamesTheNewestGaVersionOnlyWhenNewer) {
  std::optional<ResourceTypeInfo> zone = FindResourceType("Microsoft.Network/dnsZones");
  ASSERT_TRUE(zone.has_value());
  EXPECT_EQ(zone->NewerGa("2017-09-01"), "2018-05-01");
  EXPECT_EQ(zone->NewerGa("2018-03-01-preview"), "2018-05-01");
  EXPECT_EQ(zone->NewerGa("2018-05-01"), "");
  EXPECT_EQ(zone->NewerGa("2023-07-01-preview"), "");
  std::optional<ResourceTypeInfo> solutions =
      FindResourceType("Microsoft.OperationsManagement/solutions");
  ASSERT_TRUE(solutions.has_value());
  EXPECT_EQ(solutions->NewerGa("2015-11-01-preview"), "");
}

TEST(ApiVersions, DidYouMean) {
  EXPECT_EQ(NearestResourceType("Microsoft.Storage/storageAcounts"),
            "Microsoft.Storage/storageAccounts");
  EXPECT_EQ(NearestResourceType("microsoft.network/dnszone"), "Microsoft.Network/dnsZones");
  EXPECT_EQ(NearestResourceType("Contoso.Widgets/gadgets"), "");
  std::optional<ResourceTypeInfo> zone = FindResourceType("Microsoft.Network/dnsZones");
  ASSERT_TRUE(zone.has_value());
  EXPECT_EQ(zone->NearestVersion("2018-05-1"), "2018-05-01");
  EXPECT_EQ(zone->NearestVersion("2099-12-31"), "");
}

TEST(ApiVersions, GaVersionsHaveNoSuffix) {
  EXPECT_TRUE(IsGaApiVersion("2023-01-01"));
  EXPECT_FALSE(IsGaApiVersion("2023-01-01-preview"));
}

}  // namespace
}  // namespace armlint::internal
