// Tests for .armlint.json loading, validation errors with line:col, and discovery.
#include "findings/config.h"

#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"

#include "util/input_error.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(::testing::TempDir()) /
            ("armlint_config_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  std::string Write(const std::string& rel, const std::string& text) {
    fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p.string();
  }
  fs::path root_;
};

TEST_F(ConfigTest, LoadsEveryKey) {
  std::string path = Write(".armlint.json", R"({
    // comments are allowed
    "rules": {"disable": ["a"], "enable": [], "disableCategories": ["Cost"],
              "impact": {"b": "Low"},
              "options": {"requiredTags": ["env", "owner"], "apiVersionMaxAgeMonths": 12}},
    "failOn": "medium",
    "rulePacks": ["policies"],
    "ignore": ["legacy/**"],
    "parameters": [{"template": "infra/*.json", "file": "infra/prod.parameters.json"}],
    "suppressions": [{"rule": "c", "resource": "st*", "justification": "test data",
                      "expires": "2030-01-01"}]
  })");
  auto c = LoadConfig(path);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ((*c)->disable, std::vector<std::string>{"a"});
  EXPECT_EQ((*c)->disable_categories, std::vector<Category>{Category::kCost});
  EXPECT_EQ((*c)->impact.at("b"), Impact::kLow);
  EXPECT_EQ((*c)->fail_on, std::optional<std::optional<Impact>>(Impact::kMedium));
  EXPECT_EQ((*c)->rule_packs[0], (root_ / "policies").lexically_normal().generic_string());
  // Deprecated flat option keys still reach their checks (native_checks_test reads the values).
  EXPECT_EQ((*c)->check_options.count("resource-required-tags"), 1u);
  EXPECT_EQ((*c)->check_options.count("api-version-recent"), 1u);
  ASSERT_EQ((*c)->suppressions.size(), 1u);
  EXPECT_EQ((*c)->suppressions[0].expires, "2030-01-01");
  EXPECT_EQ((*c)->parameters[0].template_glob, "infra/*.json");
}

TEST_F(ConfigTest, ErrorsNameTheLineAndColumn) {
  struct {
    const char* text;
    int line, column;
    const char* message;
  } cases[] = {
      {"{\n  \"rulez\": {}\n}", 2, 3, "unknown key 'rulez'"},
      {"{\n  \"failOn\": \"critical\"\n}", 2, 13, "'failOn' must be"},
      {"{\"rules\": {\"disable\": \"a\"}}", 1, 23, "must be an array of strings"},
      {"{\"suppressions\": [{\"rule\": \"a\"}]}", 1, 19, "justification"},
      {"{\"suppressions\": [{\"rule\": \"a\", \"justification\": \"x\", \"expires\": \"soon\"}]}",
       1, 66, "YYYY-MM-DD"},
      {"{\"rules\": {\"impact\": {\"a\": \"Huge\"}}}", 1, 28,
       "'rules.impact.a' (impact) must be \"High\", \"Medium\" or \"Low\""},
      {"{\"rules\": {\"options\": {\"apiVersionMaxAgeMonths\": 0}}}", 1, 50,
       "'rules.options.apiVersionMaxAgeMonths' must be from 1 to 240"},
      {"{\"rules\": {\"options\": {\"api-version-recent\": {\"maxAgeMonths\": 0}}}}", 1, 63,
       "'rules.options[\"api-version-recent\"].maxAgeMonths' must be from 1 to 240"},
      {"{\"rules\": {\"options\": {\"resource-required-tag\": {\"tags\": [\"a\"]}}}}", 1, 24,
       "unknown rule 'resource-required-tag' in rules.options (rules with options: "
       "api-version-recent, resource-required-tags)"},
      {"{\"rules\": {\"options\": {\"outputs-no-secrets\": {}}}}", 1, 24,
       "rule 'outputs-no-secrets' takes no options"},
      {"{\"rules\": {\"disableCategories\": [\"Security\", \"Costs\"]}}", 1, 46,
       "'rules.disableCategories[1]' (category) must be \"Cost\""},
      {"{\"suppressions\": [{\"rule\": \"a\", \"justification\": \"x\", \"expire\": "
       "\"2030-01-01\"}]}",
       1, 55, "unknown key 'expire' in 'suppressions[0]' (suppression) (known: rule, resource"},
      {"{\"suppressions\": [{\"rule\": \"a\", \"justification\": \"\"}]}", 1, 50,
       "'suppressions[0].justification' must not be empty"},
      {"{\"suppressions\": [{\"rule\": \"a\", \"justification\": \"x\", \"expires\": "
       "\"2027-02-30\"}]}",
       1, 66, "must be a date \"YYYY-MM-DD\""},
      {"{\"parameters\": [{\"template\": \"*.json\"}]}", 1, 17,
       "'parameters[0]' (parameters entry) needs \"file\""},
      {"{\"failOn\": \"High\"}", 1, 12,
       "'failOn' must be \"high\", \"medium\", \"low\" or \"none\""},
      {"{\"Rules\": {}}", 1, 2, "unknown key 'Rules' in the configuration (known: $schema, rules,"},
      {"{\"policies\": [{\"path\": \"p\", \"category\": \"Securty\"}]}", 1, 41,
       "'policies[0].category' (category) must be \"Cost\", \"Security\", \"Reliability\", "
       "\"Performance\" or \"OperationalExcellence\" (did you mean 'Security'?)"},
  };
  for (const auto& c : cases) {
    std::string path = Write("bad.json", c.text);
    auto config = LoadConfig(path);
    ASSERT_FALSE(config.ok()) << c.text;
    EXPECT_NE(config.status().message().find(c.message), absl::string_view::npos)
        << config.status();
    auto at = GetSourceLocation(config.status());
    ASSERT_TRUE(at.has_value());
    EXPECT_EQ(at->line, c.line) << c.text;
    EXPECT_EQ(at->column, c.column) << c.text;
  }
}

// "policies[].category": the pillar of a policy source's findings; unset is left to the loader
// (Security, or what a cache holds).
TEST_F(ConfigTest, PolicyCategory) {
  auto c = LoadConfig(Write(".armlint.json", R"({"policies": [
    {"path": "cost", "category": "Cost"}, {"path": "ops", "category": "OperationalExcellence"},
    {"path": "plain"}]})"));
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_EQ((*c)->policies.size(), 3u);
  EXPECT_EQ((*c)->policies[0].category, Category::kCost);
  EXPECT_EQ((*c)->policies[1].category, Category::kOperationalExcellence);
  EXPECT_EQ((*c)->policies[2].category, std::nullopt);
}

// "$schema" lets editors find docs/armlint.schema.json; armlint ignores it.
TEST_F(ConfigTest, AcceptsAndIgnoresSchemaKey) {
  auto c = LoadConfig(Write(".armlint.json", R"({
    "$schema": "https://raw.githubusercontent.com/armlint/armlint/main/docs/armlint.schema.json",
    "failOn": "none"})"));
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ((*c)->fail_on, std::optional<std::optional<Impact>>(std::optional<Impact>()));
  auto bad = LoadConfig(Write("bad.json", R"({"$schema": 1})"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("'$schema' must be a string"), absl::string_view::npos)
      << bad.status();
}

TEST_F(ConfigTest, DiscoveryWalksUpToTheRepositoryRoot) {
  fs::create_directories(root_ / "repo" / ".git");
  Write("repo/.armlint.json", R"({"failOn": "high"})");
  Write(".armlint.json", R"({"failOn": "low"})");  // above the repository: never used
  std::string nested = Write("repo/infra/app/main.json", "{}");
  std::string outside = Write("other/main.json", "{}");
  ConfigResolver resolver("", true);
  auto c = resolver.For(nested);
  ASSERT_TRUE(c.ok());
  ASSERT_NE(*c, nullptr);
  EXPECT_EQ((*c)->fail_on, std::optional<std::optional<Impact>>(Impact::kHigh));
  auto o = resolver.For(outside);
  ASSERT_TRUE(o.ok());
  ASSERT_NE(*o, nullptr);  // other/ has no .git: the walk reaches root_/.armlint.json
  EXPECT_EQ((*o)->fail_on, std::optional<std::optional<Impact>>(Impact::kLow));
  ConfigResolver off("", false);
  EXPECT_EQ(*off.For(nested), nullptr);
  ConfigResolver explicit_config(Write("custom.json", R"({"failOn": "none"})"), true);
  EXPECT_EQ((*explicit_config.For(nested))->fail_on,
            std::optional<std::optional<Impact>>(std::optional<Impact>()));
}

// A folder a tree walk listed without a .armlint.json or .git entry is not looked at for them
// again: here the walk's (stale) word hides a config written after it; folders not listed are
// looked at as before.
TEST_F(ConfigTest, DiscoveryTakesTheWalksWordForTheFoldersItListed) {
  fs::create_directories(root_ / "repo" / ".git");
  fs::create_directories(root_ / ".git");  // the look upwards ends here
  Write("repo/.armlint.json", R"({"failOn": "high"})");
  std::string nested = Write("repo/infra/main.json", "{}");
  FolderFacts facts;
  FolderFacts::Facts no_config;
  FolderFacts::Add("main.json", no_config);
  facts.Record((root_ / "repo" / "infra").string(), no_config);
  facts.Record((root_ / "repo").string(), no_config);  // listed before the config was written
  ConfigResolver stale("", true);
  stale.set_folder_facts(&facts);
  auto c = stale.For(nested);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(*c, nullptr);  // nor a .git: on up to root_, which has no config
  FolderFacts fresh;
  fresh.Record((root_ / "repo" / "infra").string(), no_config);
  ConfigResolver resolver("", true);
  resolver.set_folder_facts(&fresh);
  auto found = resolver.For(nested);
  ASSERT_TRUE(found.ok());
  ASSERT_NE(*found, nullptr);
  EXPECT_EQ((*found)->fail_on, std::optional<std::optional<Impact>>(Impact::kHigh));
}

}  // namespace
}  // namespace armlint::internal
