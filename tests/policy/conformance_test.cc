// The Azure Policy conformance suite: each folder of testdata/ holds policy definitions
// (policy*.json, initiative*.json), optionally assignment values (assignment.json) and an alias
// table (aliases.json), and templates (template*.json) whose comments say what Azure Policy
// would report on them:
//   // expect: <definition name> ...          non-compliant (a finding)
//   // expect-unknown: <definition name> ...  cannot be decided offline (--report-unknown)
// A template without such comments must produce no finding at all.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "armlint/armlint.hpp"
#include "support/conformance_folder.h"

namespace armlint {
namespace {

namespace fs = std::filesystem;

std::string TestData() { return std::string(ARMLINT_SOURCE_DIR) + "/tests/policy/testdata"; }

std::set<std::string> Expected(const std::string& text, const std::string& tag) {
  std::set<std::string> out;
  std::istringstream in(text);
  std::string line;
  std::string marker = "// " + tag + ":";
  while (std::getline(in, line)) {
    std::size_t at = line.find(marker);
    if (at == std::string::npos) continue;
    std::istringstream ids(line.substr(at + marker.size()));
    std::string id;
    while (ids >> id) out.insert(id);
  }
  return out;
}

std::vector<std::string> Cases() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(TestData())) {
    if (e.is_directory()) out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class Conformance : public ::testing::TestWithParam<std::string> {};

TEST_P(Conformance, TemplatesGetTheEffectsAzureWouldApply) {
  fs::path dir = fs::path(TestData()) / GetParam();
  Options options;
  options.builtin_rules = false;
  options.use_config = false;
  options.report_unknown = true;
  std::vector<std::string> templates = ::armlint::testing::ReadConformanceFolder(dir, options);
  ASSERT_FALSE(options.policy_paths.empty()) << dir;
  ASSERT_FALSE(templates.empty()) << dir;
  absl::StatusOr<Engine> engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok()) << engine.status();
  for (const InputError& e : engine->PolicyErrors()) {
    ADD_FAILURE() << e.location.file << ":" << e.location.line << ": " << e.message;
  }
  for (const std::string& t : templates) {
    std::ifstream in(t);
    std::stringstream text;
    text << in.rdbuf();
    LintResult result = engine->LintPaths({t});
    std::set<std::string> fails, unknowns;
    for (const Finding& f : result.findings) {
      (f.outcome == Outcome::kFail ? fails : unknowns).insert(f.rule_id);
      if (f.outcome == Outcome::kFail) {
        EXPECT_TRUE(f.policy.has_value()) << f.rule_id;
        EXPECT_FALSE(f.effect.empty()) << f.rule_id;
      }
    }
    for (const InputError& e : result.errors) ADD_FAILURE() << t << ": " << e.message;
    EXPECT_EQ(fails, Expected(text.str(), "expect")) << t;
    EXPECT_EQ(unknowns, Expected(text.str(), "expect-unknown")) << t;
  }
}

INSTANTIATE_TEST_SUITE_P(Policy, Conformance, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<std::string>& i) {
                           std::string n = i.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

}  // namespace
}  // namespace armlint
