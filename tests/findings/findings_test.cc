// Tests for turning hits into findings and ordering them.
#include "findings/findings.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

#include "findings/baseline.h"

namespace armlint::internal {
namespace {

TEST(Findings, MakeFindingsIsAlignedWithTheHits) {
  absl::StatusOr<std::unique_ptr<Document>> doc =
      Document::Parse("infra/./main.json", "{\n  \"a\": 1,\n  \"b\": 2\n}");
  ASSERT_TRUE(doc.ok()) << doc.status();
  Rule rule;
  rule.id = "r";
  rule.problem = "bad.";
  const Value* b = (*doc)->root().Find("b");
  std::vector<Hit> hits(4);
  for (Hit& h : hits) h.rule = &rule;
  hits[0].anchor = b->anchor();
  hits[0].message = "b is 2";
  hits[1].outcome = Tri::kFalse;
  hits[2].outcome = Tri::kUnknown;
  hits[3].anchor = (*doc)->root().Find("a")->anchor();
  LintUnit unit{doc->get(), nullptr, {}};
  std::vector<std::optional<Finding>> made = MakeFindings(hits, unit, FindingPolicy{});
  ASSERT_EQ(made.size(), 4u);
  ASSERT_TRUE(made[0].has_value());
  EXPECT_FALSE(made[1].has_value());  // no violation
  EXPECT_FALSE(made[2].has_value());  // unknown, not asked for
  ASSERT_TRUE(made[3].has_value());
  EXPECT_EQ(made[0]->problem, "bad. b is 2");
  EXPECT_EQ(made[0]->location.line, 3);
  EXPECT_EQ(made[0]->location.pointer, "/b");
  EXPECT_EQ(made[0]->fingerprint,
            Fingerprint("r", "infra/main.json", "infra/./main.json#/b", "/b"));
  EXPECT_EQ(made[3]->location.line, 2);
  EXPECT_EQ(made[3]->fingerprint,
            Fingerprint("r", "infra/./main.json", "infra/./main.json#/a", "/a"));

  FindingPolicy unknown;
  unknown.report_unknown = true;
  made = MakeFindings(hits, unit, unknown);
  ASSERT_TRUE(made[2].has_value());
  EXPECT_EQ(made[2]->outcome, Outcome::kUnknown);
  EXPECT_EQ(made[2]->problem, "bad.");

  // Unknown outcomes assessed, then dropped: made as far as assessments read them.
  unknown.unknown_for_assessment_only = true;
  made = MakeFindings(hits, unit, unknown);
  ASSERT_TRUE(made[2].has_value());
  EXPECT_EQ(made[2]->outcome, Outcome::kUnknown);
  EXPECT_EQ(made[2]->rule_id, "r");
  EXPECT_FALSE(made[2]->suppressed);
  EXPECT_EQ(made[2]->problem, "");
  EXPECT_EQ(made[2]->fingerprint, "");
  ASSERT_TRUE(made[0].has_value());
  EXPECT_EQ(made[0]->problem, "bad. b is 2");  // a failure in full
  EXPECT_EQ(made[0]->location.line, 3);
}

// A missing property points at `properties` (where it would be added), but the fingerprint is
// the one it had when it pointed at the resource: recorded baselines keep matching.
TEST(Findings, MovedLocationKeepsTheFingerprint) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse(
      "main.json",
      "{\"resources\": [\n  {\"type\": \"A.B/c\", \"name\": \"x\",\n   \"properties\": {}}]}");
  ASSERT_TRUE(doc.ok()) << doc.status();
  const Value* decl = (*doc)->root().Find("resources")->items()[0];
  Resource r;
  r.doc = doc->get();
  r.type = "A.B/c";
  r.name = "x";
  r.body = decl;
  r.anchor = decl->anchor();
  Rule rule;
  rule.id = "r";
  std::vector<Hit> hits(2);
  for (Hit& h : hits) {
    h.rule = &rule;
    h.resource = &r;
    h.missing = true;
  }
  hits[0].anchor = decl->Find("properties")->anchor();  // now
  hits[0].identity_anchor = Anchor{};                   // then: the resource
  hits[1].anchor = decl->anchor();                      // as findings were made before
  LintUnit unit{doc->get(), nullptr, {}};
  std::vector<std::optional<Finding>> made = MakeFindings(hits, unit, FindingPolicy{});
  ASSERT_TRUE(made[0].has_value() && made[1].has_value());
  EXPECT_EQ(made[0]->location.pointer, "/resources/0/properties");
  EXPECT_EQ(made[0]->location.line, 3);
  EXPECT_TRUE(made[0]->value_missing);
  EXPECT_EQ(made[1]->location.pointer, "/resources/0");
  EXPECT_EQ(made[0]->fingerprint, made[1]->fingerprint);
}

TEST(Findings, UnknownOutcomeCarriesItsReasonAndNames) {
  absl::StatusOr<std::unique_ptr<Document>> doc =
      Document::Parse("infra/main.json",
                      R"({"parameters": {"p": {"type": "string"}},
          "resources": [{"type": "Microsoft.Web/sites", "name": "[parameters('p')]"}]})");
  ASSERT_TRUE(doc.ok()) << doc.status();
  const Value* decl = (*doc)->root().Find("resources")->items()[0];
  Resource r;
  r.doc = doc->get();
  r.type = "Microsoft.Web/sites";
  r.name = "{unknown}";
  r.name_known = false;
  r.body = decl;
  r.anchor = decl->anchor();
  Rule rule;
  rule.id = "r";
  std::vector<Hit> hits(2);
  hits[0].rule = &rule;
  hits[0].resource = &r;
  hits[0].anchor = decl->Find("name")->anchor();
  hits[0].outcome = Tri::kUnknown;
  hits[0].unknown_reason = "parameter 'p' has no value";
  hits[1].rule = &rule;  // a template-level hit: the parameter
  hits[1].anchor = (*doc)->root().Find("parameters")->Find("p")->anchor();
  LintUnit unit{doc->get(), nullptr, {}};
  FindingPolicy policy;
  policy.report_unknown = true;
  std::vector<std::optional<Finding>> made = MakeFindings(hits, unit, policy);
  ASSERT_TRUE(made[0].has_value() && made[1].has_value());
  EXPECT_EQ(made[0]->unknown_reason, "parameter 'p' has no value");
  EXPECT_EQ(made[0]->impacted_value, "sites [parameters('p')]");
  EXPECT_EQ(made[1]->impacted_field, "template");
  EXPECT_EQ(made[1]->impacted_value, "main.json");
  EXPECT_EQ(made[1]->unknown_reason, "");
}

Finding At(std::string file, int line, std::string rule, std::string problem) {
  Finding f;
  f.location.file = std::move(file);
  f.location.line = line;
  f.rule_id = std::move(rule);
  f.problem = std::move(problem);
  return f;
}

TEST(Findings, SortIsStableByFileLineColumnRule) {
  std::vector<Finding> findings = {At("b.json", 1, "r", "1"), At("a.json", 9, "r", "2"),
                                   At("a.json", 2, "s", "3"), At("a.json", 2, "r", "4"),
                                   At("a.json", 2, "s", "5")};
  SortFindings(findings);
  std::vector<std::string> order;
  for (const Finding& f : findings) order.push_back(f.problem);
  EXPECT_EQ(order, (std::vector<std::string>{"4", "3", "5", "2", "1"}));
  SortFindings(findings);  // already in order
  order.clear();
  for (const Finding& f : findings) order.push_back(f.problem);
  EXPECT_EQ(order, (std::vector<std::string>{"4", "3", "5", "2", "1"}));
}

// Sorted in place along the cycles of the permutation: long cycles, fixed points and equal keys
// (kept in their first order) in one list.
TEST(Findings, SortMovesEachFindingIntoPlaceStably) {
  std::vector<Finding> findings;
  std::vector<std::pair<int, int>> expected;  // (line, position in the input)
  for (int i = 0; i < 200; ++i) {
    const int line = (i * 37) % 50;  // every line four times, in a scrambled order
    findings.push_back(At("a.json", line, "r", std::to_string(i)));
    expected.emplace_back(line, i);
  }
  std::sort(expected.begin(), expected.end());
  SortFindings(findings);
  ASSERT_EQ(findings.size(), expected.size());
  for (std::size_t k = 0; k < findings.size(); ++k) {
    EXPECT_EQ(findings[k].location.line, expected[k].first) << k;
    EXPECT_EQ(findings[k].problem, std::to_string(expected[k].second)) << k;
  }
}

TEST(Findings, ResourceIdentityIgnoresArrayIndexes) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("main.json", R"({
    "resources": [
      {"type": "Microsoft.Storage/storageAccounts", "name": "[parameters('n')]"},
      {"type": "Microsoft.Resources/deployments", "name": "inner", "properties": {"template": {
        "resources": [{"type": "Microsoft.Web/sites", "name": "app", "copy": {"count": 2}}]}}}
    ]})");
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(ResourceIdentity(**doc, "/resources/0", "x"),
            "/resources/{Microsoft.Storage/storageAccounts [parameters('n')]}");
  EXPECT_EQ(ResourceIdentity(**doc, "/resources/1/properties/template/resources/0", "app1"),
            "/resources/{Microsoft.Resources/deployments inner}/properties/template/resources/"
            "{Microsoft.Web/sites app}#app1");
  // languageVersion 2.0: the symbolic name is the identity already.
  absl::StatusOr<std::unique_ptr<Document>> v2 = Document::Parse(
      "v2.json", R"({"resources": {"sa": {"type": "Microsoft.Storage/storageAccounts"}}})");
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(ResourceIdentity(**v2, "/resources/sa", ""), "/resources/sa");
}

}  // namespace
}  // namespace armlint::internal
