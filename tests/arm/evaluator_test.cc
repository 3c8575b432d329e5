// Tests for the evaluator: Unknown propagation, lazy if/and/or, member and index access,
// routing to the ExprEnv, secret taint, error offsets and the evaluation budget.
#include "arm/evaluator.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "arm/expr_test_util.h"
#include "util/limits.h"

namespace armlint::internal {
namespace {

using exprtest::Case;
using exprtest::ExprTest;
using ::testing::HasSubstr;
using ::testing::Not;

class EvaluatorTest : public ::testing::Test, public ExprTest {
 protected:
  void SetUp() override {
    Param("name", "'storage'");
    Param("count", "3");
    Param("obj", "{'Alpha': {'beta': [10, 20, {'gamma': 'deep'}]}, 'list': ['x', 'y']}");
    env.params["later"] =
        Value::Unknown(arena, "parameter 'later' has no value", {}, Kind::kString);
    env.params["laterArray"] = Value::Unknown(arena, "no value", {}, Kind::kArray);
    env.params["laterAny"] = Value::Unknown(arena, "no value", {});
    Var("prefix", "'st'");
  }
};

TEST_F(EvaluatorTest, ReadsParametersAndVariables) {
  const Case cases[] = {
      {"parameters('name')", "\"storage\""},
      {"variables('prefix')", "\"st\""},
      {"concat(variables('prefix'), parameters('name'))", "\"ststorage\""},
      {"parameters('missing')", "error: parameter 'missing' is not declared at character 2"},
  };
  for (const Case& c : cases) EXPECT_EQ(Show(c.expr), c.want) << c.expr;
}

TEST_F(EvaluatorTest, MemberAndIndexAccess) {
  const Case cases[] = {
      {"parameters('obj').alpha.beta[1]", "20"},  // member names are case-insensitive
      {"parameters('obj')['ALPHA']['beta'][2].gamma", "\"deep\""},
      {"parameters('obj').list[0]", "\"x\""},
      {"createArray(1, 2, 3)[2]", "3"},
      {"parameters('obj').list[2]",
       "error: index 2 is out of range for an array of 2 items at character 24"},
      {"parameters('obj').list[-1]",
       "error: index -1 is out of range for an array of 2 items at character 24"},
      {"parameters('obj').nope",
       "error: property 'nope' does not exist; the object has 'Alpha', 'list' at character 19"},
      {"parameters('name').length",
       "error: cannot read property 'length' of string value at "
       "character 20"},
      {"parameters('obj').list['a']",
       "error: an array index must be an integer, got string at "
       "character 24"},
  };
  for (const Case& c : cases) EXPECT_EQ(Show(c.expr), c.want) << c.expr;
}

TEST_F(EvaluatorTest, UnknownPropagates) {
  const Case cases[] = {
      {"concat('a', parameters('later'))", "<unknown string>"},
      {"length(parameters('laterArray'))", "<unknown int>"},
      {"equals(parameters('later'), 'x')", "<unknown bool>"},
      {"equals(createArray(parameters('later')), createArray('x'))", "<unknown bool>"},
      {"toUpper(parameters('later'))", "<unknown string>"},
      {"parameters('laterAny').a.b[3]", "<unknown unknown>"},
      {"reference('x').properties.primaryEndpoints", "<unknown unknown>"},
      {"concat(parameters('laterArray'), createArray(1))", "<unknown array>"},
      {"length(createArray(parameters('later'), 2))", "2"},  // the count is known
      {"utcNow()", "<unknown string>"},
      {"newGuid()", "<unknown string>"},
      {"skip(parameters('later'), 1)", "<unknown string>"},
      {"take(parameters('laterArray'), 1)", "<unknown array>"},
  };
  for (const Case& c : cases) EXPECT_EQ(Show(c.expr), c.want) << c.expr;
}

TEST_F(EvaluatorTest, UnknownDoesNotSpreadWhereTheResultDoesNotDependOnIt) {
  const Case cases[] = {
      {"if(true, 1, parameters('later'))", "1"},
      {"if(false, parameters('later'), 'b')", "\"b\""},
      {"if(parameters('laterAny'), 'same', 'same')", "\"same\""},
      {"if(parameters('laterAny'), 'a', 'b')", "<unknown string>"},
      {"and(false, parameters('laterAny'))", "false"},
      {"and(parameters('laterAny'), false)", "false"},
      {"and(true, parameters('laterAny'))", "<unknown bool>"},
      {"or(true, parameters('laterAny'))", "true"},
      {"or(parameters('laterAny'), true)", "true"},
      {"or(false, parameters('laterAny'))", "<unknown bool>"},
      {"coalesce(null(), 'x', parameters('later'))", "\"x\""},
      {"coalesce(null(), parameters('later'), 'x')", "<unknown string>"},
      {"contains(createArray('a', parameters('later')), 'a')", "true"},
      {"contains(createArray('a', parameters('later')), 'b')", "<unknown bool>"},
  };
  for (const Case& c : cases) EXPECT_EQ(Show(c.expr), c.want) << c.expr;
}

TEST_F(EvaluatorTest, IfEvaluatesOnlyTheTakenBranch) {
  // The untaken branch would fail: ARM evaluates only the branch that's used.
  EXPECT_EQ(Show("if(true, 'ok', parameters('missing'))"), "\"ok\"");
  EXPECT_EQ(Show("if(false, createArray()[5], 'ok')"), "\"ok\"");
  EXPECT_EQ(Show("and(false, parameters('missing'))"), "false");
  EXPECT_EQ(Show("or(true, div(1, 0))"), "true");
  EXPECT_THAT(Show("if(true, parameters('missing'), 'x')"), HasSubstr("'missing'"));
  EXPECT_THAT(Show("if('yes', 1, 2)"), HasSubstr("expects argument 1 to be a bool, got string"));
}

TEST_F(EvaluatorTest, DeploymentFunctionsReadTheEnvDeployment) {
  EXPECT_EQ(Show("resourceGroup().location"), "\"westus\"");
  EXPECT_EQ(Show("toUpper(resourceGroup().name)"), "\"RG\"");
  EXPECT_GE(env.context_calls, 2);
}

TEST_F(EvaluatorTest, DeploymentFunctionsWithoutADeploymentAreUnknown) {
  env.no_deployment = true;
  EXPECT_EQ(Show("resourceGroup()"), "<unknown object>");
  EXPECT_EQ(Show("resourceId('Microsoft.Storage/storageAccounts', 'st')"), "<unknown string>");
  EXPECT_EQ(Show("toUpper('a')"), "\"A\"");  // functions that need none still evaluate
}

TEST_F(EvaluatorTest, UserFunctionsGoToTheEnv) {
  EXPECT_EQ(Show("test.first('a', 'b')"), "\"a\"");
  EXPECT_EQ(Show("other.fn()"), "error: user function 'other.fn' is not defined at character 2");
}

TEST_F(EvaluatorTest, CopyIndex) {
  env.loops[""] = 4;
  env.loops["vms"] = 1;
  const Case cases[] = {
      {"copyIndex()", "4"},
      {"copyIndex(1)", "5"},
      {"copyIndex('vms')", "1"},
      {"copyIndex('vms', 10)", "11"},
      {"copyIndex('disks')", "error: copyIndex() outside a copy loop at character 2"},
  };
  for (const Case& c : cases) EXPECT_EQ(Show(c.expr), c.want) << c.expr;
}

TEST_F(EvaluatorTest, UnknownFunctionSuggestsTheNearestName) {
  EXPECT_EQ(Show("concatt('a')"),
            "error: unknown function 'concatt' (did you mean 'concat'?) at character 2");
  EXPECT_EQ(Show("resourceGroupp()"),
            "error: unknown function 'resourceGroupp' (did you mean 'resourceGroup'?) at "
            "character 2");
  EXPECT_EQ(Show("frobnicate()"), "error: unknown function 'frobnicate' at character 2");
}

TEST_F(EvaluatorTest, OneCheckerWordsBadArguments) {
  const Case cases[] = {
      {"substring(1, 2)",
       "error: function 'substring' expects argument 1 to be a string, got "
       "an int at character 2"},
      {"add('a', 1)",
       "error: function 'add' expects argument 1 to be an int, got a string at "
       "character 2"},
      {"concat('a', concat('b', createObject('k', 1)))",
       "error: function 'concat' expects argument 2 to be a string or number or bool or array or "
       "null, got an object at character 14"},
  };
  for (const Case& c : cases) EXPECT_EQ(Show(c.expr), c.want) << c.expr;
}

TEST_F(EvaluatorTest, ErrorOffsetPointsAtTheInnermostCall) {
  EXPECT_EQ(Show("concat('a', div(1, 0))"),
            "error: function 'div': division by zero at character 14");
}

TEST_F(EvaluatorTest, SecretTaintFollowsTheValue) {
  Param("pwd", "'s3cret'", /*secure=*/true);
  Param("secObj", "{'key': 'v', 'n': {'m': 1}}", /*secure=*/true);
  auto secure = [&](std::string_view e) {
    absl::StatusOr<const Value*> v = Eval(e);
    EXPECT_TRUE(v.ok()) << e << ": " << v.status();
    return v.ok() && ContainsSecure(**v);
  };
  EXPECT_TRUE(secure("parameters('pwd')"));
  EXPECT_TRUE(secure("concat('x', parameters('pwd'))"));
  EXPECT_TRUE(secure("toUpper(parameters('pwd'))"));
  EXPECT_TRUE(secure("parameters('secObj').key"));
  EXPECT_TRUE(secure("parameters('secObj').n.m"));
  EXPECT_TRUE(secure("base64(parameters('pwd'))"));
  EXPECT_TRUE(secure("createArray(parameters('pwd'))[0]"));
  EXPECT_TRUE(secure("if(true, parameters('pwd'), 'x')"));
  EXPECT_TRUE(secure("length(parameters('pwd'))"));
  EXPECT_TRUE(secure(R"(json(concat('{"a": "', parameters('pwd'), '"}')).a)"));
  EXPECT_TRUE(secure(
      "map(createArray(1), lambda('x', parameters('pwd')))"));  // even a length leaks something
  EXPECT_FALSE(secure("concat('x', parameters('name'))"));
}

TEST_F(EvaluatorTest, SecretsNeverAppearInErrors) {
  Param("pwd", "'s3cret'", /*secure=*/true);
  const char* const exprs[] = {
      "int(parameters('pwd'))",
      "float(parameters('pwd'))",
      "bool(parameters('pwd'))",
      "parseCidr(parameters('pwd'))",
      "json(parameters('pwd'))",
      "dateTimeAdd(parameters('pwd'), 'P1D')",
      "cidrHost(concat(parameters('pwd'), '/8'), 1)",
  };
  for (const char* e : exprs) {
    std::string got = Show(e);
    EXPECT_THAT(got, HasSubstr("error: ")) << e;
    EXPECT_THAT(got, ::testing::Not(HasSubstr("s3cret"))) << e << ": " << got;
  }
  EXPECT_THAT(Show("int(parameters('pwd'))"), HasSubstr("a secure value"));
  EXPECT_THAT(Show("int(parameters('name'))"), HasSubstr("cannot convert 'storage'"));
}

// Regression (hostile inputs): an error message quoting a secure argument printed the secret.
TEST_F(EvaluatorTest, ErrorsOfCallsOnSecretsDoNotQuoteThem) {
  Param("pwd", "'Canary-s3cret'", /*secure=*/true);
  for (const char* e :
       {"int(parameters('pwd'))", "json(parameters('pwd'))", "base64ToString(parameters('pwd'))",
        "parameters(parameters('pwd'))", "createObject('a', 1)[parameters('pwd')]",
        "dateTimeAdd(parameters('pwd'), 'PT1H')"}) {
    absl::StatusOr<const Value*> v = Eval(e);
    ASSERT_FALSE(v.ok()) << e;
    EXPECT_THAT(std::string(v.status().message()), Not(HasSubstr("Canary"))) << e;
  }
  // Errors that do not involve the secret keep their message.
  EXPECT_EQ(Show("concat(parameters('pwd'), div(1, 0))"),
            "error: function 'div': division by zero at character 28");
}

// Regression (hostile inputs): values that share sub-values (a variable nesting an object in
// itself 40 times) span 2^40 values; walking them hung. Their size is now tracked and bounded.
TEST_F(EvaluatorTest, SharedValuesAreBoundedByNodeCount) {
  const Value* v = Json("{'k': 'v'}");
  for (int i = 0; i < 40; ++i) {
    const Member m[2] = {{"l", v, 0}, {"r", v, 0}};
    v = Value::Object(arena, m, {});
  }
  EXPECT_EQ(v->nodes(), UINT32_MAX);  // saturated
  EXPECT_FALSE(ContainsSecure(*v));   // O(1), not 2^40 steps
  EXPECT_FALSE(ContainsUnknown(*v));
  env.vars["big"] = v;
  absl::StatusOr<const Value*> r = Eval("string(variables('big'))");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(std::string(MessageOf(r.status())), HasSubstr("kMaxValueNodes"));
  r = Eval("createArray(variables('big'))");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(std::string(MessageOf(r.status())), HasSubstr("kMaxValueNodes"));
}

TEST_F(EvaluatorTest, RangeNearInt64MaxIsAnErrorNotOverflow) {
  EXPECT_THAT(Show("range(9223372036854775807, 10)"), HasSubstr("error:"));
  EXPECT_THAT(Show("range(2147483640, 8)"), HasSubstr("error:"));
  EXPECT_EQ(Show("range(2147483640, 7)"),
            "[2147483640,2147483641,2147483642,2147483643,2147483644,2147483645,2147483646]");
}

TEST_F(EvaluatorTest, ResultsAreAnchoredAndFlagged) {
  absl::StatusOr<const Value*> v = Eval("concat('a', 'b')");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ((*v)->pos(), 100u);
  EXPECT_TRUE((*v)->from_expression());
}

TEST_F(EvaluatorTest, LiteralSubValuesAreShared) {
  absl::StatusOr<const Value*> v = Eval("parameters('obj').alpha");
  ASSERT_TRUE(v.ok());
  // The result is a shallow re-anchor of the parameter's own member: same items.
  const Value* original = env.params["obj"]->Find("alpha");
  EXPECT_EQ((*v)->members().data(), original->members().data());
}

TEST_F(EvaluatorTest, BudgetStopsRunawayEvaluation) {
  budget.steps = limits::kMaxEvalSteps - 3;
  absl::StatusOr<const Value*> v = Eval("concat('a', concat('b', concat('c', 'd')))");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(MessageOf(v.status())), HasSubstr("kMaxEvalSteps"));
}

TEST(EvaluateStringValue, ExpressionsEscapesAndPlainStrings) {
  ExprTest t;
  auto run = [&](std::string_view json) -> std::string {
    const Value* s = Value::String(t.arena, json, Anchor{7});
    absl::StatusOr<const Value*> v = EvaluateStringValue(*s, t.env, t.arena, t.budget);
    if (!v.ok()) return Cat("error: ", MessageOf(v.status()));
    return ToJson(**v);
  };
  EXPECT_EQ(run("[concat('a', 'b')]"), "\"ab\"");
  EXPECT_EQ(run("[[concat('a', 'b')]"), "\"[concat('a', 'b')]\"");
  EXPECT_EQ(run("plain [text]"), "\"plain [text]\"");
  EXPECT_EQ(run("[concat('a' 'b')]"),
            "error: expected ',' or ')' in the call of 'concat', found ''' at character 13");
  EXPECT_EQ(run("[]"), "error: expression is empty at character 2");
}

}  // namespace
}  // namespace armlint::internal
