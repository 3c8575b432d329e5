// Tests for IsExpression.
#include "util/expression_syntax.h"

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(ExpressionSyntax, IsExpression) {
  EXPECT_TRUE(IsExpression("[concat('a')]"));
  EXPECT_TRUE(IsExpression("[parameters('x')]"));
  EXPECT_TRUE(IsExpression("[]"));
  EXPECT_FALSE(IsExpression("[[concat('a')]")) << "escaped literal";
  EXPECT_FALSE(IsExpression("plain"));
  EXPECT_FALSE(IsExpression("[not closed"));
  EXPECT_FALSE(IsExpression("not opened]"));
  EXPECT_FALSE(IsExpression("["));
  EXPECT_FALSE(IsExpression(""));
  EXPECT_FALSE(IsExpression(" [concat('a')]")) << "leading space";
}

}  // namespace
}  // namespace armlint::internal
