// Resource functions: the resource id examples of
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource
// with the placeholder subscription and resource group of arm/template_context.h.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "arm/template_context.h"

namespace armlint::internal {
namespace {

using ::testing::HasSubstr;

constexpr char kRg[] =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/resourceGroup";

class ResourceFunctions : public ::testing::Test {
 protected:
  absl::StatusOr<const Value*> Call(std::string_view fn, std::vector<std::string> args) {
    std::vector<const Value*> vs;
    for (const std::string& s : args) vs.push_back(Value::String(arena_, s, Anchor{0}));
    return CallResourceFunction(ctx_, fn, vs, arena_, Anchor{7});
  }
  std::string Id(std::string_view fn, std::vector<std::string> args) {
    auto v = Call(fn, std::move(args));
    if (!v.ok()) return std::string(v.status().message());
    if (!(*v)->is_string()) return "<not a string>";
    return std::string((*v)->string_value());
  }
  Arena arena_;
  DeploymentContext ctx_;
};

TEST_F(ResourceFunctions, ResourceIdInTheCurrentResourceGroup) {
  EXPECT_EQ(
      Id("resourceId", {"Microsoft.Network/virtualNetworks/subnets", "myvnet", "mysubnet"}),
      std::string(kRg) + "/providers/Microsoft.Network/virtualNetworks/myvnet/subnets/mysubnet");
  EXPECT_EQ(Id("resourceId", {"Microsoft.Storage/storageAccounts", "examplestorage"}),
            std::string(kRg) + "/providers/Microsoft.Storage/storageAccounts/examplestorage");
}

TEST_F(ResourceFunctions, ResourceIdInAnotherGroupOrSubscription) {
  EXPECT_EQ(Id("resourceId",
               {"otherResourceGroup", "Microsoft.Storage/storageAccounts", "examplestorage"}),
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            "otherResourceGroup/providers/Microsoft.Storage/storageAccounts/examplestorage");
  EXPECT_EQ(Id("resourceId", {"11111111-1111-1111-1111-111111111111", "otherResourceGroup",
                              "Microsoft.SQL/servers/databases", "serverName", "databaseName"}),
            "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/"
            "otherResourceGroup/providers/Microsoft.SQL/servers/serverName/databases/"
            "databaseName");
}

TEST_F(ResourceFunctions, ResourceIdAtSubscriptionAndTenantScope) {
  ctx_.level = ScopeLevel::kSubscription;
  EXPECT_EQ(Id("resourceId", {"Microsoft.Resources/resourceGroups", "demoGroup"}),
            "/subscriptions/00000000-0000-0000-0000-000000000000/providers/"
            "Microsoft.Resources/resourceGroups/demoGroup");
  ctx_.level = ScopeLevel::kTenant;
  EXPECT_EQ(Id("resourceId", {"Microsoft.Management/managementGroups", "mg1"}),
            "/providers/Microsoft.Management/managementGroups/mg1");
}

TEST_F(ResourceFunctions, OtherResourceIdFunctions) {
  EXPECT_EQ(Id("subscriptionResourceId",
               {"Microsoft.Authorization/roleDefinitions", "b24988ac-6180-42a0-ab88-20f7382dd24c"}),
            "/subscriptions/00000000-0000-0000-0000-000000000000/providers/"
            "Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c");
  EXPECT_EQ(Id("tenantResourceId", {"Microsoft.Authorization/policyDefinitions",
                                    "0a914e76-4921-4c19-b460-a2d36003525a"}),
            "/providers/Microsoft.Authorization/policyDefinitions/"
            "0a914e76-4921-4c19-b460-a2d36003525a");
  EXPECT_EQ(Id("managementGroupResourceId",
               {"Microsoft.Authorization/policyDefinitions", "locationpolicy"}),
            "/providers/Microsoft.Management/managementGroups/managementGroup/providers/"
            "Microsoft.Authorization/policyDefinitions/locationpolicy");
  EXPECT_EQ(Id("extensionResourceId", {kRg, "Microsoft.Authorization/locks", "lockname"}),
            std::string(kRg) + "/providers/Microsoft.Authorization/locks/lockname");
  // A trailing '/' in the type, as some quickstart templates write it, is accepted.
  EXPECT_EQ(Id("resourceId", {"Microsoft.Storage/storageAccounts/", "st"}),
            std::string(kRg) + "/providers/Microsoft.Storage/storageAccounts/st");
}

TEST_F(ResourceFunctions, WrongNameCountIsAnError) {
  EXPECT_THAT(Id("resourceId", {"Microsoft.Network/virtualNetworks/subnets", "myvnet"}),
              HasSubstr("needs 2 name segment(s), got 1"));
  EXPECT_FALSE(Call("resourceId", {"Microsoft.Storage/storageAccounts"}).ok());
}

TEST_F(ResourceFunctions, DeployTimeFunctionsAreUnknown) {
  auto ref = Call("reference", {"st"});
  ASSERT_TRUE(ref.ok());
  EXPECT_TRUE((*ref)->is_unknown());
  EXPECT_THAT(std::string((*ref)->unknown_reason()), HasSubstr("reference()"));
  auto keys = Call("listKeys", {"id", "2022-09-01"});
  ASSERT_TRUE(keys.ok());
  EXPECT_TRUE((*keys)->is_unknown());
  EXPECT_TRUE((*keys)->secure());  // keys are secrets: never printed
  auto zones = Call("pickZones", {"Microsoft.Compute", "virtualMachines", "westus2"});
  ASSERT_TRUE(zones.ok());
  EXPECT_EQ((*zones)->unknown_kind(), Kind::kArray);
  EXPECT_TRUE(absl::IsNotFound(Call("noSuchFunction", {}).status()));
}

TEST_F(ResourceFunctions, UnknownArgumentGivesUnknownId) {
  std::vector<const Value*> args = {
      Value::String(arena_, "Microsoft.Storage/storageAccounts", Anchor{0}),
      Value::Unknown(arena_, "parameter 'name' has no value", Anchor{0})};
  auto v = CallResourceFunction(ctx_, "resourceId", args, arena_, Anchor{3});
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE((*v)->is_unknown());
  EXPECT_EQ((*v)->pos(), 3u);
}

}  // namespace
}  // namespace armlint::internal
