// Tests for the platform facts: found through related resources of the same deployment.
#include "resources/platform_facts.h"

#include "gtest/gtest.h"

#include "arm/expand.h"
#include "resources/effective.h"

namespace armlint::internal {
namespace {

struct Expanded {
  std::unique_ptr<Document> doc;
  std::vector<Resource> resources;
};

Expanded Expand(std::string resources, std::string parameters = "{}") {
  Expanded out;
  auto doc = Document::Parse(
      "t.json",
      R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0", "parameters": )" +
          parameters + R"(, "resources": )" + resources + "}");
  EXPECT_TRUE(doc.ok()) << doc.status();
  out.doc = std::move(*doc);
  absl::StatusOr<Expansion> e = ExpandTemplate(*out.doc, {});
  EXPECT_TRUE(e.ok()) << e.status();
  out.resources = ResourcesFromExpansion(*out.doc, *e);
  ApplyEffectiveConfiguration(out.doc->arena(), out.resources);  // sets the facts
  return out;
}

const Value* Fact(const Expanded& x, std::string_view name, std::string_view fact) {
  for (const Resource& r : x.resources) {
    if (r.name == name) return r.platform == nullptr ? nullptr : r.platform->Find(fact);
  }
  ADD_FAILURE() << "no resource " << name;
  return nullptr;
}

TEST(PlatformFacts, SiteOnAFreePlanOfTheDeploymentHasNoAlwaysOn) {
  Expanded x = Expand(R"([
    {"type": "Microsoft.Web/serverfarms", "apiVersion": "2023-12-01", "name": "plan",
     "sku": {"name": "F1"}},
    {"type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "app",
     "properties": {"serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'plan')]"}},
    {"type": "Microsoft.Web/sites/slots", "apiVersion": "2023-12-01", "name": "app/staging",
     "properties": {}},
    {"type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "elsewhere",
     "properties": {"serverFarmId": "/subscriptions/x/resourceGroups/y/providers/Microsoft.Web/serverfarms/other"}}])");
  const Value* app = Fact(x, "app", "alwaysOnAvailable");
  ASSERT_NE(app, nullptr);
  EXPECT_FALSE(app->bool_value());
  EXPECT_EQ(x.doc->Position(app->pos()).line, 4);  // the plan's sku.name decided it
  const Value* slot = Fact(x, "app/staging", "alwaysOnAvailable");
  ASSERT_NE(slot, nullptr);  // a slot without serverFarmId runs on its site's plan
  EXPECT_FALSE(slot->bool_value());
  EXPECT_EQ(Fact(x, "elsewhere", "alwaysOnAvailable"), nullptr);  // plan not in the deployment
}

TEST(PlatformFacts, PlanSkuWithoutValueIsUnknown) {
  Expanded x = Expand(R"([
    {"type": "Microsoft.Web/serverfarms", "apiVersion": "2023-12-01", "name": "plan",
     "sku": {"name": "[parameters('sku')]"}},
    {"type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "app",
     "properties": {"serverFarmId": "[resourceId('Microsoft.Web/serverfarms', 'plan')]"}}])",
                      R"({"sku": {"type": "string"}})");
  const Value* fact = Fact(x, "app", "alwaysOnAvailable");
  ASSERT_NE(fact, nullptr);
  EXPECT_TRUE(fact->is_unknown());
}

TEST(PlatformFacts, NicOfAVmWithoutAcceleratedNetworking) {
  Expanded x = Expand(R"([
    {"type": "Microsoft.Network/networkInterfaces", "apiVersion": "2023-11-01", "name": "nic1",
     "properties": {}},
    {"type": "Microsoft.Network/networkInterfaces", "apiVersion": "2023-11-01", "name": "nic2",
     "properties": {}},
    {"type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-03-01", "name": "vm1",
     "properties": {"hardwareProfile": {"vmSize": "[parameters('size')]"},
       "networkProfile": {"networkInterfaces": [
         {"id": "[resourceId('Microsoft.Network/networkInterfaces', 'nic1')]"}]}}},
    {"type": "Microsoft.Compute/virtualMachines", "apiVersion": "2024-03-01", "name": "vm2",
     "properties": {"hardwareProfile": {"vmSize": "Standard_D4s_v5"},
       "networkProfile": {"networkInterfaces": [
         {"id": "[resourceId('Microsoft.Network/networkInterfaces', 'nic2')]"}]}}}])",
                      R"({"size": {"type": "string", "defaultValue": "Standard_B1s"}})");
  const Value* nic1 = Fact(x, "nic1", "acceleratedNetworkingAvailable");
  ASSERT_NE(nic1, nullptr);
  EXPECT_FALSE(nic1->bool_value());
  EXPECT_EQ(Fact(x, "nic2", "acceleratedNetworkingAvailable"), nullptr);  // not an exception
}

TEST(PlatformFacts, FreeWorkspaceHasAFixedCap) {
  Expanded x = Expand(R"([
    {"type": "Microsoft.OperationalInsights/workspaces", "apiVersion": "2020-08-01",
     "name": "free", "properties": {"sku": {"name": "Free"}}},
    {"type": "Microsoft.OperationalInsights/workspaces", "apiVersion": "2020-08-01",
     "name": "paid", "properties": {"sku": {"name": "PerGB2018"}}}])");
  const Value* free = Fact(x, "free", "dailyCapConfigurable");
  ASSERT_NE(free, nullptr);
  EXPECT_FALSE(free->bool_value());
  EXPECT_EQ(Fact(x, "paid", "dailyCapConfigurable"), nullptr);
}

}  // namespace
}  // namespace armlint::internal
