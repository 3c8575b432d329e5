// CIDR functions against the examples of the ARM CIDR function reference.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-cidr
#include "arm/expr_test_util.h"
#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

using exprtest::Case;
using exprtest::ExprTest;

TEST(CidrFunctions, DocumentedExamples) {
  ExprTest t;
  const Case cases[] = {
      {"parseCidr('10.144.0.0/20')",
       "{\"network\":\"10.144.0.0\",\"netmask\":\"255.255.240.0\",\"broadcast\":\"10.144.15.255\","
       "\"firstUsable\":\"10.144.0.1\",\"lastUsable\":\"10.144.15.254\",\"cidr\":20}"},
      {"parseCidr('fdad:3236:5555::/48')",
       "{\"network\":\"fdad:3236:5555::\",\"netmask\":\"ffff:ffff:ffff::\","
       "\"firstUsable\":\"fdad:3236:5555::\","
       "\"lastUsable\":\"fdad:3236:5555:ffff:ffff:ffff:ffff:ffff\",\"cidr\":48}"},
      {"cidrSubnet('10.144.0.0/20', 24, 0)", "\"10.144.0.0/24\""},
      {"cidrSubnet('10.144.0.0/20', 24, 1)", "\"10.144.1.0/24\""},
      {"cidrSubnet('10.144.0.0/20', 24, 4)", "\"10.144.4.0/24\""},
      {"cidrSubnet('fdad:3236:5555::/48', 52, 0)", "\"fdad:3236:5555::/52\""},
      {"cidrSubnet('fdad:3236:5555::/48', 52, 1)", "\"fdad:3236:5555:1000::/52\""},
      {"cidrSubnet('fdad:3236:5555::/48', 52, 4)", "\"fdad:3236:5555:4000::/52\""},
      {"cidrHost('10.144.3.0/24', 0)", "\"10.144.3.1\""},
      {"cidrHost('10.144.3.0/24', 4)", "\"10.144.3.5\""},
      {"cidrHost('fdad:3236:5555:3000::/52', 0)", "\"fdad:3236:5555:3000::1\""},
      {"cidrHost('fdad:3236:5555:3000::/52', 4)", "\"fdad:3236:5555:3000::5\""},
      // the copy-loop form of the page's examples
      {"map(range(0, 3), lambda('i', cidrSubnet('10.144.0.0/20', 24, lambdaVariables('i'))))",
       "[\"10.144.0.0/24\",\"10.144.1.0/24\",\"10.144.2.0/24\"]"},
  };
  for (const Case& c : cases) EXPECT_EQ(t.Show(c.expr), c.want) << c.expr;
}

TEST(CidrFunctions, EdgesAndErrors) {
  ExprTest t;
  const Case cases[] = {
      {"parseCidr('10.0.0.7/32').firstUsable", "\"10.0.0.7\""},
      {"parseCidr('0.0.0.0/0').broadcast", "\"255.255.255.255\""},
      {"parseCidr('10.1.2.3/8').network", "\"10.0.0.0\""},
      {"parseCidr('::/0').lastUsable", "\"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff\""},
      {"parseCidr('2001:db8:0:0:1:0:0:1/128').network", "\"2001:db8::1:0:0:1\""},
      {"cidrHost('10.144.3.0/24', 254)",
       "error: function 'cidrHost': host index 254 is outside the usable addresses of "
       "10.144.3.0/24 at character 2"},
      {"cidrSubnet('10.144.0.0/20', 24, 16)",
       "error: function 'cidrSubnet': subnet index 16 is out of range: /20 holds 16 subnets of "
       "/24 at character 2"},
      {"cidrSubnet('10.144.0.0/20', 16, 0)",
       "error: function 'cidrSubnet': the new prefix length 16 must be between 20 and 32 at "
       "character 2"},
      {"parseCidr('10.0.0.256/8')",
       "error: function 'parseCidr': '10.0.0.256' is not a valid IP address at character 2"},
      {"parseCidr('10.0.0.0')",
       "error: function 'parseCidr': '10.0.0.0' is not in CIDR notation (address/prefix) at "
       "character 2"},
      {"parseCidr('10.0.0.0/33')",
       "error: function 'parseCidr': prefix length 33 is larger than 32 at character 2"},
  };
  for (const Case& c : cases) EXPECT_EQ(t.Show(c.expr), c.want) << c.expr;
}

}  // namespace
}  // namespace armlint::internal
