// Tests for LowerView: a string lower-cased once for several searches.
#include "util/lower_view.h"

#include <string>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(LowerView, LowerCasesAndFinds) {
  const LowerView v("/resources/0/properties/AdminPassword");
  EXPECT_EQ(v.view(), "/resources/0/properties/adminpassword");
  EXPECT_TRUE(v.Contains("password"));
  EXPECT_FALSE(v.Contains("secret"));
}

TEST(LowerView, LongerThanTheStackBuffer) {
  std::string s(300, 'X');
  s += "KeyVault";
  const LowerView v(s);
  EXPECT_EQ(v.view(), std::string(300, 'x') + "keyvault");
  EXPECT_TRUE(v.Contains("xkey"));
  EXPECT_EQ(LowerView("").view(), "");
}

}  // namespace
}  // namespace armlint::internal
