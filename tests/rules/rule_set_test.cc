// Tests for rules/rule_set.h: loading packs, ids, filtering, type index and evaluation hits.
#include "rules/rule_set.h"

#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"

#include "rule_test_util.h"
#include "rules/builtin_rules.h"
#include "support/rule_pack.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

std::string RuleJson(const std::string& id, const std::string& type_json, const std::string& cond) {
  return R"({"id": ")" + id + R"(", "category": "Security", "impact": "High",)" +
         (type_json.empty() ? "" : R"("resourceType": )" + type_json + ",") +
         R"("problem": "p", "solution": "s", "learnMoreLink": "https://learn.microsoft.com/",
            "if": )" +
         cond + "}";
}

using ::armlint::testing::MakePack;

TEST(RuleSet, BuiltinPackIsEmbeddedAndLoads) {
  ASSERT_GT(kBuiltinRuleFileCount, 0u);
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::Load(RuleSetOptions{});
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_EQ((*set)->rules().size(), kBuiltinRuleFileCount);
  const Rule* r = (*set)->Find("template-unused-parameter");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->check, "template-unused-parameter");
  EXPECT_EQ(r->source, "rules/operational-excellence/template-unused-parameter.json");
  EXPECT_EQ((*set)->Find("no-such-rule"), nullptr);
}

TEST(RuleSet, OnlyAndDisableFilterAndUnknownIdsAreErrors) {
  RuleSetOptions o;
  o.only = {"vm-size-not-literal", "api-version-recent"};
  o.disable = {"api-version-recent"};
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::Load(o);
  ASSERT_TRUE(set.ok()) << set.status();
  ASSERT_EQ((*set)->rules().size(), 1u);
  EXPECT_EQ((*set)->rules()[0]->id, "vm-size-not-literal");
  o.only = {"vm-size-not-literl"};
  EXPECT_FALSE(RuleSet::Load(o).ok());
}

TEST(RuleSet, IndexByExactWildcardAndAnyType) {
  fs::path pack = MakePack(
      "armlint_index_pack",
      {{"a/exact.json", RuleJson("exact", R"("Microsoft.Storage/storageAccounts")",
                                 R"({"field": "name", "exists": true})")},
       {"a/multi.json",
        RuleJson("multi", R"(["Microsoft.Web/sites", "Microsoft.Storage/storageAccounts"])",
                 R"({"field": "name", "exists": true})")},
       {"b/wild.json",
        RuleJson("wild", R"("Microsoft.Storage/*")", R"({"field": "name", "exists": true})")},
       {"b/any.json", RuleJson("any", "", R"({"field": "location", "equals": "westeurope"})")},
       {"tests/exact/pass_x.json", "not a rule: fixtures are skipped"}});
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::LoadDir(pack.string());
  ASSERT_TRUE(set.ok()) << set.status();
  ASSERT_EQ((*set)->rules().size(), 4u);
  EXPECT_EQ((*set)->rules()[0]->id, "any");  // sorted by id
  auto ids = [&](const char* json) {
    testing::TestResource t = testing::MakeResource(json);
    std::vector<Hit> hits;
    (*set)->EvaluateResource(t.resource, hits);
    std::vector<std::string> out;
    for (const Hit& h : hits) out.push_back(h.rule->id);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(
      ids(R"({"type": "microsoft.storage/STORAGEACCOUNTS", "name": "s", "location": "westeurope"})"),
      (std::vector<std::string>{"any", "exact", "multi", "wild"}));
  EXPECT_EQ(
      ids(R"({"type": "Microsoft.Storage/storageAccounts/blobServices", "name": "s/default"})"),
      (std::vector<std::string>{"wild"}));
  EXPECT_EQ(ids(R"({"type": "Microsoft.Web/sites", "name": "w"})"),
            (std::vector<std::string>{"multi"}));
}

TEST(RuleSet, HitsCarryEvidenceOrTheResourceAnchor) {
  fs::path pack = MakePack(
      "armlint_hit_pack",
      {{"r/https.json",
        RuleJson("https", R"("Microsoft.Storage/storageAccounts")",
                 R"({"field": "properties.supportsHttpsTrafficOnly", "notEquals": true})")}});
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::LoadDir(pack.string());
  ASSERT_TRUE(set.ok()) << set.status();
  testing::TestResource bad = testing::MakeResource(
      "{\"type\": \"Microsoft.Storage/storageAccounts\",\n \"properties\": {\n  "
      "\"supportsHttpsTrafficOnly\": false}}");
  std::vector<Hit> hits;
  (*set)->EvaluateResource(bad.resource, hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(testing::LineColOf(bad, hits[0].anchor), "3:31");
  EXPECT_EQ(hits[0].outcome, Tri::kTrue);
  EXPECT_EQ(hits[0].resource, &bad.resource);
  testing::TestResource missing =
      testing::MakeResource(R"({"type": "Microsoft.Storage/storageAccounts", "properties": {}})");
  hits.clear();
  (*set)->EvaluateResource(missing.resource, hits);
  ASSERT_EQ(hits.size(), 1u);
  // Absent: where it would be added (`properties`); the fingerprint still reads the resource.
  EXPECT_TRUE(hits[0].missing);
  EXPECT_EQ(hits[0].anchor.pos, missing.resource.body->Find("properties")->pos());
  ASSERT_TRUE(hits[0].identity_anchor.has_value());
  EXPECT_FALSE(hits[0].identity_anchor->known());
}

TEST(RuleSet, DuplicateIdsAndStemMismatchAreErrors) {
  fs::path pack =
      MakePack("armlint_dup_pack",
               {{"a/same.json", RuleJson("same", "", R"({"field": "name", "exists": true})")},
                {"b/same.json", RuleJson("same", "", R"({"field": "name", "exists": true})")}});
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::LoadDir(pack.string());
  ASSERT_FALSE(set.ok());
  EXPECT_NE(std::string(set.status().message()).find("duplicate rule id 'same'"),
            std::string::npos);
  std::optional<SourceLocation> at = GetSourceLocation(set.status());
  ASSERT_TRUE(at.has_value());
  EXPECT_NE(at->file.find("b/same.json"), std::string::npos);
  EXPECT_EQ(at->line, 1);
  EXPECT_EQ(at->column, 8);
  // A built-in id in a user pack is a duplicate too.
  fs::path clash =
      MakePack("armlint_clash_pack",
               {{"vm-size-not-literal.json",
                 RuleJson("vm-size-not-literal", "", R"({"field": "name", "exists": true})")}});
  RuleSetOptions o;
  o.rule_dirs = {clash.string()};
  EXPECT_FALSE(RuleSet::Load(o).ok());
  EXPECT_FALSE(RuleSet::LoadDir("/nonexistent/armlint").ok());
}

}  // namespace
}  // namespace armlint::internal
