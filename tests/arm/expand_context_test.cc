// The deployment context a user sets (ExpandOptions::context, README "Offline context") reaches
// subscription(), resourceGroup(), deployment() and environment(); unset values keep the
// documented placeholders.
#include <memory>
#include <string>

#include "gtest/gtest.h"

#include "arm/expand.h"
#include "arm/template_context.h"
#include "json/document.h"

namespace armlint::internal {
namespace {

constexpr char kTemplate[] = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [],
  "outputs": {
    "subscriptionId": {"type": "string", "value": "[subscription().subscriptionId]"},
    "tenantId": {"type": "string", "value": "[subscription().tenantId]"},
    "group": {"type": "string", "value": "[resourceGroup().name]"},
    "groupId": {"type": "string", "value": "[resourceGroup().id]"},
    "location": {"type": "string", "value": "[resourceGroup().location]"},
    "deployment": {"type": "string", "value": "[deployment().name]"},
    "cloud": {"type": "string", "value": "[environment().name]"},
    "storage": {"type": "string", "value": "[environment().suffixes.storage]"}
  }
})";

struct Outputs {
  std::unique_ptr<Document> doc;
  Expansion ex;
  std::string Get(std::string_view name) const {
    const Value* o = ex.outputs == nullptr ? nullptr : ex.outputs->Find(name);
    const Value* v = o == nullptr ? nullptr : o->Find("value");
    if (v == nullptr) return "<missing>";
    if (v->is_unknown()) return "<unknown>";
    return v->is_string() ? std::string(v->string_value()) : "<not a string>";
  }
};

Outputs Expand(const ContextValues& context) {
  Outputs out;
  auto doc = Document::Parse("context.json", kTemplate);
  EXPECT_TRUE(doc.ok()) << doc.status();
  out.doc = std::move(*doc);
  ExpandOptions options;
  options.context = context;
  auto ex = ExpandTemplate(*out.doc, options);
  EXPECT_TRUE(ex.ok()) << ex.status();
  if (ex.ok()) out.ex = std::move(*ex);
  return out;
}

TEST(ExpandContext, UnsetValuesAreThePlaceholders) {
  Outputs o = Expand({});
  EXPECT_EQ(o.Get("subscriptionId"), "00000000-0000-0000-0000-000000000000");
  EXPECT_EQ(o.Get("tenantId"), "00000000-0000-0000-0000-000000000000");
  EXPECT_EQ(o.Get("group"), "resourceGroup");
  EXPECT_EQ(o.Get("location"), "eastus");
  EXPECT_EQ(o.Get("deployment"), "deployment");
  EXPECT_EQ(o.Get("cloud"), "<unknown>");
}

TEST(ExpandContext, GivenValuesReachTheScopeFunctions) {
  ContextValues c;
  c.subscription_id = "11111111-2222-3333-4444-555555555555";
  c.tenant_id = "66666666-7777-8888-9999-000000000000";
  c.resource_group = "rg-prod";
  c.location = "westeurope";
  c.deployment_name = "release-42";
  c.environment = "AzureChinaCloud";
  Outputs o = Expand(c);
  EXPECT_EQ(o.Get("subscriptionId"), c.subscription_id);
  EXPECT_EQ(o.Get("tenantId"), c.tenant_id);
  EXPECT_EQ(o.Get("group"), "rg-prod");
  EXPECT_EQ(o.Get("groupId"),
            "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-prod");
  EXPECT_EQ(o.Get("location"), "westeurope");
  EXPECT_EQ(o.Get("deployment"), "release-42");
  EXPECT_EQ(o.Get("cloud"), "AzureChinaCloud");
  EXPECT_EQ(o.Get("storage"), "core.chinacloudapi.cn");
}

TEST(ExpandContext, AnUnlistedCloudHasANameAndUnknownEndpoints) {
  ContextValues c;
  c.environment = "MyStack";
  Outputs o = Expand(c);
  EXPECT_EQ(o.Get("cloud"), "MyStack");
  EXPECT_EQ(o.Get("storage"), "<unknown>");
}

}  // namespace
}  // namespace armlint::internal
