// Tests that rule options from .armlint.json reach the rules through the engine.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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

// A scratch repository (a folder with .git) holding `files`; removed when the test ends.
class ScratchRepo {
 public:
  explicit ScratchRepo(const std::string& name)
      : dir_(fs::path(::testing::TempDir()) /
             ("armlint_" + name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_ / ".git");
  }
  ~ScratchRepo() { fs::remove_all(dir_); }
  const fs::path& dir() const { return dir_; }
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }

 private:
  fs::path dir_;
};

// The findings of `id` as "line:outcome:problem", in report order.
std::vector<std::string> Findings(const LintResult& r, const std::string& id) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) {
    if (f.rule_id != id) continue;
    out.push_back(std::to_string(f.location.line) + ":" +
                  (f.outcome == Outcome::kFail ? "fail" : "unknown") + ":" + f.problem);
  }
  return out;
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
  // The rule's own options, and the deprecated flat key of earlier versions.
  for (const char* config :
       {R"({"rules": {"options": {"api-version-recent": {"maxAgeMonths": 240}}}})",
        R"({"rules": {"options": {"apiVersionMaxAgeMonths": 240}}})"}) {
    std::ofstream(dir / ".armlint.json") << config;
    absl::StatusOr<Engine> engine = Engine::Create(o);
    ASSERT_TRUE(engine.ok()) << engine.status();
    LintResult r = engine->LintPaths({(dir / "main.json").string()});
    EXPECT_TRUE(r.errors.empty()) << config;
    EXPECT_EQ(CountRule(r, "api-version-recent"), 0) << config;
  }
  fs::remove_all(dir);
}

// Lines 7, 8, 9, 10, 11: storage without tags, a vault missing costCenter (tags written in
// another case), a vnet with every tag in other cases, a vault whose tags come from a parameter
// with no value (Unknown), a subnet (a type without tags). Line 13: a deployment-time tags object.
constexpr char kTagsTemplate[] = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {"deployTags": {"type": "object"}},
  "variables": {"tags": {"ENV": "dev"}},
  "resources": [
    {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "name": "st1"},
    {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv1", "tags": {"Env": "prod"}},
    {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet1", "tags": {"eNv": "a", "COSTCENTER": "b"}},
    {"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv2", "tags": "[parameters('deployTags')]"},
    {"type": "Microsoft.Network/virtualNetworks/subnets", "apiVersion": "2023-09-01", "name": "vnet1/s"},
    {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-09-01", "name": "vnet2",
     "tags": "[variables('tags')]"}
  ]
})";

constexpr char kTagsExport[] = R"([
  {"id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/disks/d1",
   "name": "d1", "type": "Microsoft.Compute/disks", "location": "westeurope",
   "tags": {"env": "prod"}},
  {"id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/disks/d2",
   "name": "d2", "type": "Microsoft.Compute/disks", "location": "westeurope",
   "tags": {"Env": "prod", "costcenter": "cc1"}}
])";

TEST(ConfigOptions, RequiredTagsReportMissingTagsCaseInsensitively) {
  ScratchRepo repo("required_tags");
  const std::string tmpl = repo.Write("main.json", kTagsTemplate);
  const std::string exported = repo.Write("export.json", kTagsExport);
  repo.Write(
      ".armlint.json",
      R"({"rules": {"options": {"resource-required-tags": {"tags": ["env", "costCenter"]}}}})");
  Options o;
  o.only = {"resource-required-tags"};
  o.report_unknown = true;
  absl::StatusOr<Engine> engine = Engine::Create(o);
  ASSERT_TRUE(engine.ok()) << engine.status();
  LintResult r = engine->LintPaths({tmpl, exported});
  EXPECT_TRUE(r.errors.empty());
  const std::string problem = "The resource lacks a tag that the repository requires";
  std::vector<std::string> got = Findings(r, "resource-required-tags");
  ASSERT_EQ(got.size(), 5u) << ::testing::PrintToString(got);
  // Exported disk d1 (export.json sorts first): at its tags, only costCenter is missing.
  EXPECT_TRUE(got[0].starts_with("4:fail:" + problem)) << got[0];
  EXPECT_TRUE(got[0].ends_with(" Missing required tag 'costCenter'.")) << got[0];
  // The storage account has no tags at all: at the resource, both named as configured.
  EXPECT_TRUE(got[1].starts_with("7:fail:")) << got[1];
  EXPECT_TRUE(got[1].ends_with(" Missing required tags 'env', 'costCenter'.")) << got[1];
  EXPECT_TRUE(got[2].starts_with("8:fail:")) << got[2];
  EXPECT_TRUE(got[2].ends_with(" Missing required tag 'costCenter'.")) << got[2];
  // Tags from a parameter with no value: cannot tell, never a failure.
  EXPECT_TRUE(got[3].starts_with("10:unknown:")) << got[3];
  // Tags from a variable are known: at the expression that sets them.
  EXPECT_TRUE(got[4].starts_with("13:fail:")) << got[4];
  EXPECT_TRUE(got[4].ends_with(" Missing required tag 'costCenter'.")) << got[4];
  for (const Finding& f : r.findings) {
    EXPECT_NE(f.impacted_field, "Microsoft.Network/virtualNetworks/subnets");
  }
  // Without --report-unknown the Unknown tags object gives no finding at all.
  o.report_unknown = false;
  engine = Engine::Create(o);
  ASSERT_TRUE(engine.ok()) << engine.status();
  EXPECT_EQ(CountRule(engine->LintPaths({tmpl, exported}), "resource-required-tags"), 4);
  // The deprecated flat key of earlier versions gives the same list.
  repo.Write(".armlint.json", R"({"rules": {"options": {"requiredTags": ["env", "costCenter"]}}})");
  engine = Engine::Create(o);
  ASSERT_TRUE(engine.ok()) << engine.status();
  EXPECT_EQ(CountRule(engine->LintPaths({tmpl, exported}), "resource-required-tags"), 4);
}

TEST(ConfigOptions, RequiredTagsRuleIsSilentWithoutTheOption) {
  ScratchRepo repo("required_tags_off");
  const std::string tmpl = repo.Write("main.json", kTagsTemplate);
  const std::string exported = repo.Write("export.json", kTagsExport);
  Options o;
  o.report_unknown = true;
  absl::StatusOr<Engine> engine = Engine::Create(o);
  ASSERT_TRUE(engine.ok()) << engine.status();
  LintResult r = engine->LintPaths({tmpl, exported});
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(CountRule(r, "resource-required-tags"), 0);
  // The untagged storage account is still resource-tags-missing's, as before.
  EXPECT_EQ(CountRule(r, "resource-tags-missing"), 1);
  // A config without the option, and one with an empty list, change nothing either.
  for (const char* config : {R"({"rules": {"options": {"apiVersionMaxAgeMonths": 240}}})",
                             R"({"rules": {"options": {"requiredTags": []}}})"}) {
    repo.Write(".armlint.json", config);
    engine = Engine::Create(o);
    ASSERT_TRUE(engine.ok()) << engine.status();
    r = engine->LintPaths({tmpl, exported});
    EXPECT_TRUE(r.errors.empty()) << config;
    EXPECT_EQ(CountRule(r, "resource-required-tags"), 0) << config;
  }
}

// A config's policy folder with several broken files: each is an error at its place, as with
// --policy, and nothing is linted.
TEST(ConfigOptions, EveryBrokenPolicyFileOfAConfigIsReported) {
  ScratchRepo repo("config_policy_errors");
  fs::create_directories(repo.dir() / "pol");
  repo.Write("pol/a.json", "{\"name\": \"a\", \"properties\": {\"policyRule\": \n");
  repo.Write("pol/c.json", "{ \"bad json");
  repo.Write(".armlint.json", R"({"policies": [{"path": "pol"}]})");
  const std::string tmpl = repo.Write("main.json", kTagsTemplate);
  Options options;
  absl::StatusOr<Engine> engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok()) << engine.status();
  LintResult r = engine->LintPaths({tmpl});
  std::vector<std::string> at;
  for (const InputError& e : r.errors) {
    at.push_back(fs::path(e.location.file).filename().string() + ":" +
                 std::to_string(e.location.line) + ":" + std::to_string(e.location.column));
  }
  std::sort(at.begin(), at.end());
  EXPECT_EQ(at, (std::vector<std::string>{"a.json:2:1", "c.json:1:3"}));
  EXPECT_EQ(r.files, 0);
}

}  // namespace
}  // namespace armlint
