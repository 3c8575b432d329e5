// Tests workload environment names, rules' "environments" and the tags that state them.
#include "rules/environments.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "json/document.h"
#include "rules/rule_loader.h"

namespace armlint::internal {
namespace {

TEST(Environments, NamesAndAbbreviationsAreCanonical) {
  EXPECT_EQ(CanonicalEnvironment("prod"), "production");
  EXPECT_EQ(CanonicalEnvironment(" PRD "), "production");
  EXPECT_EQ(CanonicalEnvironment("Production"), "production");
  EXPECT_EQ(CanonicalEnvironment("uat"), "staging");
  EXPECT_EQ(CanonicalEnvironment("QA"), "test");
  EXPECT_EQ(CanonicalEnvironment("dev"), "development");
  EXPECT_EQ(CanonicalEnvironment("sbx"), "sandbox");
  EXPECT_EQ(CanonicalEnvironment("blue"), std::nullopt);
  EXPECT_EQ(CanonicalEnvironment(""), std::nullopt);
  EXPECT_EQ(CanonicalEnvironment("production-eu"), std::nullopt);
  for (std::string_view name : EnvironmentNames()) EXPECT_EQ(CanonicalEnvironment(name), name);
}

TEST(Environments, NonProductionIsEveryEnvironmentButProduction) {
  const std::vector<std::string> prod = {"production"};
  const std::vector<std::string> nonprod = {std::string(kNonProduction)};
  const std::vector<std::string> some = {"staging", "test"};
  EXPECT_TRUE(RuleAppliesTo(prod, "production"));
  EXPECT_FALSE(RuleAppliesTo(prod, "development"));
  EXPECT_FALSE(RuleAppliesTo(nonprod, "production"));
  EXPECT_TRUE(RuleAppliesTo(nonprod, "sandbox"));
  EXPECT_TRUE(RuleAppliesTo(some, "test"));
  EXPECT_FALSE(RuleAppliesTo(some, "development"));
  EXPECT_TRUE(RuleAppliesTo({}, "development")) << "no environments: every workload";
  EXPECT_EQ(EnvironmentsPhrase(some), "staging or test");
  EXPECT_EQ(EnvironmentsPhrase(prod), "production");
}

class ResourceEnvironmentTest : public ::testing::Test {
 protected:
  Resource Make(std::string type, std::string name, std::string body) {
    docs_.push_back(*Document::Parse("t.json", std::move(body)));
    Resource r;
    r.type = std::move(type);
    r.name = std::move(name);
    r.body = &docs_.back()->root();
    return r;
  }
  std::vector<std::unique_ptr<Document>> docs_;
};

TEST_F(ResourceEnvironmentTest, TheEnvironmentOrEnvTagInAnyCase) {
  std::vector<Resource> all;
  all.push_back(Make("Microsoft.Web/serverfarms", "a", R"({"tags": {"Environment": "Prod"}})"));
  all.push_back(Make("Microsoft.Web/serverfarms", "b", R"({"tags": {"ENV": "dev"}})"));
  all.push_back(Make("Microsoft.Web/serverfarms", "c", R"({"tags": {"env": "blue"}})"));
  all.push_back(Make("Microsoft.Web/serverfarms", "d", R"({"tags": {"owner": "x"}})"));
  all.push_back(Make("Microsoft.Web/serverfarms", "e", R"({"tags": {"env": 3}})"));
  EXPECT_EQ(ResourceEnvironment(all[0], all), "production");
  EXPECT_EQ(ResourceEnvironment(all[1], all), "development");
  EXPECT_EQ(ResourceEnvironment(all[2], all), "") << "not an accepted name: not known";
  EXPECT_EQ(ResourceEnvironment(all[3], all), "");
  EXPECT_EQ(ResourceEnvironment(all[4], all), "");
}

TEST_F(ResourceEnvironmentTest, AChildWithoutTagsTakesItsParents) {
  std::vector<Resource> all;
  all.push_back(Make("Microsoft.Web/sites", "app", R"({"tags": {"environment": "test"}})"));
  all.push_back(Make("Microsoft.Web/sites/config", "app/web", R"({"properties": {}})"));
  all.push_back(Make("Microsoft.Web/sites/config", "other/web", R"({"properties": {}})"));
  all.push_back(Make("Microsoft.Web/sites/slots", "app/s", R"({"tags": {"env": "prod"}})"));
  EXPECT_EQ(ResourceEnvironment(all[1], all), "test");
  EXPECT_EQ(ResourceEnvironment(all[2], all), "") << "no parent in the deployment";
  EXPECT_EQ(ResourceEnvironment(all[3], all), "production") << "its own tag beats the parent's";
}

absl::StatusOr<std::unique_ptr<Rule>> RuleWith(std::string_view environments) {
  return ParseRuleText("rules/cost/r.json", std::string(R"({"id": "r", "category": "Cost",
    "impact": "Low", "problem": "p", "solution": "s", "learnMoreLink": "https://x",
    "environments": )") + std::string(environments) +
                                                R"(, "if": {"field": "name", "equals": "x"}})");
}

TEST(RuleEnvironments, ParsedAndCheckedWithSuggestions) {
  absl::StatusOr<std::unique_ptr<Rule>> ok = RuleWith(R"(["production", "non-production"])");
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ((*ok)->environments, (std::vector<std::string>{"production", "non-production"}));
  auto error = [](std::string_view envs) {
    absl::StatusOr<std::unique_ptr<Rule>> r = RuleWith(envs);
    EXPECT_FALSE(r.ok()) << envs;
    return r.ok() ? std::string() : std::string(r.status().message());
  };
  EXPECT_NE(error(R"(["prodution"])").find("did you mean 'production'?"), std::string::npos);
  EXPECT_NE(error(R"(["prod"])").find("write 'production'"), std::string::npos);
  EXPECT_NE(error(R"([])").find("non-empty array"), std::string::npos);
  EXPECT_NE(error(R"("production")").find("non-empty array"), std::string::npos);
  EXPECT_NE(error(R"(["test", "test"])").find("listed twice"), std::string::npos);
  EXPECT_NE(error(R"([1])").find("'environments' entry"), std::string::npos);
}

}  // namespace
}  // namespace armlint::internal
