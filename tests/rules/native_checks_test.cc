// Tests for native checks that fixtures cannot pin down: the api-version age against a fixed
// "now" and a configured age, and the check table itself.
#include "rules/native_checks.h"

#include <algorithm>

#include "gtest/gtest.h"

#include "rules/checks/template_util.h"
#include "rules/rule_loader.h"

namespace armlint::internal {
namespace {

TEST(NativeChecks, TableIsSortedAndComplete) {
  std::span<const NativeCheck> checks = NativeChecks();
  EXPECT_EQ(checks.size(), 10u);
  EXPECT_TRUE(
      std::is_sorted(checks.begin(), checks.end(),
                     [](const NativeCheck& a, const NativeCheck& b) { return a.name < b.name; }));
  EXPECT_NE(FindNativeCheck("unused-parameter"), nullptr);
  EXPECT_EQ(FindNativeCheck("Unused-Parameter"), nullptr);
}

std::vector<int> ApiVersionLines(const std::string& text, std::int64_t now, int months) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("t.json", text);
  EXPECT_TRUE(doc.ok()) << doc.status();
  Rule rule;
  rule.id = "api-version-recent";
  CheckContext ctx;
  ctx.doc = doc->get();
  ctx.classification.kind = ManifestKind::kTemplate;
  ctx.now_unix_seconds = now;
  ctx.api_version_max_age_months = months;
  std::vector<Hit> hits;
  CheckApiVersionAge(ctx, rule, hits);
  std::vector<int> lines;
  for (const Hit& h : hits) lines.push_back((*doc)->Position(h.anchor.pos).line);
  return lines;
}

TEST(NativeChecks, ApiVersionAgeUsesTheGivenDateAndAge) {
  const std::string tmpl = R"({"resources": [
    {"type": "A.B/c", "apiVersion": "2021-06-01", "name": "a"},
    {"type": "A.B/c", "apiVersion": "2021-06-02-preview", "name": "b"},
    {"type": "A.B/c", "apiVersion": "[variables('v')]", "name": "c"},
    {"type": "A.B/c", "apiVersion": "latest", "name": "d"}]})";
  const std::int64_t kJune2Of2023 = 1685664000;  // 2023-06-02T00:00:00Z
  // 2021-06-01 + 24 months = 2023-06-01 < 2023-06-02: too old; 2021-06-02 is not yet.
  EXPECT_EQ(ApiVersionLines(tmpl, kJune2Of2023, 24), (std::vector<int>{2}));
  EXPECT_EQ(ApiVersionLines(tmpl, kJune2Of2023, 36), (std::vector<int>{}));
  EXPECT_EQ(ApiVersionLines(tmpl, kJune2Of2023, 12), (std::vector<int>{2, 3}));
}

TEST(NativeChecks, SkipNonTemplates) {
  absl::StatusOr<std::unique_ptr<Document>> doc =
      Document::Parse("e.json", R"([{"type": "A.B/c", "name": "x", "location": "westeurope"}])");
  ASSERT_TRUE(doc.ok());
  Rule rule;
  CheckContext ctx;
  ctx.doc = doc->get();
  ctx.classification.kind = ManifestKind::kResourceExport;
  std::vector<Hit> hits;
  for (const NativeCheck& c : NativeChecks()) c.run(ctx, rule, hits);
  EXPECT_TRUE(hits.empty());
}

TEST(NativeChecks, DynamicParameterNamesSuppressUnusedParameter) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("t.json", R"({
    "parameters": {"a": {"type": "string"}, "b": {"type": "string"}},
    "resources": [{"type": "A.B/c", "name": "[parameters(concat('a', ''))]"}]})");
  ASSERT_TRUE(doc.ok());
  Rule rule;
  CheckContext ctx;
  ctx.doc = doc->get();
  ctx.classification.kind = ManifestKind::kTemplate;
  std::vector<Hit> hits;
  CheckUnusedParameter(ctx, rule, hits);
  EXPECT_TRUE(hits.empty());
}

}  // namespace
}  // namespace armlint::internal

namespace armlint::internal {
namespace {

TEST(NativeChecks, CollectReferencesAfterAStringArgument) {
  absl::flat_hash_set<std::string> names;
  bool dynamic = false;
  checks::CollectReferences(
      "[format('{0}{1}', parameters('baseName'), parameters('BaseUniqueName'), '')]", "parameters",
      names, dynamic);
  EXPECT_FALSE(dynamic);
  EXPECT_TRUE(names.contains("basename"));
  EXPECT_TRUE(names.contains("baseuniquename"));
  EXPECT_FALSE(names.contains("{0}{1}"));
  names.clear();
  checks::CollectReferences("[parameters(variables('p'))]", "parameters", names, dynamic);
  EXPECT_TRUE(dynamic);
}

// Names are matched case-insensitively, with spaces before and inside the call, only at a
// word boundary, and never inside string literals (escaped quotes included).
TEST(NativeChecks, CollectReferencesBoundariesCaseAndLiterals) {
  absl::flat_hash_set<std::string> names;
  bool dynamic = false;
  checks::CollectReferences(
      "[concat(PARAMETERS ( 'One' ), myparameters('two'), x.parameters('three'), "
      "'it''s parameters(''four'')', parameters('five'))]",
      "parameters", names, dynamic);
  EXPECT_FALSE(dynamic);
  EXPECT_EQ(names, (absl::flat_hash_set<std::string>{"one", "five"}));
  names.clear();
  checks::CollectReferences("[variables('a')]", "parameters", names, dynamic);
  EXPECT_TRUE(names.empty());
  checks::CollectReferences("[variables( 'A' )]", "variables", names, dynamic);
  EXPECT_EQ(names, (absl::flat_hash_set<std::string>{"a"}));
}

}  // namespace
}  // namespace armlint::internal
