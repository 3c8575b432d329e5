// Scope and deployment functions: the documented shapes of subscription(), resourceGroup(),
// tenant(), managementGroup() and deployment(), with placeholder values, called through the
// parser and the evaluator as in a template.
#include <string>

#include "gtest/gtest.h"

#include "arm/expr_test_util.h"
#include "arm/template_context.h"

namespace armlint::internal {
namespace {

std::string Member(const Value* obj, std::string_view key) {
  const Value* v = obj == nullptr ? nullptr : obj->Find(key);
  return v != nullptr && v->is_string() ? std::string(v->string_value()) : "<none>";
}

const Value* Call(exprtest::ExprTest& t, std::string_view expr) {
  absl::StatusOr<const Value*> v = t.Eval(expr);
  return v.ok() ? *v : nullptr;
}

TEST(ScopeFunctions, PlaceholderScopes) {
  exprtest::ExprTest t;
  t.env.deployment = DeploymentContext{};
  const Value* sub = Call(t, "subscription()");
  EXPECT_EQ(Member(sub, "id"), "/subscriptions/00000000-0000-0000-0000-000000000000");
  EXPECT_EQ(Member(sub, "subscriptionId"), "00000000-0000-0000-0000-000000000000");
  const Value* rg = Call(t, "resourceGroup()");
  EXPECT_EQ(Member(rg, "id"),
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/resourceGroup");
  EXPECT_EQ(Member(rg, "name"), "resourceGroup");
  EXPECT_EQ(Member(rg, "location"), "eastus");
  EXPECT_EQ(Member(rg, "type"), "Microsoft.Resources/resourceGroups");
  const Value* tenant = Call(t, "tenant()");
  EXPECT_EQ(Member(tenant, "id"), "/tenants/00000000-0000-0000-0000-000000000000");
  const Value* mg = Call(t, "managementGroup()");
  EXPECT_EQ(Member(mg, "id"), "/providers/Microsoft.Management/managementGroups/managementGroup");
  EXPECT_EQ(Member(Call(t, "managementGroup('mg2')"), "name"), "mg2");
  // Arity and kinds: the one checker's wording.
  EXPECT_EQ(t.Show("subscription(1)"),
            "error: function 'subscription' expects 0 arguments, got 1 at character 2");
  EXPECT_EQ(t.Show("managementGroup(1)"),
            "error: function 'managementGroup' expects argument 1 to be a string, got an int at "
            "character 2");
}

TEST(DeploymentFunctions, DeploymentAndEnvironment) {
  exprtest::ExprTest t;
  t.env.deployment.deployment_name = "nested1";
  const Value* d = Call(t, "deployment()");
  EXPECT_EQ(Member(d, "name"), "nested1");
  const Value* props = d == nullptr ? nullptr : d->Find("properties");
  ASSERT_NE(props, nullptr);
  EXPECT_EQ(Member(props, "mode"), "Incremental");
  ASSERT_NE(props->Find("templateLink"), nullptr);
  EXPECT_TRUE(props->Find("templateLink")->is_unknown());
  EXPECT_EQ(t.Show("environment()"), "<unknown object>");
  EXPECT_EQ(t.Show("deployer()"), "<unknown object>");
  EXPECT_EQ(t.Show("deployment('x')"),
            "error: function 'deployment' expects 0 arguments, got 1 at character 2");
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
