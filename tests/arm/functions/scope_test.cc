// Scope and deployment functions: the documented shapes of subscription(), resourceGroup(),
// tenant(), managementGroup() and deployment(), with placeholder values.
#include <string>

#include "gtest/gtest.h"

#include "arm/template_context.h"

namespace armlint::internal {
namespace {

std::string Member(const Value* obj, std::string_view key) {
  const Value* v = obj == nullptr ? nullptr : obj->Find(key);
  return v != nullptr && v->is_string() ? std::string(v->string_value()) : "<none>";
}

TEST(ScopeFunctions, PlaceholderScopes) {
  Arena a;
  DeploymentContext ctx;
  auto sub = CallScopeFunction(ctx, "subscription", {}, a, Anchor{1});
  ASSERT_TRUE(sub.ok());
  EXPECT_EQ(Member(*sub, "id"), "/subscriptions/00000000-0000-0000-0000-000000000000");
  EXPECT_EQ(Member(*sub, "subscriptionId"), "00000000-0000-0000-0000-000000000000");
  auto rg = CallScopeFunction(ctx, "resourceGroup", {}, a, Anchor{1});
  ASSERT_TRUE(rg.ok());
  EXPECT_EQ(Member(*rg, "id"),
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/resourceGroup");
  EXPECT_EQ(Member(*rg, "name"), "resourceGroup");
  EXPECT_EQ(Member(*rg, "location"), "eastus");
  EXPECT_EQ(Member(*rg, "type"), "Microsoft.Resources/resourceGroups");
  auto tenant = CallScopeFunction(ctx, "tenant", {}, a, Anchor{1});
  ASSERT_TRUE(tenant.ok());
  EXPECT_EQ(Member(*tenant, "id"), "/tenants/00000000-0000-0000-0000-000000000000");
  auto mg = CallScopeFunction(ctx, "managementGroup", {}, a, Anchor{1});
  ASSERT_TRUE(mg.ok());
  EXPECT_EQ(Member(*mg, "id"), "/providers/Microsoft.Management/managementGroups/managementGroup");
  EXPECT_EQ((*mg)->pos(), 1u);
  const Value* one = Value::Int(a, 1, Anchor{0});
  EXPECT_FALSE(CallScopeFunction(ctx, "subscription", {&one, 1}, a, Anchor{1}).ok());
}

TEST(DeploymentFunctions, DeploymentAndEnvironment) {
  Arena a;
  DeploymentContext ctx;
  ctx.deployment_name = "nested1";
  auto d = CallDeploymentFunction(ctx, "deployment", {}, a, Anchor{1});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(Member(*d, "name"), "nested1");
  const Value* props = (*d)->Find("properties");
  ASSERT_NE(props, nullptr);
  EXPECT_EQ(Member(props, "mode"), "Incremental");
  ASSERT_NE(props->Find("templateLink"), nullptr);
  EXPECT_TRUE(props->Find("templateLink")->is_unknown());
  auto env = CallDeploymentFunction(ctx, "environment", {}, a, Anchor{1});
  ASSERT_TRUE(env.ok());
  EXPECT_TRUE((*env)->is_unknown());
  EXPECT_TRUE(absl::IsNotFound(CallDeploymentFunction(ctx, "concat", {}, a, Anchor{1}).status()));
}

TEST(ScopeFunctions, ScopeLevelFromSchema) {
  EXPECT_EQ(ScopeLevelFromSchema("https://schema.management.azure.com/schemas/2018-05-01/"
                                 "subscriptionDeploymentTemplate.json#",
                                 ScopeLevel::kResourceGroup),
            ScopeLevel::kSubscription);
  EXPECT_EQ(ScopeLevelFromSchema("https://schema.management.azure.com/schemas/2019-08-01/"
                                 "managementGroupDeploymentTemplate.json#",
                                 ScopeLevel::kResourceGroup),
            ScopeLevel::kManagementGroup);
  EXPECT_EQ(ScopeLevelFromSchema("https://schema.management.azure.com/schemas/2019-04-01/"
                                 "deploymentTemplate.json#",
                                 ScopeLevel::kTenant),
            ScopeLevel::kResourceGroup);
  EXPECT_EQ(ResourceIdUnder("/subscriptions/s", "Microsoft.Sql/servers/databases", "a/b"),
            "/subscriptions/s/providers/Microsoft.Sql/servers/a/databases/b");
  EXPECT_EQ(ResourceIdUnder("/subscriptions/s", "Microsoft.Sql/servers/databases", "a"), "");
}

}  // namespace
}  // namespace armlint::internal
