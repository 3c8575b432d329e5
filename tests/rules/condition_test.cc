// Tests for compiled conditions: logic, [*], count/where, current(), evidence anchors and the
// source-aware operators.
#include "rules/condition.h"

#include "gtest/gtest.h"

#include "rule_test_util.h"

namespace armlint::internal {
namespace {

using testing::CompileCondition;
using testing::LineColOf;
using testing::MakeResource;

// A storage account written over several lines, so anchors have distinct lines.
constexpr const char* kStorage = R"({
  "type": "Microsoft.Storage/storageAccounts",
  "name": "stdata001",
  "location": "westeurope",
  "tags": {"env": "prod", "cost.center": "42"},
  "sku": {"name": "Standard_LRS"},
  "properties": {
    "supportsHttpsTrafficOnly": false,
    "minimumTlsVersion": "TLS1_0",
    "networkAcls": {
      "defaultAction": "Allow",
      "ipRules": [
        {"value": "10.0.0.1", "action": "Allow"},
        {"value": "0.0.0.0/0", "action": "Allow"}
      ]
    },
    "emptyList": []
  }
})";

struct Eval {
  Tri outcome;
  std::string at;
};

Eval Check(const testing::TestResource& t, const std::string& cond) {
  absl::StatusOr<std::unique_ptr<Condition>> c = CompileCondition(cond);
  EXPECT_TRUE(c.ok()) << cond << ": " << c.status();
  if (!c.ok()) return {Tri::kUnknown, "error"};
  ConditionResult r = (*c)->Evaluate(t.resource);
  return {r.outcome, LineColOf(t, r.anchor)};
}

TEST(Condition, FieldForms) {
  testing::TestResource t = MakeResource(kStorage);
  EXPECT_EQ(Check(t, R"({"field": "type", "equals": "microsoft.storage/storageaccounts"})").outcome,
            Tri::kTrue);
  EXPECT_EQ(Check(t, R"({"field": "name", "equals": "stdata001"})").outcome, Tri::kTrue);
  EXPECT_EQ(Check(t, R"({"field": "tags.env", "equals": "prod"})").outcome, Tri::kTrue);
  EXPECT_EQ(Check(t, R"({"field": "tags['cost.center']", "equals": "42"})").outcome, Tri::kTrue);
  EXPECT_EQ(Check(t, R"({"field": "tags", "containsKey": "ENV"})").outcome, Tri::kTrue);
  EXPECT_EQ(Check(t, R"({"field": "sku.name", "like": "Standard_*"})").outcome, Tri::kTrue);
  EXPECT_EQ(Check(t, R"({"field": "Microsoft.Storage/storageAccounts/supportsHttpsTrafficOnly",
                       "equals": false})")
                .outcome,
            Tri::kTrue);
  EXPECT_EQ(Check(t, R"({"field": "Microsoft.Storage/storageAccounts/networkAcls.ipRules[*].action",
                       "equals": "Allow"})")
                .outcome,
            Tri::kTrue);
}

TEST(Condition, WildcardMeansEveryElement) {
  testing::TestResource t = MakeResource(kStorage);
  // Every ipRules[*].value is an IP-like string, not every one is 10.*.
  EXPECT_EQ(
      Check(t, R"({"field": "properties.networkAcls.ipRules[*].value", "like": "*.*"})").outcome,
      Tri::kTrue);
  Eval e = Check(t, R"({"field": "properties.networkAcls.ipRules[*].value", "like": "10.*"})");
  EXPECT_EQ(e.outcome, Tri::kFalse);
  EXPECT_EQ(e.at, "14:19");  // the element that failed
  // Empty and missing arrays: vacuously true.
  EXPECT_EQ(Check(t, R"({"field": "properties.emptyList[*]", "equals": "x"})").outcome, Tri::kTrue);
  EXPECT_EQ(Check(t, R"({"field": "properties.nothing[*].x", "equals": "x"})").outcome, Tri::kTrue);
  // not(all elements ...) is the usual "any element" idiom.
  EXPECT_EQ(Check(t, R"({"not": {"field": "properties.networkAcls.ipRules[*].value",
                               "notEquals": "0.0.0.0/0"}})")
                .outcome,
            Tri::kTrue);
}

TEST(Condition, EvidencePointsAtTheOffendingProperty) {
  testing::TestResource t = MakeResource(kStorage);
  // allOf: the property, not the type check.
  Eval e = Check(t, R"({"allOf": [
      {"field": "type", "equals": "Microsoft.Storage/storageAccounts"},
      {"field": "properties.supportsHttpsTrafficOnly", "equals": false}]})");
  EXPECT_EQ(e.outcome, Tri::kTrue);
  EXPECT_EQ(e.at, "8:33");
  // A missing property: where it would be added, its nearest existing ancestor (`properties`).
  e = Check(t, R"({"allOf": [
      {"field": "type", "equals": "Microsoft.Storage/storageAccounts"},
      {"field": "properties.allowBlobPublicAccess", "exists": false}]})");
  EXPECT_EQ(e.outcome, Tri::kTrue);
  EXPECT_EQ(e.at, "7:17");
  e = Check(t, R"({"field": "properties.networkAcls.bypass", "exists": false})");
  EXPECT_EQ(e.at, "10:20");
  // anyOf: the member that was true.
  e = Check(t, R"({"anyOf": [
      {"field": "properties.minimumTlsVersion", "equals": "TLS1_2"},
      {"field": "properties.networkAcls.defaultAction", "equals": "Allow"}]})");
  EXPECT_EQ(e.outcome, Tri::kTrue);
  EXPECT_EQ(e.at, "11:24");
  // not: the value that made the inner condition false.
  e = Check(t, R"({"not": {"field": "properties.minimumTlsVersion", "in": ["TLS1_2", "TLS1_3"]}})");
  EXPECT_EQ(e.outcome, Tri::kTrue);
  EXPECT_EQ(e.at, "9:26");
  // The more specific path wins over a shallower one.
  e = Check(t, R"({"allOf": [
      {"field": "properties.networkAcls.defaultAction", "equals": "Allow"},
      {"field": "location", "equals": "westeurope"}]})");
  EXPECT_EQ(e.at, "11:24");
}

TEST(Condition, MissingPropertyPointsWhereItWouldBeAdded) {
  // No `properties` at all: the resource.
  testing::TestResource bare = MakeResource(R"({
  "type": "A.B/c",
  "name": "x"
})");
  Eval e = Check(bare, R"({"field": "properties.a.b", "exists": false})");
  EXPECT_EQ(e.outcome, Tri::kTrue);
  EXPECT_EQ(e.at, "1:1");
  // A filter on a present property, then the absent one: the absent one is the offence.
  testing::TestResource vm = MakeResource(R"({
  "type": "Microsoft.Compute/virtualMachines",
  "properties": {
    "storageProfile": {"imageReference": {"publisher": "MicrosoftWindowsServer"}},
    "priority": "Spot"
  }
})");
  e = Check(vm, R"({"allOf": [
      {"field": "properties.storageProfile.imageReference.publisher",
       "equals": "MicrosoftWindowsServer"},
      {"field": "properties.licenseType", "exists": false}]})");
  EXPECT_EQ(e.outcome, Tri::kTrue);
  EXPECT_EQ(e.at, "3:17");
  // A present value that is not the safe one names the offence before an absent filter.
  e = Check(vm, R"({"allOf": [
      {"field": "properties.priority", "notEquals": "Regular"},
      {"field": "properties.privateEndpoint", "exists": false}]})");
  EXPECT_EQ(e.outcome, Tri::kTrue);
  EXPECT_EQ(e.at, "5:17");
}

TEST(Condition, NullAndEmptyValuesPointAtThemselves) {
  testing::TestResource t = MakeResource(R"({
  "type": "Microsoft.ContainerService/managedClusters",
  "properties": {
    "dnsPrefix": null,
    "apiServerAccessProfile": {
      "authorizedIPRanges": []
    }
  }
})");
  // Written as null (or an expression that evaluated to null): that value.
  Eval e = Check(t, R"({"field": "properties.dnsPrefix", "exists": false})");
  EXPECT_EQ(e.outcome, Tri::kTrue);
  EXPECT_EQ(e.at, "4:18");
  // Present but empty: the empty array, not the resource.
  e = Check(t, R"({"count": {"field": "properties.apiServerAccessProfile.authorizedIPRanges[*]"},
                   "equals": 0})");
  EXPECT_EQ(e.outcome, Tri::kTrue);
  EXPECT_EQ(e.at, "6:29");
  // Absent array: where it would be added.
  e = Check(t, R"({"count": {"field": "properties.agentPoolProfiles[*]"}, "equals": 0})");
  EXPECT_EQ(e.outcome, Tri::kTrue);
  EXPECT_EQ(e.at, "3:17");
}

TEST(Condition, FingerprintEvidenceKeepsTheResourceForMissingFields) {
  testing::TestResource t = MakeResource(kStorage);
  absl::StatusOr<std::unique_ptr<Condition>> c =
      CompileCondition(R"({"field": "properties.allowBlobPublicAccess", "exists": false})");
  ASSERT_TRUE(c.ok());
  ConditionResult r = (*c)->Evaluate(t.resource);
  EXPECT_TRUE(r.missing);
  EXPECT_EQ(LineColOf(t, r.anchor), "7:17");
  ASSERT_TRUE(r.identity_anchor.has_value());
  EXPECT_FALSE(r.identity_anchor->known());  // the resource, as findings had it
  // A present property: the same anchor for both.
  c = CompileCondition(R"({"field": "properties.minimumTlsVersion", "equals": "TLS1_0"})");
  ASSERT_TRUE(c.ok());
  r = (*c)->Evaluate(t.resource);
  EXPECT_EQ(LineColOf(t, r.anchor), "9:26");
  EXPECT_EQ(LineColOf(t, *r.identity_anchor), "9:26");
}

TEST(Condition, UnknownOutcomeSaysWhy) {
  testing::TestResource t = MakeResource(R"({"type": "A.B/c", "properties": {"a": 1}})");
  Arena arena;
  std::vector<Member> members = {
      Member{"a", Value::Int(arena, 1, Anchor{}), 0},
      Member{"plan", Value::Unknown(arena, "parameter 'plan' has no value", Anchor{}), 0}};
  std::vector<Member> body = {Member{"type", t.doc->root().Find("type"), 0},
                              Member{"properties", Value::Object(arena, members, Anchor{}), 0}};
  t.resource.body = Value::Object(arena, body, t.doc->root().anchor());
  absl::StatusOr<std::unique_ptr<Condition>> c = CompileCondition(R"({"allOf": [
      {"field": "properties.a", "equals": 1},
      {"field": "properties.plan", "equals": "Free"}]})");
  ASSERT_TRUE(c.ok());
  ConditionResult r = (*c)->Evaluate(t.resource);
  EXPECT_EQ(r.outcome, Tri::kUnknown);
  EXPECT_EQ(r.unknown_reason, "parameter 'plan' has no value");
  // A known outcome carries no reason.
  c = CompileCondition(R"({"field": "properties.a", "equals": 1})");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ((*c)->Evaluate(t.resource).unknown_reason, "");
}

TEST(Condition, KleeneLogicWithUnknowns) {
  testing::TestResource t = MakeResource(R"({"type": "A.B/c", "properties": {"a": 1}})");
  Arena& a = t.doc->arena();
  const Value* unknown = Value::Unknown(a, "reference()", Anchor{0, 0});
  Member pm[2] = {{"a", t.resource.body->Find("properties")->Find("a"), 0}, {"u", unknown, 0}};
  Member rm[2] = {{"type", t.resource.body->Find("type"), 0},
                  {"properties", Value::Object(a, pm, Anchor{0, 0}), 0}};
  t.resource.body = Value::Object(a, rm, Anchor{0, 0});
  auto run = [&](const char* c) { return Check(t, c).outcome; };
  EXPECT_EQ(run(R"({"field": "properties.u", "equals": 1})"), Tri::kUnknown);
  EXPECT_EQ(run(R"({"allOf": [{"field": "properties.u", "equals": 1},
                               {"field": "properties.a", "equals": 2}]})"),
            Tri::kFalse);
  EXPECT_EQ(run(R"({"allOf": [{"field": "properties.u", "equals": 1},
                               {"field": "properties.a", "equals": 1}]})"),
            Tri::kUnknown);
  EXPECT_EQ(run(R"({"anyOf": [{"field": "properties.u", "equals": 1},
                               {"field": "properties.a", "equals": 1}]})"),
            Tri::kTrue);
  EXPECT_EQ(run(R"({"anyOf": [{"field": "properties.u", "equals": 1},
                               {"field": "properties.a", "equals": 2}]})"),
            Tri::kUnknown);
  EXPECT_EQ(run(R"({"not": {"field": "properties.u", "equals": 1}})"), Tri::kUnknown);
  EXPECT_EQ(run(R"({"field": "properties.u.deeper", "equals": 1})"), Tri::kUnknown);
}

constexpr const char* kNsg = R"({
  "type": "Microsoft.Network/networkSecurityGroups",
  "name": "nsg",
  "properties": {
    "securityRules": [
      {"name": "ssh", "properties": {"access": "Allow", "direction": "Inbound",
                                     "destinationPortRanges": ["22", "3389"]}},
      {"name": "web", "properties": {"access": "Allow", "direction": "Inbound",
                                     "destinationPortRanges": ["443"]}},
      {"name": "deny", "properties": {"access": "Deny", "direction": "Inbound",
                                      "destinationPortRanges": ["*"]}}
    ]
  }
})";

TEST(Condition, FieldCountWithWhere) {
  testing::TestResource t = MakeResource(kNsg);
  auto count = [&](const std::string& where, const std::string& op) {
    return Check(t, R"({"count": {"field": "properties.securityRules[*]", "where": )" + where +
                        "}, " + op + "}")
        .outcome;
  };
  const std::string allow =
      R"({"field": "properties.securityRules[*].properties.access", "equals": "Allow"})";
  EXPECT_EQ(count(allow, R"("equals": 2)"), Tri::kTrue);
  EXPECT_EQ(count(allow, R"("greater": 2)"), Tri::kFalse);
  EXPECT_EQ(count(allow, R"("in": [1, 2])"), Tri::kTrue);
  // Without where: every element counts.
  EXPECT_EQ(Check(t, R"({"count": {"field": "properties.securityRules[*]"}, "equals": 3})").outcome,
            Tri::kTrue);
  // Missing array: zero.
  EXPECT_EQ(Check(t, R"({"count": {"field": "properties.none[*]"}, "equals": 0})").outcome,
            Tri::kTrue);
  // Evidence: the first element for which `where` held.
  Eval e = Check(t, R"({"count": {"field": "properties.securityRules[*]", "where": )" + allow +
                        R"(}, "greater": 0})");
  EXPECT_EQ(e.at, "6:48");  // the access value that made `where` true
}

TEST(Condition, NestedCountsAndCurrent) {
  testing::TestResource t = MakeResource(kNsg);
  // Rules that allow port 22 or 3389: nested value count over a literal list with current().
  const char* cond = R"({"count": {"field": "properties.securityRules[*]", "where": {"allOf": [
      {"field": "properties.securityRules[*].properties.access", "equals": "Allow"},
      {"count": {"value": ["22", "3389"], "name": "port", "where": {
          "count": {"field": "properties.securityRules[*].properties.destinationPortRanges[*]",
                    "where": {"value": "[current('properties.securityRules[*].properties.destinationPortRanges[*]')]",
                              "equals": "[current('port')]"}},
          "greater": 0}},
       "greater": 0}]}}, "equals": 1})";
  EXPECT_EQ(Check(t, cond).outcome, Tri::kTrue);
  // current() with no name: the innermost count's element.
  EXPECT_EQ(Check(t, R"({"count": {"value": [1, 2, 3], "where": {"value": "[current()]",
                                                               "greater": 1}}, "equals": 2})")
                .outcome,
            Tri::kTrue);
  // value count over a field: [field('...')].
  EXPECT_EQ(Check(t, R"({"count": {"value": "[field('properties.securityRules')]"}, "equals": 3})")
                .outcome,
            Tri::kTrue);
}

TEST(Condition, CountWithUnknownElements) {
  testing::TestResource t = MakeResource(R"({"type": "A.B/c", "properties": {"l": [1, 2]}})");
  Arena& a = t.doc->arena();
  const Value* items[3] = {Value::Int(a, 5, Anchor{0, 0}), Value::Unknown(a, "x", Anchor{0, 0}),
                           Value::Int(a, 0, Anchor{0, 0})};
  Member pm[1] = {{"l", Value::Array(a, items, Anchor{0, 0}), 0}};
  Member rm[1] = {{"properties", Value::Object(a, pm, Anchor{0, 0}), 0}};
  t.resource.body = Value::Object(a, rm, Anchor{0, 0});
  auto run = [&](const char* op) {
    return Check(t, std::string(R"({"count": {"field": "properties.l[*]", "where":
        {"field": "properties.l[*]", "greater": 1}}, )") +
                        op + "}")
        .outcome;
  };
  EXPECT_EQ(run(R"("greater": 0)"), Tri::kTrue);     // 1 or 2: both > 0
  EXPECT_EQ(run(R"("greater": 1)"), Tri::kUnknown);  // 1 or 2
  EXPECT_EQ(run(R"("greater": 2)"), Tri::kFalse);    // 1 or 2: neither > 2
}

TEST(Condition, SourceAwareOperators) {
  testing::TestResource t = MakeResource(R"({
  "type": "Microsoft.Web/sites",
  "location": "westeurope",
  "kind": "[parameters('kind')]",
  "properties": {
    "conn": "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2023-01-01').keys[0].value]",
    "plain": "[concat('listKeys', 'x')]",
    "escaped": "[[not an expression]"
  }
})");
  auto run = [&](const char* c) { return Check(t, c).outcome; };
  EXPECT_EQ(run(R"({"field": "location", "writtenAs": "literal"})"), Tri::kTrue);
  EXPECT_EQ(run(R"({"field": "location", "writtenAs": "expression"})"), Tri::kFalse);
  EXPECT_EQ(run(R"({"field": "kind", "writtenAs": "parameterReference"})"), Tri::kTrue);
  EXPECT_EQ(run(R"({"field": "kind", "writtenAs": "expression"})"), Tri::kTrue);
  EXPECT_EQ(run(R"({"field": "properties.escaped", "writtenAs": "literal"})"), Tri::kTrue);
  EXPECT_EQ(run(R"({"field": "properties.conn", "expressionCalls": "listKeys"})"), Tri::kTrue);
  EXPECT_EQ(run(R"({"field": "properties.conn", "expressionCalls": "list*"})"), Tri::kTrue);
  EXPECT_EQ(run(R"({"field": "properties.plain", "expressionCalls": "list*"})"), Tri::kFalse);
  EXPECT_EQ(run(R"({"field": "properties.missing", "writtenAs": "literal"})"), Tri::kFalse);
  Eval e = Check(t, R"({"field": "properties.conn", "expressionCalls": "listKeys"})");
  EXPECT_EQ(e.at, "6:13");
}

struct BadCase {
  const char* cond;
  const char* where;    // line:col of the error
  const char* message;  // substring
};

TEST(Condition, CompileErrorsCarryLineAndColumn) {
  const BadCase cases[] = {
      {R"({"field": "x", "equal": 1})", "1:16",
       "unknown operator 'equal' (did you mean 'equals'?)"},
      {R"({"field": "x"})", "1:1", "needs an operator"},
      {R"({"field": "x", "equals": 1, "notEquals": 2})", "1:29", "one operator"},
      {R"({"allOf": {}})", "1:11", "non-empty array"},
      {R"({"allOf": [], "x": 1})", "1:15", "only key"},
      {R"({"field": "a..b", "equals": 1})", "1:11", "invalid field path"},
      {"{\"field\": \"x\",\n \"regex\": \"(unclosed\"}", "2:11", "invalid RE2 pattern"},
      {R"({"count": {"field": "properties.list"}, "equals": 1})", "1:21", "ending in [*]"},
      {R"({"count": {"field": "p[*]"}, "like": "1"})", "1:30", "does not apply to a count"},
      {R"({"value": "[concat('a')]", "equals": 1})", "1:11", "only [field('...')]"},
      {R"({"value": "[current()]", "equals": 1})", "1:11", "inside a count"},
      {R"({"value": "a", "writtenAs": "literal"})", "1:16", "use 'field'"},
      {R"({"field": 3, "equals": 1})", "1:11", "string path"},
      {R"({"not": 1})", "1:9", "a condition is an object"},
  };
  for (const BadCase& c : cases) {
    absl::StatusOr<std::unique_ptr<Condition>> r = CompileCondition(c.cond);
    ASSERT_FALSE(r.ok()) << c.cond;
    std::optional<SourceLocation> at = GetSourceLocation(r.status());
    ASSERT_TRUE(at.has_value()) << c.cond;
    EXPECT_EQ(std::to_string(at->line) + ":" + std::to_string(at->column), c.where) << c.cond;
    EXPECT_NE(std::string(r.status().message()).find(c.message), std::string::npos)
        << c.cond << " -> " << r.status().message();
  }
}

TEST(Condition, EscapedBracketIsALiteral) {
  testing::TestResource t = MakeResource(R"({"type": "A.B/c", "properties": {"x": "[abc]"}})");
  EXPECT_EQ(Check(t, R"({"field": "properties.x", "equals": "[[abc]"})").outcome, Tri::kTrue);
}

}  // namespace
}  // namespace armlint::internal
