// Tests for loading Azure Policy definitions: shapes, reasons for leaving definitions out,
// load errors with file:line:col, effects -> impact, report fields, limits, real built-ins.
#include "policy/policy_loader.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "gtest/gtest.h"

#include "armlint/armlint.hpp"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

class PolicyFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("armlint_policy_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p.string();
  }
  PolicyLoad Load(const std::string& path, const std::string& params = "") {
    PolicyLoadOptions o;
    o.paths = {path};
    o.parameters_file = params;
    return LoadPolicies(o);
  }
  fs::path dir_;
};

std::string Def(const std::string& name, const std::string& cond,
                const std::string& effect = "audit", const std::string& extra = "") {
  return R"({"name": ")" + name + R"(", "properties": {"displayName": "D )" + name +
         R"(", "mode": "All", )" + extra + R"( "policyRule": {"if": )" + cond +
         R"(, "then": {"effect": ")" + effect + R"("}}}})";
}

constexpr const char* kStorageType =
    R"({"field": "type", "equals": "Microsoft.Storage/storageAccounts"})";

TEST_F(PolicyFiles, UnknownAliasIsAnErrorWithLineColumnAndSuggestion) {
  std::string f = Write("p.json", Def("a", R"({"allOf": [
    {"field": "Microsoft.Storage/storageAccounts/minimumTlsVersions", "equals": "TLS1_0"}]})"));
  PolicyLoad load = Load(f);
  ASSERT_EQ(load.errors.size(), 1u);
  std::optional<SourceLocation> at = GetSourceLocation(load.errors[0]);
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->line, 2);
  EXPECT_EQ(at->column, 15);
  EXPECT_NE(load.errors[0].message().find(
                "did you mean 'Microsoft.Storage/storageAccounts/minimumTlsVersion'"),
            absl::string_view::npos)
      << load.errors[0];
  EXPECT_TRUE(load.rules.empty());
}

TEST_F(PolicyFiles, AliasIsLookedUpNotGuessed) {
  // sku.name of a virtual machine is its size, not a `sku` member.
  std::string f = Write("p.json", Def("vm-size", R"({"allOf": [
    {"field": "type", "equals": "Microsoft.Compute/virtualMachines"},
    {"field": "Microsoft.Compute/virtualMachines/sku.name", "equals": "Standard_D2s_v3"}]})"));
  Options options;
  options.builtin_rules = false;
  options.use_config = false;
  options.policy_paths = {f};
  absl::StatusOr<Engine> engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok());
  LintResult r = engine->LintBuffer("t.json", R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [{"type": "Microsoft.Compute/virtualMachines", "apiVersion": "2023-03-01",
    "name": "vm1", "location": "westeurope", "sku": {"name": "other"},
    "properties": {"hardwareProfile": {
      "vmSize": "Standard_D2s_v3"}}}]})");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule_id, "vm-size");
  EXPECT_EQ(r.findings[0].location.line, 7);  // the vmSize value
  EXPECT_EQ(r.findings[0].effect, "audit");
  ASSERT_TRUE(r.findings[0].policy.has_value());
  EXPECT_EQ(r.findings[0].policy->display_name, "D vm-size");
  EXPECT_EQ(r.findings[0].impact, Impact::kMedium);
}

TEST_F(PolicyFiles, UnknownOperatorAndBadJsonAreErrors) {
  std::string a = Write("a.json", Def("a", R"({"field": "name", "equalz": "x"})"));
  std::string b = Write("b.json", "{\"name\": \"b\", \"properties\": {");
  PolicyLoadOptions o;
  o.paths = {a, b};
  PolicyLoad load = LoadPolicies(o);
  ASSERT_EQ(load.errors.size(), 2u);
  // Files that do not parse are reported as they are read, definitions as they are compiled.
  std::optional<SourceLocation> json_at = GetSourceLocation(load.errors[0]);
  ASSERT_TRUE(json_at.has_value());
  EXPECT_EQ(json_at->file, b);
  EXPECT_EQ(json_at->line, 1);
  std::optional<SourceLocation> op_at = GetSourceLocation(load.errors[1]);
  ASSERT_TRUE(op_at.has_value());
  EXPECT_EQ(op_at->file, a);
  EXPECT_NE(load.errors[1].message().find("unknown operator 'equalz' (did you mean 'equals'?)"),
            absl::string_view::npos)
      << load.errors[1];
}

TEST_F(PolicyFiles, BadParameterValueIsAnErrorInTheAssignment) {
  std::string f = Write("p.json", Def("a", kStorageType, "[parameters('effect')]",
                                      R"("parameters": {"effect": {"type": "String",
      "allowedValues": ["Audit", "Deny"], "defaultValue": "Audit"}},)"));
  std::string params = Write("assign.json", "{\n  \"effect\": {\"value\": \"Sometimes\"}}");
  PolicyLoad load = Load(f, params);
  ASSERT_EQ(load.errors.size(), 1u);
  std::optional<SourceLocation> at = GetSourceLocation(load.errors[0]);
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->file, params);
  EXPECT_EQ(at->line, 2);
  EXPECT_NE(load.errors[0].message().find("not in allowedValues"), absl::string_view::npos);
}

TEST_F(PolicyFiles, ADefaultOfAnotherTypeIsAcceptedAGivenValueIsNot) {
  // Azure accepts a definition whose unused String parameter defaults to [] (a built-in
  // initiative has one); an assignment value of the wrong type is still an error.
  std::string f = Write("p.json", Def("a", kStorageType, "audit",
                                      R"("parameters": {"op": {"type": "String",
      "defaultValue": []}},)"));
  PolicyLoad ok = Load(f, "");
  for (const absl::Status& e : ok.errors) ADD_FAILURE() << e;
  EXPECT_EQ(ok.rules.size(), 1u);
  std::string params = Write("assign.json", "{\n  \"op\": {\"value\": [1]}}");
  PolicyLoad bad = Load(f, params);
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_NE(bad.errors[0].message().find("must be of type String, not array"),
            absl::string_view::npos)
      << bad.errors[0];
}

TEST_F(PolicyFiles, LeftOutDefinitionsCarryAReason) {
  Write("manual.json", Def("manual", kStorageType, "Manual"));
  Write("disabled.json", Def("disabled", kStorageType, "Disabled"));
  Write("data.json", R"({"name": "data", "properties": {"mode": "Microsoft.Kubernetes.Data",
    "policyRule": {"if": {"field": "type", "equals": "x"}, "then": {"effect": "audit"}}}})");
  Write("nocond.json",
        R"({"name": "nocond", "properties": {"displayName": "Microsoft managed control"}})");
  Write("required.json", Def("required", R"({"field": "location", "equals": "[parameters('l')]"})",
                             "audit", R"("parameters": {"l": {"type": "String"}},)"));
  PolicyLoad load = Load(dir_.string());
  EXPECT_TRUE(load.errors.empty());
  EXPECT_TRUE(load.rules.empty());
  std::map<std::string, std::string> why;
  for (const SkippedPolicy& s : load.skipped) why[s.name] = s.reason;
  EXPECT_EQ(why["manual"], "effect Manual: not evaluated");
  EXPECT_EQ(why["disabled"], "effect Disabled: not evaluated");
  EXPECT_NE(why["data"].find("Microsoft.Kubernetes.Data"), std::string::npos);
  EXPECT_NE(why["nocond"].find("no condition"), std::string::npos);
  EXPECT_EQ(why["required"], "required parameter 'l' has no value");
}

TEST_F(PolicyFiles, EffectsMapToImpacts) {
  EXPECT_EQ(ImpactOfEffect("Deny"), Impact::kHigh);
  EXPECT_EQ(ImpactOfEffect("audit"), Impact::kMedium);
  EXPECT_EQ(ImpactOfEffect("AuditIfNotExists"), Impact::kMedium);
  EXPECT_EQ(ImpactOfEffect("deployIfNotExists"), Impact::kLow);
  EXPECT_EQ(ImpactOfEffect("modify"), Impact::kLow);
  EXPECT_EQ(ImpactOfEffect("append"), Impact::kLow);
}

TEST_F(PolicyFiles, RulesAreIndexedByTheTypeTheyTest) {
  std::string f = Write("p.json", Def("t", R"({"allOf": [{"field": "type", "in":
      ["Microsoft.Storage/storageAccounts", "Microsoft.Web/sites"]}, {"field": "name", "exists": true}]})"));
  PolicyLoad load = Load(f);
  ASSERT_EQ(load.rules.size(), 1u);
  EXPECT_EQ(load.rules[0]->resource_types,
            (std::vector<std::string>{"microsoft.storage/storageaccounts", "microsoft.web/sites"}));
}

// .armlint.json "policies[].category" decides the pillar; --policy (and an unset one) Security.
TEST_F(PolicyFiles, CategoryComesFromTheSource) {
  std::string f = Write("p.json", Def("c", kStorageType));
  PolicyLoadOptions o;
  o.sources = {{f, "", Category::kCost}};
  PolicyLoad load = LoadPolicies(o);
  ASSERT_EQ(load.rules.size(), 1u);
  EXPECT_EQ(load.rules[0]->category, Category::kCost);
  o.sources = {{f, "", std::nullopt}};
  load = LoadPolicies(o);
  ASSERT_EQ(load.rules.size(), 1u);
  EXPECT_EQ(load.rules[0]->category, Category::kSecurity);
  load = Load(f);
  ASSERT_EQ(load.rules.size(), 1u);
  EXPECT_EQ(load.rules[0]->category, Category::kSecurity);
}

// Hostile policies finish quickly or stop at a named limit.
TEST_F(PolicyFiles, HugeAnyOfAndAllowedValuesLoad) {
  std::string any = R"({"anyOf": [)";
  for (int i = 0; i < 100000; ++i) {
    any += (i ? "," : "") + std::string(R"({"field": "name", "equals": "n)") + std::to_string(i) +
           "\"}";
  }
  any += "]}";
  std::string allowed = "[";
  for (int i = 0; i < 200000; ++i) allowed += (i ? ",\"l" : "\"l") + std::to_string(i) + "\"";
  allowed += "]";
  std::string f = Write("p.json", Def("big", any, "audit",
                                      R"("parameters": {"l": {"type": "Array", "allowedValues": )" +
                                          allowed + R"(, "defaultValue": ["l5"]}},)"));
  auto start = std::chrono::steady_clock::now();
  PolicyLoad load = Load(f);
  EXPECT_TRUE(load.errors.empty());
  EXPECT_EQ(load.rules.size(), 1u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST_F(PolicyFiles, DeepNestingStopsAtTheNamedLimit) {
  std::string cond = R"({"field": "name", "equals": "x"})";
  for (int i = 0; i < 200; ++i) cond = R"({"not": )" + cond + "}";
  PolicyLoad load = Load(Write("p.json", Def("deep", cond)));
  ASSERT_EQ(load.errors.size(), 1u);
  EXPECT_NE(load.errors[0].message().find("kMaxConditionDepth"), absl::string_view::npos);
}

// The real built-in definitions (../shared/azure-policy), when present.
TEST(BuiltinPolicies, AllLoadWithoutErrorAndMostAreEvaluated) {
  std::string dir = std::string(ARMLINT_SOURCE_DIR) +
                    "/../shared/azure-policy/built-in-policies/policyDefinitions";
  if (!fs::is_directory(dir)) {
    dir = std::string(ARMLINT_SOURCE_DIR) +
          "/../../shared/azure-policy/built-in-policies/policyDefinitions";
  }
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no built-in policies at " << dir;
  PolicyLoadOptions o;
  o.paths = {dir};
  PolicyLoad load = LoadPolicies(o);
  for (const absl::Status& s : load.errors) ADD_FAILURE() << s;
  EXPECT_GE(load.rules.size(), 1000u);
  EXPECT_EQ(load.rules.size() + load.skipped.size(), 3586u);
  for (const SkippedPolicy& s : load.skipped) EXPECT_FALSE(s.reason.empty()) << s.name;
}

TEST(BuiltinPolicies, InitiativesLoadWithoutError) {
  std::string dir = std::string(ARMLINT_SOURCE_DIR) + "/../shared/azure-policy/built-in-policies";
  if (!fs::is_directory(dir + "/policySetDefinitions")) {
    dir = std::string(ARMLINT_SOURCE_DIR) + "/../../shared/azure-policy/built-in-policies";
  }
  if (!fs::is_directory(dir + "/policySetDefinitions")) {
    GTEST_SKIP() << "no built-in initiatives at " << dir;
  }
  PolicyLoadOptions o;
  o.paths = {dir};
  PolicyLoad load = LoadPolicies(o);
  for (const absl::Status& s : load.errors) ADD_FAILURE() << s;
  EXPECT_GT(load.rules.size(), 3586u);  // initiative members come on top of the definitions
}

}  // namespace
}  // namespace armlint::internal
