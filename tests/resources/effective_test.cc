// Tests for the effective configuration: child resources folded into their parents' inline
// form, and resources declared twice.
#include "resources/effective.h"

#include "gtest/gtest.h"

#include "arm/expand.h"

namespace armlint::internal {
namespace {

struct Expanded {
  std::unique_ptr<Document> doc;
  std::vector<Resource> resources;
};

Expanded ExpandAndFold(std::string text) {
  Expanded out;
  auto doc = Document::Parse("t.json", std::move(text));
  EXPECT_TRUE(doc.ok()) << doc.status();
  out.doc = std::move(*doc);
  absl::StatusOr<Expansion> e = ExpandTemplate(*out.doc, {});
  EXPECT_TRUE(e.ok()) << e.status();
  out.resources = ResourcesFromExpansion(*out.doc, *e);
  ApplyEffectiveConfiguration(out.doc->arena(), out.resources);
  return out;
}

const Resource* ByType(const Expanded& x, std::string_view type) {
  for (const Resource& r : x.resources) {
    if (r.type == type) return &r;
  }
  return nullptr;
}

const Value* At(const Value* v, std::initializer_list<std::string_view> path) {
  for (std::string_view key : path) v = v == nullptr ? nullptr : v->Find(key);
  return v;
}

constexpr char kHeader[] =
    R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0", "resources": )";

TEST(EffectiveConfiguration, SitesConfigWebIsTheSitesSiteConfig) {
  Expanded x = ExpandAndFold(std::string(kHeader) + R"([
    {"type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "app",
     "properties": {"siteConfig": {"alwaysOn": false, "minTlsVersion": "1.2"}}},
    {"type": "Microsoft.Web/sites/config", "apiVersion": "2023-12-01", "name": "app/web",
     "properties": {"alwaysOn": true, "ftpsState": "FtpsOnly"}}]})");
  const Resource* site = ByType(x, "Microsoft.Web/sites");
  ASSERT_NE(site, nullptr);
  const Value* always_on = At(site->body, {"properties", "siteConfig", "alwaysOn"});
  ASSERT_NE(always_on, nullptr);
  EXPECT_TRUE(always_on->bool_value());  // the child is deployed after the site: it wins
  // The merged value still points at the child's text.
  EXPECT_EQ(x.doc->Position(always_on->pos()).line, 6);
  EXPECT_EQ(At(site->body, {"properties", "siteConfig", "minTlsVersion"})->string_value(), "1.2");
  EXPECT_EQ(At(site->body, {"properties", "siteConfig", "ftpsState"})->string_value(), "FtpsOnly");
  const Resource* config = ByType(x, "Microsoft.Web/sites/config");
  ASSERT_NE(config, nullptr);
  EXPECT_EQ(config->merged_into, "microsoft.web/sites");
}

// App settings from a sites/config child point at the child; the siteConfig made on the way to
// them points where siteConfig would be written, the site's `properties`: a finding on a setting
// absent from both forms (healthCheckPath) points there, not at the appsettings child.
TEST(EffectiveConfiguration, ObjectsMadeOnTheWayPointWhereTheyWouldBeWritten) {
  Expanded x = ExpandAndFold(std::string(kHeader) + R"([
    {"type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "app",
     "properties": {"httpsOnly": true}},
    {"type": "Microsoft.Web/sites/config", "apiVersion": "2023-12-01", "name": "app/appsettings",
     "properties": {"A": "1"}}]})");
  const Resource* site = ByType(x, "Microsoft.Web/sites");
  ASSERT_NE(site, nullptr);
  const Value* site_config = At(site->body, {"properties", "siteConfig"});
  ASSERT_NE(site_config, nullptr);
  EXPECT_EQ(site_config->pos(), At(site->body, {"properties"})->pos());
  const Value* settings = At(site->body, {"properties", "siteConfig", "appSettings"});
  ASSERT_NE(settings, nullptr);
  EXPECT_EQ(x.doc->Position(settings->pos()).line, 6);  // the child's text
}

TEST(EffectiveConfiguration, OtherConfigNamesAndMissingParentsAreLeftAlone) {
  Expanded x = ExpandAndFold(std::string(kHeader) + R"([
    {"type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "app", "properties": {}},
    {"type": "Microsoft.Web/sites/config", "apiVersion": "2023-12-01", "name": "app/logs",
     "properties": {"alwaysOn": true}},
    {"type": "Microsoft.Web/sites/config", "apiVersion": "2023-12-01", "name": "other/web",
     "properties": {"alwaysOn": true}}]})");
  const Resource* site = ByType(x, "Microsoft.Web/sites");
  EXPECT_EQ(At(site->body, {"properties", "siteConfig"}), nullptr);
  for (const Resource& r : x.resources) EXPECT_TRUE(r.merged_into.empty()) << r.name;
}

TEST(EffectiveConfiguration, NestedChildResourcesFoldToo) {
  Expanded x = ExpandAndFold(std::string(kHeader) + R"([
    {"type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "app", "properties": {},
     "resources": [{"type": "config", "apiVersion": "2023-12-01", "name": "web",
                    "dependsOn": ["app"], "properties": {"http20Enabled": true}}]}]})");
  const Resource* site = ByType(x, "Microsoft.Web/sites");
  const Value* h2 = At(site->body, {"properties", "siteConfig", "http20Enabled"});
  ASSERT_NE(h2, nullptr);
  EXPECT_TRUE(h2->bool_value());
}

TEST(EffectiveConfiguration, SecurityRulesJoinTheGroupsRules) {
  Expanded x = ExpandAndFold(std::string(kHeader) + R"([
    {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-11-01", "name": "nsg",
     "properties": {"securityRules": [{"name": "a", "properties": {"priority": 100}},
                                      {"name": "b", "properties": {"priority": 200}}]}},
    {"type": "Microsoft.Network/networkSecurityGroups/securityRules", "apiVersion": "2023-11-01",
     "name": "nsg/B", "properties": {"priority": 300}},
    {"type": "Microsoft.Network/networkSecurityGroups/securityRules", "apiVersion": "2023-11-01",
     "name": "nsg/c", "properties": {"priority": 400}}]})");
  const Resource* nsg = ByType(x, "Microsoft.Network/networkSecurityGroups");
  const Value* rules = At(nsg->body, {"properties", "securityRules"});
  ASSERT_TRUE(rules != nullptr && rules->is_array());
  ASSERT_EQ(rules->items().size(), 3u);  // "B" replaces "b" (names compare ignoring case)
  EXPECT_EQ(At(rules->items()[1], {"properties", "priority"})->int_value(), 300);
  EXPECT_EQ(At(rules->items()[2], {"name"})->string_value(), "c");
}

TEST(EffectiveConfiguration, KeyVaultAccessPoliciesAddAndReplace) {
  Expanded add = ExpandAndFold(std::string(kHeader) + R"([
    {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv",
     "properties": {"accessPolicies": [{"objectId": "1"}]}},
    {"type": "Microsoft.KeyVault/vaults/accessPolicies", "apiVersion": "2023-07-01",
     "name": "kv/add", "properties": {"accessPolicies": [{"objectId": "2"}, {"objectId": "3"}]}}]})");
  const Value* policies =
      At(ByType(add, "Microsoft.KeyVault/vaults")->body, {"properties", "accessPolicies"});
  ASSERT_NE(policies, nullptr);
  EXPECT_EQ(policies->items().size(), 3u);
  Expanded replace = ExpandAndFold(std::string(kHeader) + R"([
    {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv",
     "properties": {"accessPolicies": [{"objectId": "1"}]}},
    {"type": "Microsoft.KeyVault/vaults/accessPolicies", "apiVersion": "2023-07-01",
     "name": "kv/replace", "properties": {"accessPolicies": [{"objectId": "2"}]}}]})");
  policies =
      At(ByType(replace, "Microsoft.KeyVault/vaults")->body, {"properties", "accessPolicies"});
  ASSERT_NE(policies, nullptr);
  ASSERT_EQ(policies->items().size(), 1u);
  EXPECT_EQ(At(policies->items()[0], {"objectId"})->string_value(), "2");
}

TEST(EffectiveConfiguration, AppSettingsChildReplacesTheInlineList) {
  Expanded x = ExpandAndFold(std::string(kHeader) + R"([
    {"type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "app",
     "properties": {"siteConfig": {"appSettings": [{"name": "OLD", "value": "1"}]}}},
    {"type": "Microsoft.Web/sites/config", "apiVersion": "2023-12-01", "name": "app/appsettings",
     "properties": {"A": "x", "B": "y"}}]})");
  const Value* settings =
      At(ByType(x, "Microsoft.Web/sites")->body, {"properties", "siteConfig", "appSettings"});
  ASSERT_NE(settings, nullptr);
  ASSERT_EQ(settings->items().size(), 2u);
  EXPECT_EQ(At(settings->items()[1], {"name"})->string_value(), "B");
  EXPECT_EQ(At(settings->items()[1], {"value"})->string_value(), "y");
}

TEST(EffectiveConfiguration, AgentPoolsJoinTheProfilesFlat) {
  Expanded x = ExpandAndFold(std::string(kHeader) + R"([
    {"type": "Microsoft.ContainerService/managedClusters", "apiVersion": "2024-02-01",
     "name": "aks", "properties": {"agentPoolProfiles": [{"name": "system", "count": 3}]}},
    {"type": "Microsoft.ContainerService/managedClusters/agentPools", "apiVersion": "2024-02-01",
     "name": "aks/user", "properties": {"count": 2, "vmSize": "Standard_D4s_v5"}}]})");
  const Value* pools = At(ByType(x, "Microsoft.ContainerService/managedClusters")->body,
                          {"properties", "agentPoolProfiles"});
  ASSERT_NE(pools, nullptr);
  ASSERT_EQ(pools->items().size(), 2u);
  EXPECT_EQ(At(pools->items()[1], {"vmSize"})->string_value(), "Standard_D4s_v5");
}

TEST(EffectiveConfiguration, AnUnknownParentPropertyStaysUnknown) {
  Expanded x = ExpandAndFold(std::string(kHeader) + R"([
    {"type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "app",
     "properties": "[reference('x').props]"},
    {"type": "Microsoft.Web/sites/config", "apiVersion": "2023-12-01", "name": "app/web",
     "properties": {"alwaysOn": true}}]})");
  const Value* props = At(ByType(x, "Microsoft.Web/sites")->body, {"properties"});
  ASSERT_NE(props, nullptr);
  EXPECT_TRUE(props->is_unknown());
}

TEST(EffectiveConfiguration, ADeclarationRepeatedInANestedDeploymentIsOneResource) {
  Expanded x = ExpandAndFold(std::string(kHeader) + R"([
    {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st1",
     "properties": {"supportsHttpsTrafficOnly": false}},
    {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "update",
     "properties": {"mode": "Incremental", "template": {
       "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
       "contentVersion": "1.0.0.0", "resources": [
         {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st1",
          "properties": {"supportsHttpsTrafficOnly": true}}]}}}]})");
  int accounts = 0;
  for (const Resource& r : x.resources) {
    if (r.type != "Microsoft.Storage/storageAccounts") continue;
    ++accounts;
    EXPECT_TRUE(At(r.body, {"properties", "supportsHttpsTrafficOnly"})->bool_value());
  }
  EXPECT_EQ(accounts, 1);
}

}  // namespace
}  // namespace armlint::internal
