// The rule fixture test: every built-in rule has tests/rules/<id>/ with pass_ and fail_
// fixtures, and each `// expect: <id>` line is reported exactly (armlint::TestRules).
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"

#include "armlint/armlint.hpp"

namespace armlint {
namespace {

TEST(RuleFixtures, EveryBuiltinRulePassesItsFixtures) {
  TestRulesOptions options;
  options.builtin_rules = true;
  options.fixtures_dir = ARMLINT_SOURCE_DIR "/tests/rules";
  absl::StatusOr<FixtureReport> report = TestRules(options);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_GT(report->rules, 0);
  EXPECT_GE(report->fixtures, 2 * report->rules);
  for (const std::string& f : report->failures) ADD_FAILURE() << f;
}

// A user pack in the documented layout, with one good and one broken expectation.
TEST(RuleFixtures, UserPackLayoutAndFailuresAreReported) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(::testing::TempDir()) / "armlint_user_pack";
  fs::remove_all(root);
  fs::create_directories(root / "rules" / "custom");
  fs::create_directories(root / "tests" / "rules" / "kv-purge");
  std::ofstream(root / "rules" / "custom" / "kv-purge.json") << R"({
    "id": "kv-purge", "category": "Reliability", "impact": "Medium",
    "resourceType": "Microsoft.KeyVault/vaults",
    "problem": "p", "solution": "s", "learnMoreLink": "https://learn.microsoft.com/",
    "if": {"field": "properties.enablePurgeProtection", "notEquals": true}})";
  const char* tmpl = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [{
    "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-02-01", "name": "kv",
    "location": "westeurope",
    "properties": {
      "enablePurgeProtection": false %s
    }
  }]
})";
  auto write = [&](const char* name, const char* marker) {
    char buf[1024];
    std::snprintf(buf, sizeof buf, tmpl, marker);
    std::ofstream(root / "tests" / "rules" / "kv-purge" / name) << buf;
  };
  write("fail_a.json", "// expect: kv-purge");
  write("pass_b.json", "");  // wrong: this one is reported
  absl::StatusOr<FixtureReport> report = TestRules(root.string());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->rules, 1);
  EXPECT_EQ(report->fixtures, 2);
  ASSERT_EQ(report->failures.size(), 1u);
  EXPECT_NE(report->failures[0].find("pass_b.json:8: kv-purge reported but not expected"),
            std::string::npos)
      << report->failures[0];
}

TEST(RuleFixtures, BadPackIsAnError) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(::testing::TempDir()) / "armlint_bad_pack";
  fs::remove_all(root);
  fs::create_directories(root / "rules");
  fs::create_directories(root / "tests");
  std::ofstream(root / "rules" / "x.json") << R"({"id": "x", "category": "Cost"})";
  absl::StatusOr<FixtureReport> report = TestRules(root.string());
  EXPECT_FALSE(report.ok());
}

}  // namespace
}  // namespace armlint

namespace armlint {
namespace {

TEST(CheckRulePack, ValidatesWithoutLinting) {
  absl::StatusOr<std::vector<RuleInfo>> rules = CheckRulePack(ARMLINT_SOURCE_DIR "/rules");
  ASSERT_TRUE(rules.ok()) << rules.status();
  ASSERT_FALSE(rules->empty());
  EXPECT_TRUE(std::is_sorted(rules->begin(), rules->end(),
                             [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; }));
  EXPECT_FALSE(CheckRulePack("/nonexistent/armlint/pack").ok());
}

// `armlint rules --check` prints CheckRulePack's error: it starts with the rule file's
// file:line:col, as Engine::Create's does.
TEST(CheckRulePack, ErrorStartsWithTheRuleFilesPosition) {
  const std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / "armlint_check_rule_pack";
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "x-y.json").string();
  std::ofstream(file) << "{\n  \"id\": \"x-y\",\n  \"impakt\": \"High\"\n}\n";
  absl::StatusOr<std::vector<RuleInfo>> rules = CheckRulePack(dir.string());
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(std::string(rules.status().message()),
            file + ":3:3: unknown key 'impakt' in rule file (did you mean 'impact'?)");
  Options options;
  options.builtin_rules = false;
  options.rule_dirs = {dir.string()};
  absl::StatusOr<Engine> engine = Engine::Create(options);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().message(), rules.status().message());
}

}  // namespace
}  // namespace armlint
