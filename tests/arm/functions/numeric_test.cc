// Numeric functions against the examples of the ARM numeric function reference.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric
#include "arm/expr_test_util.h"
#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

using exprtest::Case;
using exprtest::ExprTest;

TEST(NumericFunctions, DocumentedExamples) {
  ExprTest t;
  const Case cases[] = {
      {"add(5, 3)", "8"},
      {"sub(7, 3)", "4"},
      {"mul(5, 3)", "15"},
      {"div(8, 3)", "2"},
      {"mod(7, 3)", "1"},
      {"int('4')", "4"},
      {"float('3.0')", "3"},
      {"float(4)", "4"},
      {"float('2.5')", "2.5"},
      {"max(0, 3, 2, 5, 4)", "5"},
      {"min(0, 3, 2, 5, 4)", "0"},
  };
  for (const Case& c : cases) EXPECT_EQ(t.Show(c.expr), c.want) << c.expr;
}

TEST(NumericFunctions, OverflowAndDivisionByZeroAreErrors) {
  ExprTest t;
  const Case cases[] = {
      {"add(9223372036854775807, 1)",
       "error: function 'add': the result of 9223372036854775807 and 1 overflows a 64-bit "
       "integer at character 2"},
      {"sub(-9223372036854775808, 1)",
       "error: function 'sub': the result of -9223372036854775808 and 1 overflows a 64-bit "
       "integer at character 2"},
      {"mul(4611686018427387904, 2)",
       "error: function 'mul': the result of 4611686018427387904 and 2 overflows a 64-bit "
       "integer at character 2"},
      {"div(1, 0)", "error: function 'div': division by zero at character 2"},
      {"mod(1, 0)", "error: function 'mod': division by zero at character 2"},
      {"div(-9223372036854775808, -1)",
       "error: function 'div': the result overflows a 64-bit integer at character 2"},
      {"mod(-9223372036854775808, -1)", "0"},
      {"div(-7, 2)", "-3"},  // truncates toward zero, as .NET
      {"mod(-7, 2)", "-1"},
      {"int('x')", "error: function 'int': cannot convert 'x' to an integer at character 2"},
      {"int(json('2.9'))", "2"},
      {"add('1', 2)",
       "error: function 'add' expects argument 1 to be an int, got a string at character 2"},
  };
  for (const Case& c : cases) EXPECT_EQ(t.Show(c.expr), c.want) << c.expr;
}

}  // namespace
}  // namespace armlint::internal
