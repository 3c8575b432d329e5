// Logical functions against the examples of the ARM logical function reference.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical
#include "arm/expr_test_util.h"
#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

using exprtest::Case;
using exprtest::ExprTest;

TEST(LogicalFunctions, DocumentedExamples) {
  ExprTest t;
  const Case cases[] = {
      {"and(bool('true'), bool('false'))", "false"},
      {"or(bool('true'), bool('false'))", "true"},
      {"not(bool('true'))", "false"},
      {"bool('true')", "true"},
      {"bool('false')", "false"},
      {"bool(1)", "true"},
      {"bool(0)", "false"},
      {"bool(true)", "true"},
      {"bool('TRUE')", "true"},
      {"false()", "false"},
      {"true()", "true"},
      {"if(equals('a', 'a'), 'yes', 'no')", "\"yes\""},
      {"if(equals('a', 'b'), 'yes', 'no')", "\"no\""},
      {"if(equals('a', 'a'), json('null'), json('{\"test\": \"value1\"}'))", "null"},
      {"not(equals(1, 2))", "true"},
      {"and(true, true, true, false)", "false"},
      {"or(false, false, true)", "true"},
  };
  for (const Case& c : cases) EXPECT_EQ(t.Show(c.expr), c.want) << c.expr;
}

TEST(LogicalFunctions, Errors) {
  ExprTest t;
  const Case cases[] = {
      {"bool('yes')",
       "error: function 'bool': cannot convert 'yes' to a bool (use 'true' or 'false') at "
       "character 2"},
      {"and(true, 'x')",
       "error: function 'and': expects argument 2 to be a bool, got string at character 2"},
      {"not(1)",
       "error: function 'not' expects argument 1 to be a bool, got an int at character 2"},
      {"if(true, 1)", "error: function 'if' expects 3 arguments, got 2 at character 2"},
  };
  for (const Case& c : cases) EXPECT_EQ(t.Show(c.expr), c.want) << c.expr;
}

}  // namespace
}  // namespace armlint::internal
