// Tests that rule options from .armlint.json reach the rules through the engine.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

#include "armlint/armlint.hpp"

namespace armlint {
namespace {

namespace fs = std::filesystem;

int CountRule(const LintResult& r, const std::string& id) {
  int n = 0;
  for (const Finding& f : r.findings) n += f.rule_id == id;
  return n;
}

TEST(ConfigOptions, ApiVersionMaxAgeMonthsReachesTheCheck) {
  const fs::path dir =
      fs::path(::testing::TempDir()) / ("armlint_config_options_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / ".git");
  // apiVersions from 2019 and 2016: older than the default 24 months, younger than 240.
  fs::copy_file(std::string(ARMLINT_SOURCE_DIR) + "/tests/rules/api-version-recent/fail_old.json",
                dir / "main.json");
  Options o;
  o.only = {"api-version-recent"};
  {
    absl::StatusOr<Engine> engine = Engine::Create(o);
    ASSERT_TRUE(engine.ok()) << engine.status();
    EXPECT_EQ(CountRule(engine->LintPaths({(dir / "main.json").string()}), "api-version-recent"),
              2);
  }
  std::ofstream(dir / ".armlint.json")
      << R"({"rules": {"options": {"apiVersionMaxAgeMonths": 240}}})";
  absl::StatusOr<Engine> engine = Engine::Create(o);
  ASSERT_TRUE(engine.ok()) << engine.status();
  LintResult r = engine->LintPaths({(dir / "main.json").string()});
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(CountRule(r, "api-version-recent"), 0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace armlint
