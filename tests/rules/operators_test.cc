// Data-driven operator semantics, case by case from the Azure Policy documentation
// (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule
// #conditions) and DESIGN.md's missing-field and unknown rules.
#include "rules/operators.h"

#include "gtest/gtest.h"

#include "rule_test_util.h"

namespace armlint::internal {
namespace {

constexpr const char* kMissing = "<missing>";
constexpr const char* kUnknown = "<unknown>";

struct OpCase {
  const char* op;
  const char* field;  // JSON of properties.x, or kMissing / kUnknown
  const char* value;  // JSON of the operator's value
  Tri expected;
};

constexpr Tri T = Tri::kTrue;
constexpr Tri F = Tri::kFalse;
constexpr Tri U = Tri::kUnknown;

const OpCase kCases[] = {
    // equals / notEquals: case-insensitive strings, numbers, bools, coercion by text.
    {"equals", R"("Standard_LRS")", R"("standard_lrs")", T},
    {"equals", R"("abc")", R"("abd")", F},
    {"equals", "true", "true", T},
    {"equals", "false", R"("false")", T},
    {"equals", "false", R"("true")", F},
    {"equals", "2", "2.0", T},
    {"equals", "2", R"("2")", T},
    {"equals", R"(["a","b"])", R"(["A","b"])", T},
    {"equals", R"({"k":"V"})", R"({"K":"v"})", T},
    {"equals", kMissing, R"("x")", F},
    {"equals", "null", R"("x")", F},
    {"equals", kUnknown, R"("x")", U},
    {"notEquals", R"("abc")", R"("ABC")", F},
    {"notEquals", R"("abc")", R"("abd")", T},
    {"notEquals", kMissing, R"("x")", T},
    {"notEquals", kUnknown, R"("x")", U},
    // like / notLike: '*' wildcard, case-insensitive, whole string.
    {"like", R"("Microsoft.Storage/storageAccounts")", R"("microsoft.storage/*")", T},
    {"like", R"("prod-web-01")", R"("*-web-*")", T},
    {"like", R"("prod-api-01")", R"("*-web-*")", F},
    {"like", R"("abc")", R"("abc")", T},
    {"like", R"("abcd")", R"("abc")", F},
    {"like", R"("a")", R"("a*a")", F},
    {"like", kMissing, R"("*")", F},
    {"notLike", kMissing, R"("*")", T},
    {"notLike", R"("dev-1")", R"("prod-*")", T},
    {"like", kUnknown, R"("*")", U},
    // match: # digit, ? letter, . any character; case-sensitive. matchInsensitively not.
    {"match", R"("abc123")", R"("???###")", T},
    {"match", R"("abc12x")", R"("???###")", F},
    {"match", R"("a-1")", R"("?.#")", T},
    {"match", R"("ABC")", R"("abc")", F},
    {"match", R"("abc")", R"("abc")", T},
    {"match", R"("abcd")", R"("???")", F},
    {"matchInsensitively", R"("ABC")", R"("abc")", T},
    {"notMatch", R"("ABC")", R"("abc")", T},
    {"notMatchInsensitively", R"("ABC")", R"("abc")", F},
    {"match", kMissing, R"("###")", F},
    {"notMatch", kMissing, R"("###")", T},
    // contains: substring of a string (case-insensitive) or member of an array.
    {"contains", R"("MyStorageAccount")", R"("storage")", T},
    {"contains", R"("abc")", R"("x")", F},
    {"contains", R"(["Tls1_0","Tls1_2"])", R"("tls1_2")", T},
    {"contains", R"(["a"])", R"("b")", F},
    {"notContains", R"("abc")", R"("x")", T},
    {"contains", kMissing, R"("x")", F},
    {"notContains", kMissing, R"("x")", T},
    {"contains", kUnknown, R"("x")", U},
    // in / notIn: the value is an array.
    {"in", R"("eastus")", R"(["EastUS","westus"])", T},
    {"in", R"("northeurope")", R"(["eastus","westus"])", F},
    {"notIn", R"("northeurope")", R"(["eastus","westus"])", T},
    {"in", "1", R"(["1", "2"])", T},
    {"in", kMissing, R"(["a"])", F},
    {"notIn", kMissing, R"(["a"])", T},
    {"in", kUnknown, R"(["a"])", U},
    {"notIn", kUnknown, R"(["a"])", U},
    // containsKey / notContainsKey: object keys, case-insensitive.
    {"containsKey", R"({"Env":"prod"})", R"("env")", T},
    {"containsKey", R"({"Env":"prod"})", R"("owner")", F},
    {"notContainsKey", R"({"Env":"prod"})", R"("owner")", T},
    {"containsKey", R"("env")", R"("env")", F},
    {"containsKey", kMissing, R"("env")", F},
    {"notContainsKey", kMissing, R"("env")", T},
    // less / lessOrEquals / greater / greaterOrEquals: numbers, strings ignoring case, dates.
    {"less", "1", "2", T},
    {"less", "2", "2", F},
    {"lessOrEquals", "2", "2", T},
    {"greater", "3", "2", T},
    {"greater", "2.5", "2", T},
    {"greaterOrEquals", "2", "3", F},
    {"less", R"("TLS1_0")", R"("TLS1_2")", T},
    {"less", R"("tls1_2")", R"("TLS1_2")", F},
    {"lessOrEquals", R"("tls1_2")", R"("TLS1_2")", T},
    {"less", R"("2019-06-01")", R"("2021-01-01")", T},
    {"greater", R"("10")", "9", T},
    {"greater", R"("abc")", "9", F},
    {"greater", "true", "0", F},
    {"less", kMissing, "2", F},
    {"greaterOrEquals", kMissing, "2", F},
    {"less", kUnknown, "2", U},
    // exists: presence; an unknown expression value is still a written property.
    {"exists", R"("x")", "true", T},
    {"exists", R"("x")", "false", F},
    {"exists", "false", "true", T},
    {"exists", kMissing, "true", F},
    {"exists", kMissing, "false", T},
    {"exists", "null", "false", T},
    {"exists", kMissing, R"("false")", T},
    {"exists", kUnknown, "true", T},
    // regex / notRegex (armlint): RE2, unanchored, case-sensitive unless (?i).
    {"regex", R"("TLS1_2")", R"("^TLS1_[23]$")", T},
    {"regex", R"("TLS1_0")", R"("^TLS1_[23]$")", F},
    {"regex", R"("xTLS1_2x")", R"("TLS1_2")", T},
    {"regex", R"("tls1_2")", R"("(?i)^TLS1_2$")", T},
    {"notRegex", R"("TLS1_0")", R"("^TLS1_[23]$")", T},
    {"regex", kMissing, R"(".*")", F},
    {"notRegex", kMissing, R"(".*")", T},
    {"regex", kUnknown, R"(".*")", U},
};

TEST(Operators, AzurePolicySemanticsTable) {
  for (const OpCase& c : kCases) {
    std::string label = std::string(c.op) + " field=" + c.field + " value=" + c.value;
    std::string body;
    if (std::string(c.field) == kMissing) {
      body = R"({"type": "A.B/c", "properties": {}})";
    } else if (std::string(c.field) == kUnknown) {
      body = R"({"type": "A.B/c", "properties": {"x": "[reference('r').x]"}})";
    } else {
      body = std::string(R"({"type": "A.B/c", "properties": {"x": )") + c.field + "}}";
    }
    testing::TestResource t = testing::MakeResource(body);
    if (std::string(c.field) == kUnknown) {
      // The resources stage turns unevaluable expressions into Unknown values.
      Arena& a = t.doc->arena();
      const Value* x = t.resource.body->Find("properties")->Find("x");
      const Value* unknown = Value::Unknown(a, "reference() is evaluated at deployment",
                                            x->anchor(), Kind::kUnknown, kFlagFromExpression);
      Member pm{"x", unknown, 0};
      const Value* props = Value::Object(a, {&pm, 1}, x->anchor());
      Member rm[2] = {{"type", t.resource.body->Find("type"), 0}, {"properties", props, 0}};
      t.resource.body = Value::Object(a, rm, t.resource.body->anchor());
    }
    std::string cond =
        std::string(R"({"field": "properties.x", ")") + c.op + "\": " + c.value + "}";
    absl::StatusOr<std::unique_ptr<Condition>> compiled = testing::CompileCondition(cond);
    ASSERT_TRUE(compiled.ok()) << label << ": " << compiled.status();
    ConditionResult r = (*compiled)->Evaluate(t.resource);
    EXPECT_EQ(TriName(r.outcome), TriName(c.expected)) << label;
  }
}

TEST(Operators, KleeneCombinations) {
  EXPECT_EQ(TriAnd(Tri::kFalse, Tri::kUnknown), Tri::kFalse);
  EXPECT_EQ(TriAnd(Tri::kTrue, Tri::kUnknown), Tri::kUnknown);
  EXPECT_EQ(TriOr(Tri::kTrue, Tri::kUnknown), Tri::kTrue);
  EXPECT_EQ(TriOr(Tri::kFalse, Tri::kUnknown), Tri::kUnknown);
  EXPECT_EQ(TriNot(Tri::kUnknown), Tri::kUnknown);
}

TEST(Operators, LikePatternPieces) {
  WildcardPattern p;
  p.pieces = {"a", "b", "c"};  // a*b*c
  EXPECT_TRUE(p.Matches("aXbYc"));
  EXPECT_TRUE(p.Matches("abc"));
  EXPECT_FALSE(p.Matches("acb"));
}

TEST(Operators, ExpressionCallsSkipsStringLiterals) {
  WildcardPattern list;
  list.pieces = {"list", ""};
  EXPECT_TRUE(ExpressionCalls("[listKeys(resourceId('a','b'), '2019-06-01').keys[0].value]", list));
  EXPECT_FALSE(ExpressionCalls("[concat('listKeys(', 'x')]", list));
  EXPECT_FALSE(ExpressionCalls("[parameters('list')]", list));
}

TEST(Operators, RejectsBadOperatorValues) {
  for (const char* cond :
       {R"({"field": "x", "in": "a"})", R"({"field": "x", "exists": "maybe"})",
        R"({"field": "x", "like": 3})", R"({"field": "x", "regex": "(a"})",
        R"({"field": "x", "less": true})", R"({"field": "x", "writtenAs": "typed"})"}) {
    EXPECT_FALSE(testing::CompileCondition(cond).ok()) << cond;
  }
}

}  // namespace
}  // namespace armlint::internal
