// Comparison functions against the examples of the ARM comparison function reference.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-comparison
#include "gtest/gtest.h"

#include "arm/expr_test_util.h"

namespace armlint::internal {
namespace {

using exprtest::Case;
using exprtest::ExprTest;

TEST(ComparisonFunctions, DocumentedExamples) {
  ExprTest t;
  t.Param("objectToTest",
          "{'null1': null, 'null2': null, 'string': 'default', 'int': 1, "
          "'object': {'first': 'default'}, 'array': [1]}");
  const Case cases[] = {
      // coalesce
      {"coalesce(parameters('objectToTest').null1, parameters('objectToTest').null2, "
       "parameters('objectToTest').string)",
       "\"default\""},
      {"coalesce(parameters('objectToTest').null1, parameters('objectToTest').null2, "
       "parameters('objectToTest').int)",
       "1"},
      {"coalesce(parameters('objectToTest').null1, parameters('objectToTest').null2, "
       "parameters('objectToTest').object)",
       "{\"first\":\"default\"}"},
      {"coalesce(parameters('objectToTest').null1, parameters('objectToTest').null2, "
       "parameters('objectToTest').array)",
       "[1]"},
      {"empty(coalesce(parameters('objectToTest').null1, parameters('objectToTest').null2))",
       "true"},
      // equals
      {"equals(1, 1)", "true"},
      {"equals('a', 'a')", "true"},
      {"equals(createArray('a', 'b'), createArray('a', 'b'))", "true"},
      {"equals(createObject('a', 'b'), createObject('a', 'b'))", "true"},
      {"not(equals('demo', 'test'))", "true"},
      // greater / greaterOrEquals / less / lessOrEquals: the pages' examples (firstInt 1,
      // secondInt 2, firstString 'A', secondString 'a') and their documented outputs.
      {"greater(1, 2)", "false"},
      {"greater('A', 'a')", "true"},
      {"greaterOrEquals(1, 2)", "false"},
      {"greaterOrEquals('A', 'a')", "true"},
      {"less(1, 2)", "true"},
      {"less('A', 'a')", "false"},
      {"lessOrEquals(1, 2)", "true"},
      {"lessOrEquals('A', 'a')", "false"},
  };
  for (const Case& c : cases) EXPECT_EQ(t.Show(c.expr), c.want) << c.expr;
}

TEST(ComparisonFunctions, EqualsDetails) {
  ExprTest t;
  const Case cases[] = {
      {"equals('abc', 'ABC')", "false"},  // case-sensitive (Bicep's == compiles to equals)
      {"equals(1, json('1.0'))", "true"},
      {"equals(createObject('A', 1), createObject('a', 1))", "true"},  // keys insensitive
      {"equals(createArray(1, 2), createArray(2, 1))", "false"},
      {"equals(null(), null())", "true"},
      {"equals('1', 1)", "false"},
      {"greater(2, json('1.5'))", "true"},
      // Strings in culture order: letters case-blind first, byte order would differ.
      {"less('a', 'B')", "true"},
      {"greater('Z', 'a')", "true"},
      {"less('10', '9')", "true"},
      {"lessOrEquals('abc', 'abc')", "true"},
      {"less('abc', 'abd')", "true"},
      {"less('a', 1)",
       "error: function 'less': cannot compare string with int; both arguments must be ints or "
       "strings at character 2"},
      {"greater(true, false)",
       "error: function 'greater' expects argument 1 to be a string or number, got a bool at "
       "character 2"},
  };
  for (const Case& c : cases) EXPECT_EQ(t.Show(c.expr), c.want) << c.expr;
}

}  // namespace
}  // namespace armlint::internal
