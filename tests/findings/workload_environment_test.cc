// Tests the workload environment from the config and its effect on the hits of rules that are
// about some environments only.
#include "findings/workload_environment.h"

#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"

#include "json/document.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

absl::StatusOr<std::shared_ptr<const Config>> Load(const std::string& name,
                                                   const std::string& text) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("wenv_" + name);
  fs::create_directories(dir);
  std::ofstream(dir / ".armlint.json") << text;
  return LoadConfig((dir / ".armlint.json").string());
}

TEST(WorkloadEnvironment, ConfigGivesOneForAllOrByGlobOrWorkload) {
  absl::StatusOr<std::shared_ptr<const Config>> c = Load("map", R"({
    "workloads": {"apps/web/**": "frontend"},
    "workloadEnvironment": "prod",
    "workloadEnvironments": {"envs/dev/**": "dev", "frontend": "staging", "envs/**": "qa"}})");
  ASSERT_TRUE(c.ok()) << c.status();
  const std::string dir = (*c)->dir;
  EXPECT_EQ(ConfigEnvironment(c->get(), dir + "/envs/dev/main.json"), "development");
  EXPECT_EQ(ConfigEnvironment(c->get(), dir + "/envs/other/main.json"), "test");
  EXPECT_EQ(ConfigEnvironment(c->get(), dir + "/apps/web/main.json"), "staging");
  EXPECT_EQ(ConfigEnvironment(c->get(), dir + "/main.json"), "production");
  EXPECT_EQ(ConfigEnvironment(nullptr, dir + "/main.json"), "");
}

TEST(WorkloadEnvironment, ABadValueIsAnErrorWithASuggestion) {
  absl::StatusOr<std::shared_ptr<const Config>> c =
      Load("bad", "{\n  \"workloadEnvironment\": \"prodution\"\n}");
  ASSERT_FALSE(c.ok());
  const std::string m(c.status().message());
  EXPECT_NE(m.find("did you mean 'production'?"), std::string::npos) << m;
  c = Load("bad_map", R"({"workloadEnvironments": {"a/**": "blue"}})");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("workload environment"), std::string::npos) << c.status();
  // "environment" is not a top-level key: context.environment is the Azure cloud.
  c = Load("cloud", R"({"environment": "production"})");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("workloadEnvironment"), std::string::npos) << c.status();
}

class ApplyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    prod_.id = "prod-rule";
    prod_.problem = "p";
    prod_.environments = {"production"};
    any_.id = "any-rule";
    doc_ = *Document::Parse("t.json", R"([{"tags": {"env": "dev"}}, {"tags": {}}])");
    resources_.resize(2);
    resources_[0].type = resources_[1].type = "Microsoft.Web/serverfarms";
    resources_[0].name = "dev-plan";
    resources_[1].name = "untagged";
    resources_[0].body = doc_->root().items()[0];
    resources_[1].body = doc_->root().items()[1];
  }
  std::vector<Hit> Hits() {
    std::vector<Hit> hits;
    for (const Rule* rule : {&prod_, &any_}) {
      for (const Resource& r : resources_) hits.push_back(Hit{.rule = rule, .resource = &r});
    }
    hits.push_back(Hit{.rule = &prod_, .message = "detail."});  // template-level
    return hits;
  }
  Rule prod_, any_;
  std::unique_ptr<Document> doc_;
  std::vector<Resource> resources_;
};

TEST_F(ApplyTest, UnknownEnvironmentRunsTheRuleAndSaysWhichWorkloads) {
  std::vector<Hit> hits = Hits();
  ApplyWorkloadEnvironments(hits, resources_, "");
  // The dev-tagged resource's production-rule hit is gone; the rest stay.
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_EQ(hits[0].resource->name, "untagged");
  EXPECT_NE(hits[0].message.find("about production workloads"), std::string::npos);
  EXPECT_NE(hits[0].message.find("workloadEnvironment"), std::string::npos);
  EXPECT_EQ(hits[1].message, "") << "a rule for every workload says nothing";
  EXPECT_EQ(hits[2].message, "");
  EXPECT_TRUE(hits[3].message.starts_with("detail. This rule is about production"));
}

TEST_F(ApplyTest, AKnownEnvironmentDecidesAndTheTagBeatsTheConfig) {
  std::vector<Hit> hits = Hits();
  ApplyWorkloadEnvironments(hits, resources_, "production");
  // dev-plan's tag beats the config's production; the untagged plan and the template are
  // production: their findings carry no note.
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_EQ(hits[0].rule, &prod_);
  EXPECT_EQ(hits[0].resource->name, "untagged");
  EXPECT_EQ(hits[0].message, "");
  EXPECT_EQ(hits[3].message, "detail.");
  hits = Hits();
  ApplyWorkloadEnvironments(hits, resources_, "test");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].rule, &any_);
  EXPECT_EQ(hits[1].rule, &any_);
}

}  // namespace
}  // namespace armlint::internal
