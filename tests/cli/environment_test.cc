// Workload environments from the command line: a rule about production workloads runs where the
// environment is not known (and says so), and not where the config or a tag says development.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"
#include <boost/json.hpp>

#include "support/process.h"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

const std::string kSrc = ARMLINT_SOURCE_DIR;

struct CliRun {
  int code = -1;
  std::string out;
};

// Runs armlint in `dir` with `args` (stderr joined to stdout).
CliRun Armlint(const fs::path& dir, const std::string& args) {
  CliRun r;
  r.code = armlint::testing::RunShell(
      "cd '" + dir.string() + "' && '" + ARMLINT_CLI_PATH + "' " + args + " 2>&1", &r.out);
  return r;
}

fs::path Scratch() {
  std::string tmpl = (fs::path(::testing::TempDir()) / "armlint_env_XXXXXX").string();
  EXPECT_NE(mkdtemp(tmpl.data()), nullptr);
  fs::create_directories(fs::path(tmpl) / ".git");  // the config search stops here
  return tmpl;
}

// A Basic App Service plan (appservice-plan-basic-tier: about production workloads), with
// `tags` as written.
void WritePlan(const fs::path& file, const std::string& tags) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [{"type": "Microsoft.Web/serverfarms", "apiVersion": "2023-01-01",
    "name": "plan", "location": "westeurope", "tags": )"
                      << tags << R"(, "sku": {"name": "B1"}}]
})";
}

int Count(const std::string& out, const std::string& needle) {
  int n = 0;
  for (std::size_t at = out.find(needle); at != std::string::npos; at = out.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

const std::string kOnly = "--only appservice-plan-basic-tier -f text ";

TEST(CliEnvironment, UnknownRunsWithANoteConfigAndTagsDecide) {
  const fs::path dir = Scratch();
  WritePlan(dir / "prod" / "main.json", "{}");
  WritePlan(dir / "dev" / "main.json", "{}");
  WritePlan(dir / "tagged" / "main.json", R"({"env": "dev"})");

  // No config: every plan is reported, each saying which workloads the rule is about.
  CliRun r = Armlint(dir, "--no-config " + kOnly + ".");
  EXPECT_EQ(Count(r.out, "appservice-plan-basic-tier"), 2) << r.out;  // the dev-tagged one not
  EXPECT_EQ(Count(r.out, "about production workloads"), 2) << r.out;

  std::ofstream(dir / ".armlint.json") << R"({"workloadEnvironment": "production",
    "workloadEnvironments": {"dev/**": "development"}})";
  r = Armlint(dir, kOnly + ".");
  EXPECT_EQ(Count(r.out, "appservice-plan-basic-tier"), 1) << r.out;
  EXPECT_NE(r.out.find("prod/main.json"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("dev/main.json"), std::string::npos) << r.out;
  EXPECT_EQ(Count(r.out, "about production workloads"), 0) << "known: no note\n" << r.out;

  // A misspelt environment stops the run before anything is linted.
  std::ofstream(dir / ".armlint.json") << R"({"workloadEnvironment": "staing"})";
  r = Armlint(dir, kOnly + ".");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("did you mean 'staging'?"), std::string::npos) << r.out;
}

TEST(CliEnvironment, RuleListingsShowTheEnvironments) {
  CliRun r = Armlint(kSrc, "rules --format json");
  ASSERT_EQ(r.code, 0) << r.out;
  int production = 0, non_production = 0;
  const json::value listing = json::parse(r.out);
  for (const json::value& rule : listing.as_array()) {
    const json::object& o = rule.as_object();
    const std::string id(o.at("id").as_string());
    const json::value* e = o.if_contains("environments");
    std::string first = e != nullptr ? std::string(e->as_array().at(0).as_string()) : "";
    if (id == "appservice-plan-basic-tier") {
      EXPECT_EQ(first, "production");
      EXPECT_EQ(e->as_array().size(), 1u);
    }
    if (id == "storage-secure-transfer") EXPECT_EQ(e, nullptr);
    production += first == "production";
    non_production += first == "non-production";
  }
  EXPECT_GE(production, 40);
  EXPECT_GE(non_production, 3);
  r = Armlint(kSrc, "rules show sql-serverless-auto-pause-disabled");
  EXPECT_NE(r.out.find("environments:   non-production"), std::string::npos) << r.out;
}

}  // namespace
