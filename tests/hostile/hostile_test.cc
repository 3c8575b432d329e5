// Runs the hostile-input suite (tests/hostile/hostile.py) against the built CLI, one test per
// group of cases: each input is generated at test time, the CLI must exit 0/1/2 in time and
// within memory, locate its errors, keep good files' findings and never print a secret.
#include <string>

#include "gtest/gtest.h"

#include "support/process.h"

namespace {

struct HostileRun {
  int code = -1;
  std::string out;
};

HostileRun Hostile(const std::string& only) {
  std::string cmd = std::string("python3 '") + ARMLINT_SOURCE_DIR +
                    "/tests/hostile/hostile.py' --cli '" + ARMLINT_CLI_PATH + "' --only '" + only +
                    "' 2>&1";
  HostileRun r;
  r.code = armlint::testing::RunShell(cmd, &r.out);
  return r;
}

class HostileTest : public ::testing::TestWithParam<const char*> {};

TEST_P(HostileTest, CliSurvives) {
  HostileRun r = Hostile(GetParam());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find(" cases passed"), std::string::npos) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Groups, HostileTest,
                         ::testing::Values("json-", "template-", "expr-", "deploy-", "paramfile-",
                                           "config-", "baseline-", "rules-", "policy-", "dir-",
                                           "secret-"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           std::string name = info.param;
                           name.pop_back();  // the trailing '-'
                           name[0] = static_cast<char>(name[0] - 'a' + 'A');
                           return name;
                         });

}  // namespace
