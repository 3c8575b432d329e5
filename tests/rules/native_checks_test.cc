// Tests for native checks that fixtures cannot pin down: the api-version age against a fixed
// "now" and a configured age, and the check table itself.
#include "rules/native_checks.h"

#include <algorithm>

#include "gtest/gtest.h"

#include "arm/expand.h"
#include "resources/resource.h"
#include "rules/check_options.h"
#include "rules/checks/template_util.h"
#include "rules/rule_loader.h"
#include "rules/rule_set.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

TEST(NativeChecks, TableIsSortedAndComplete) {
  std::span<const NativeCheck* const> checks = NativeChecks();
  EXPECT_EQ(checks.size(), 23u);
  EXPECT_TRUE(
      std::is_sorted(checks.begin(), checks.end(),
                     [](const NativeCheck* a, const NativeCheck* b) { return a->name < b->name; }));
  EXPECT_NE(FindNativeCheck("template-unused-parameter"), nullptr);
  EXPECT_EQ(FindNativeCheck("Template-Unused-Parameter"), nullptr);
  for (const NativeCheck* c : checks) EXPECT_EQ(FindNativeCheck(c->name), c);
  EXPECT_EQ(FindNativeCheck("zzz"), nullptr);
  EXPECT_EQ(FindNativeCheck(""), nullptr);
}

// Every check is named by a built-in rule whose "check" is that same id.
TEST(NativeChecks, EachCheckIsNamedByItsRule) {
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::Load(RuleSetOptions{});
  ASSERT_TRUE(set.ok()) << set.status();
  for (const NativeCheck* c : NativeChecks()) {
    const Rule* rule = (*set)->Find(c->name);
    ASSERT_NE(rule, nullptr) << c->name;
    EXPECT_EQ(rule->check, c->name);
  }
}

TEST(NativeChecks, RuleWhoseCheckIsNotItsIdIsRejected) {
  absl::StatusOr<std::unique_ptr<Rule>> rule = ParseRuleText("rules/x/my-rule.json", R"({
    "id": "my-rule", "category": "Security", "impact": "Low", "problem": "p", "solution": "s",
    "learnMoreLink": "https://learn.microsoft.com/", "check": "outputs-no-secrets"})");
  ASSERT_FALSE(rule.ok());
  EXPECT_NE(rule.status().message().find("'check' must equal the rule's id 'my-rule'"),
            absl::string_view::npos)
      << rule.status();
}

// The options of `config_options` (a rules.options object), parsed as the config loader does.
CheckOptionsMap Options(const std::string& config_options) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("c.json", config_options);
  EXPECT_TRUE(doc.ok()) << doc.status();
  absl::StatusOr<CheckOptionsMap> map = ParseCheckOptions(**doc, &(*doc)->root());
  EXPECT_TRUE(map.ok()) << map.status();
  return map.ok() ? *map : CheckOptionsMap();
}

std::vector<int> ApiVersionLines(const std::string& text, std::int64_t now,
                                 const std::string& options) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("t.json", text);
  EXPECT_TRUE(doc.ok()) << doc.status();
  Rule rule;
  rule.id = "api-version-recent";
  CheckContext ctx;
  ctx.doc = doc->get();
  ctx.classification.kind = ManifestKind::kTemplate;
  ctx.now_unix_seconds = now;
  CheckOptionsMap parsed = Options(options);
  ctx.options = &parsed;
  std::vector<Hit> hits;
  FindNativeCheck("api-version-recent")->run(ctx, rule, hits);
  std::vector<int> lines;
  for (const Hit& h : hits) lines.push_back((*doc)->Position(h.anchor.pos).line);
  return lines;
}

TEST(NativeChecks, ApiVersionAgeUsesTheGivenDateAndAge) {
  const std::string tmpl = R"({"resources": [
    {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2021-05-01", "name": "a"},
    {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2021-08-01", "name": "b"},
    {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "[variables('v')]", "name": "c"},
    {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "latest", "name": "d"},
    {"type": "Microsoft.Network/dnsZones", "apiVersion": "2018-05-01", "name": "e"},
    {"type": "A.B/c", "apiVersion": "2015-01-01", "name": "f"}]})";
  const std::int64_t kJune2Of2023 = 1685664000;  // 2023-06-02T00:00:00Z
  // 2021-05-01 + 24 months = 2023-05-01 < 2023-06-02: too old; 2021-08-01 is not yet. The DNS
  // zone's version is its type's newest GA one, and A.B/c is no known type: never reported.
  EXPECT_EQ(ApiVersionLines(tmpl, kJune2Of2023, "{}"), (std::vector<int>{2}));
  EXPECT_EQ(ApiVersionLines(tmpl, kJune2Of2023, R"({"api-version-recent": {"maxAgeMonths": 36}})"),
            (std::vector<int>{}));
  EXPECT_EQ(ApiVersionLines(tmpl, kJune2Of2023, R"({"api-version-recent": {"maxAgeMonths": 12}})"),
            (std::vector<int>{2, 3}));
  // The deprecated flat key still works; the rule's own object wins over it.
  EXPECT_EQ(ApiVersionLines(tmpl, kJune2Of2023, R"({"apiVersionMaxAgeMonths": 12})"),
            (std::vector<int>{2, 3}));
  EXPECT_EQ(ApiVersionLines(tmpl, kJune2Of2023,
                            R"({"apiVersionMaxAgeMonths": 12,
                                "api-version-recent": {"maxAgeMonths": 36}})"),
            (std::vector<int>{}));
}

TEST(NativeChecks, ApiVersionMessageNamesTheAgeAndTheNewerVersion) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse(
      "t.json",
      R"({"resources": [{"type": "Microsoft.Network/dnsZones", "apiVersion": "2017-09-01"}]})");
  ASSERT_TRUE(doc.ok());
  Rule rule;
  rule.id = "api-version-recent";
  CheckContext ctx;
  ctx.doc = doc->get();
  ctx.classification.kind = ManifestKind::kTemplate;
  CheckOptionsMap options = Options(R"({"api-version-recent": {"maxAgeMonths": 30}})");
  ctx.options = &options;
  std::vector<Hit> hits;
  FindNativeCheck("api-version-recent")->run(ctx, rule, hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].message,
            "apiVersion '2017-09-01' is more than 30 months old; the newest GA version of "
            "Microsoft.Network/dnsZones is '2018-05-01'");
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
  for (const NativeCheck* c : NativeChecks()) c->run(ctx, rule, hits);
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
  FindNativeCheck("template-unused-parameter")->run(ctx, rule, hits);
  EXPECT_TRUE(hits.empty());
}

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

// diagnostic-logs-enabled, on exported resources (resource ids known): no setting for the vault
// in the deployment is an unknown outcome, not a finding; a setting that targets it by id
// decides it.
std::vector<Hit> DiagnosticHits(std::string_view settings) {
  std::string text = Cat(R"([{"type": "Microsoft.KeyVault/vaults", "name": "kv1",
      "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1"})",
                         settings, "]");
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("e.json", text);
  EXPECT_TRUE(doc.ok());
  std::vector<Resource> resources = ResourcesFromExport(**doc);
  Rule rule;
  rule.id = "diagnostic-logs-enabled";
  CheckContext ctx;
  ctx.doc = doc->get();
  ctx.resources = &resources;
  std::vector<Hit> hits;
  FindNativeCheck("diagnostic-logs-enabled")->run(ctx, rule, hits);
  return hits;
}

TEST(NativeChecks, DiagnosticLogsUnknownWithoutSettingsDecidedWithThem) {
  std::vector<Hit> none = DiagnosticHits("");
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].outcome, Tri::kUnknown);
  EXPECT_NE(none[0].message.find("No diagnostic settings"), std::string::npos);
  constexpr std::string_view kSetting = R"(, {"type": "Microsoft.Insights/diagnosticSettings",
      "name": "d", "scope": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/KV1",
      "properties": {"logs": [{"category": "AuditEvent", "enabled": %s}]}})";
  auto with = [&](std::string_view enabled) {
    std::string s(kSetting);
    s.replace(s.find("%s"), 2, enabled);
    return DiagnosticHits(s);
  };
  EXPECT_TRUE(with("true").empty());
  std::vector<Hit> off = with("false");
  ASSERT_EQ(off.size(), 1u);
  EXPECT_EQ(off[0].outcome, Tri::kTrue);
  EXPECT_NE(off[0].message.find("AuditEvent"), std::string::npos);
  // A setting for another vault does not count.
  std::vector<Hit> other = DiagnosticHits(R"(, {"type": "Microsoft.Insights/diagnosticSettings",
      "name": "d", "scope": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv2",
      "properties": {"logs": [{"categoryGroup": "allLogs", "enabled": true}]}})");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].outcome, Tri::kUnknown);
}

// Custom data of 300 KB in one long run of the characters a pattern repeats: found, in linear
// time, where a backtracking regex overflowed the stack.
TEST(NativeChecks, LongCustomDataIsScannedWithoutRecursion) {
  for (const std::string& secret :
       {"password=" + std::string(300000, 'a'), "AccountKey=" + std::string(300000, 'A')}) {
    const std::string text = Cat(R"({"resources": [{"type": "Microsoft.Compute/virtualMachines",
        "apiVersion": "2023-03-01", "name": "vm1", "properties": {"osProfile": {"customData": ")",
                                 secret, R"("}}}]})");
    absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("t.json", text);
    ASSERT_TRUE(doc.ok()) << doc.status();
    absl::StatusOr<Expansion> expanded = ExpandTemplate(**doc, ExpandOptions());
    ASSERT_TRUE(expanded.ok()) << expanded.status();
    std::vector<Resource> resources = ResourcesFromExpansion(**doc, *expanded);
    Rule rule;
    rule.id = "vm-custom-data-credentials";
    CheckContext ctx;
    ctx.doc = doc->get();
    ctx.classification.kind = ManifestKind::kTemplate;
    ctx.resources = &resources;
    std::vector<Hit> hits;
    FindNativeCheck("vm-custom-data-credentials")->run(ctx, rule, hits);
    ASSERT_EQ(hits.size(), 1u) << secret.substr(0, 12);
  }
}

}  // namespace
}  // namespace armlint::internal
