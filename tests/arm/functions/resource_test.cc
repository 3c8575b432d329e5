// Resource functions: the resource id examples of
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource
// with the placeholder subscription and resource group of arm/deployment_context.h.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "arm/expr_test_util.h"

namespace armlint::internal {
namespace {

using ::testing::HasSubstr;

constexpr char kRg[] =
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/resourceGroup";

// Calls go through the parser and the evaluator, as in a template.
class ResourceFunctions : public ::testing::Test {
 protected:
  void SetUp() override { t_.env.deployment = DeploymentContext{}; }
  absl::StatusOr<const Value*> Call(std::string_view fn, std::vector<std::string> args) {
    std::string expr = Cat(fn, "(");
    for (std::size_t i = 0; i < args.size(); ++i) AppendCat(expr, i ? ", '" : "'", args[i], "'");
    return t_.Eval(Cat(expr, ")"));
  }
  std::string Id(std::string_view fn, std::vector<std::string> args) {
    auto v = Call(fn, std::move(args));
    if (!v.ok()) return std::string(v.status().message());
    if (!(*v)->is_string()) return "<not a string>";
    return std::string((*v)->string_value());
  }
  exprtest::ExprTest t_;
  DeploymentContext& ctx_ = t_.env.deployment;
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
  // Arity and argument kinds come from the one checker, worded as for every function.
  EXPECT_EQ(Id("resourceId", {"Microsoft.Storage/storageAccounts"}),
            "function 'resourceId' expects at least 2 arguments, got 1 at character 2");
  EXPECT_EQ(Id("extensionResourceId", {kRg, "Microsoft.Authorization/locks"}),
            "function 'extensionResourceId' expects at least 3 arguments, got 2 at character 2");
  EXPECT_EQ(t_.Show("resourceId('Microsoft.Storage/storageAccounts', 1)"),
            "error: function 'resourceId' expects argument 2 to be a string, got an int at "
            "character 2");
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
  // Any list* function, documented or not, is a secret of the deployed resource.
  auto cs = Call("listConnectionStrings", {"id", "2022-09-01"});
  ASSERT_TRUE(cs.ok());
  EXPECT_TRUE((*cs)->secure());
  EXPECT_THAT(std::string((*cs)->unknown_reason()), HasSubstr("listConnectionStrings()"));
  auto refs = Call("references", {"vms"});
  ASSERT_TRUE(refs.ok());
  EXPECT_EQ((*refs)->unknown_kind(), Kind::kArray);
  EXPECT_EQ(t_.Show("noSuchFunction()"), "error: unknown function 'noSuchFunction' at character 2");
}

// The documented calls (Learn, "Resource functions": toLogicalZone, toLogicalZones,
// toPhysicalZone, toPhysicalZones). Their documented outputs ('1', 'westus2-az1', ...) hold for
// the docs' own subscription only: the mapping is per subscription, so offline they are Unknown
// of the documented kind, never a guess.
TEST_F(ResourceFunctions, ZoneMappingsAreUnknownOfTheirKind) {
  struct Case {
    const char* expr;
    Kind kind;
  } const kCases[] = {
      {"toLogicalZone(subscription().subscriptionId, 'westus2', 'westus2-az1')", Kind::kString},
      {"toLogicalZones(subscription().subscriptionId, 'westus2', createArray('westus2-az1', "
       "'westus2-az2'))",
       Kind::kArray},
      {"toPhysicalZone(subscription().subscriptionId, 'westus2', '1')", Kind::kString},
      {"toPhysicalZones(subscription().subscriptionId, 'westus2', createArray('1', '2'))",
       Kind::kArray},
  };
  for (const Case& c : kCases) {
    absl::StatusOr<const Value*> v = t_.Eval(c.expr);
    ASSERT_TRUE(v.ok()) << c.expr << ": " << v.status();
    ASSERT_TRUE((*v)->is_unknown()) << c.expr;
    EXPECT_EQ((*v)->unknown_kind(), c.kind) << c.expr;
    EXPECT_THAT(std::string((*v)->unknown_reason()), HasSubstr("availability-zone mapping"));
  }
  EXPECT_THAT(t_.Show("toLogicalZone('sub', 'westus2', createArray('westus2-az1'))"),
              HasSubstr("expects argument 3 to be a string, got an array"));
  EXPECT_THAT(t_.Show("toPhysicalZones('sub', 'westus2')"),
              HasSubstr("expects 3 arguments, got 2"));
}

TEST_F(ResourceFunctions, UnknownArgumentGivesUnknownId) {
  t_.Param("name", "null");
  t_.env.params["name"] = Value::Unknown(t_.arena, "parameter 'name' has no value", Anchor{0});
  auto v = t_.Eval("resourceId('Microsoft.Storage/storageAccounts', parameters('name'))");
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE((*v)->is_unknown());
  EXPECT_EQ((*v)->unknown_reason(), "resource id of unknown parts");
  EXPECT_EQ((*v)->pos(), 100u);  // anchored at the template string (ExprTest's anchor)
}

}  // namespace
}  // namespace armlint::internal
