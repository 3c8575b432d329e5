// Lambda functions against the examples of the ARM lambda function reference.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-lambda
#include "arm/expr_test_util.h"
#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

using exprtest::Case;
using exprtest::ExprTest;

class LambdaFunctions : public ::testing::Test, public ExprTest {
 protected:
  void SetUp() override {
    Var("dogs",
        "[{'name': 'Evie', 'age': 5, 'interests': ['Ball', 'Frisbee']},"
        " {'name': 'Casper', 'age': 3, 'interests': ['Other dogs']},"
        " {'name': 'Indy', 'age': 2, 'interests': ['Butter']},"
        " {'name': 'Kira', 'age': 8, 'interests': ['Rubs']}]");
    Var("ages", "[5, 3, 2, 8]");
  }
  void Check(std::span<const Case> cases) {
    for (const Case& c : cases) EXPECT_EQ(Show(c.expr), c.want) << c.expr;
  }
};

TEST_F(LambdaFunctions, DocumentedExamples) {
  const Case cases[] = {
      // filter
      {"map(filter(variables('dogs'), lambda('dog', greaterOrEquals(lambdaVariables('dog').age, "
       "5))), lambda('d', lambdaVariables('d').name))",
       "[\"Evie\",\"Kira\"]"},
      {"filter(range(0, 10), lambda('i', lessOrEquals(lambdaVariables('i'), 3)))", "[0,1,2,3]"},
      // map
      {"map(variables('dogs'), lambda('dog', lambdaVariables('dog').name))",
       "[\"Evie\",\"Casper\",\"Indy\",\"Kira\"]"},
      {"map(variables('dogs'), lambda('dog', concat('Hello ', lambdaVariables('dog').name, "
       "'!')))",
       "[\"Hello Evie!\",\"Hello Casper!\",\"Hello Indy!\",\"Hello Kira!\"]"},
      {"map(range(0, length(variables('dogs'))), lambda('i', createObject('i', "
       "lambdaVariables('i'), 'dog', variables('dogs')[lambdaVariables('i')].name)))[3]",
       "{\"i\":3,\"dog\":\"Kira\"}"},
      // reduce
      {"reduce(variables('ages'), 0, lambda('cur', 'next', add(lambdaVariables('cur'), "
       "lambdaVariables('next'))))",
       "18"},
      {"reduce(createArray(createArray(1, 2), createArray(3)), createArray(), lambda('cur', "
       "'next', concat(lambdaVariables('cur'), lambdaVariables('next'))))",
       "[1,2,3]"},
      // sort
      {"map(sort(variables('dogs'), lambda('a', 'b', less(lambdaVariables('a').age, "
       "lambdaVariables('b').age))), lambda('d', lambdaVariables('d').name))",
       "[\"Indy\",\"Casper\",\"Evie\",\"Kira\"]"},
      // toObject
      {"objectKeys(toObject(variables('dogs'), lambda('entry', lambdaVariables('entry').name)))",
       "[\"Evie\",\"Casper\",\"Indy\",\"Kira\"]"},
      {"toObject(variables('dogs'), lambda('entry', lambdaVariables('entry').name), "
       "lambda('entry', lambdaVariables('entry').age))",
       "{\"Evie\":5,\"Casper\":3,\"Indy\":2,\"Kira\":8}"},
      // groupBy
      {"groupBy(createArray('foo', 'bar', 'baz'), lambda('x', substring(lambdaVariables('x'), 0, "
       "1)))",
       "{\"f\":[\"foo\"],\"b\":[\"bar\",\"baz\"]}"},
      // mapValues
      {"mapValues(createObject('foo', 'foo', 'bar', 'bar'), lambda('val', "
       "toUpper(lambdaVariables('val'))))",
       "{\"foo\":\"FOO\",\"bar\":\"BAR\"}"},
  };
  Check(cases);
}

TEST_F(LambdaFunctions, IndexParameterAndNesting) {
  const Case cases[] = {
      {"map(createArray('a', 'b'), lambda('x', 'i', concat(lambdaVariables('x'), "
       "string(lambdaVariables('i')))))",
       "[\"a0\",\"b1\"]"},
      {"map(createArray(1, 2), lambda('x', map(createArray(10, 20), lambda('y', "
       "add(lambdaVariables('x'), lambdaVariables('y'))))))",
       "[[11,21],[12,22]]"},
  };
  Check(cases);
}

TEST_F(LambdaFunctions, UnknownsAndErrors) {
  env.params["later"] = Value::Unknown(arena, "no value", {}, Kind::kArray);
  env.params["laterInt"] = Value::Unknown(arena, "no value", {}, Kind::kInt);
  const Case cases[] = {
      {"filter(parameters('later'), lambda('x', true))", "<unknown array>"},
      {"map(parameters('later'), lambda('x', 1))", "<unknown array>"},
      {"filter(variables('ages'), lambda('x', greater(lambdaVariables('x'), "
       "parameters('laterInt'))))",
       "<unknown array>"},
      {"length(map(variables('ages'), lambda('x', parameters('laterInt'))))", "4"},
      {"map(variables('ages'), 'notALambda')",
       "error: function 'map': expects a lambda('name', ...) expression as this argument at "
       "character 25"},
      {"sort(variables('ages'), lambda('a', true))",
       "error: function 'sort': expects a lambda with 2 parameters, got 1 at character 26"},
      {"lambdaVariables('nope')",
       "error: function 'lambdaVariables': no lambda variable 'nope' is in scope at character 2"},
      {"lambda('x', 1)",
       "error: function 'lambda': a lambda can only be an argument of filter, map, reduce, sort, "
       "toObject, groupBy or mapValues at character 2"},
      {"filter(variables('ages'), lambda('x', 1))",
       "error: function 'filter': the lambda must return a bool, got int at character 2"},
  };
  Check(cases);
}

}  // namespace
}  // namespace armlint::internal
