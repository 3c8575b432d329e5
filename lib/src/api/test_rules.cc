// armlint::TestRules: the rule fixture runner behind `armlint test-rules` and the built-in
// fixture test (tests/rules/fixture_test.cc).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "armlint/armlint.hpp"
#include "rules/rule_set.h"
#include "util/input_error.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint {
namespace {

namespace fs = std::filesystem;
using internal::Cat;

// Lines (1-based) carrying `marker` ("// expect:" or "// expect-unknown:") followed by `id`
// (several ids may be listed, comma-separated).
std::set<int> ExpectedLines(const std::string& text, const std::string& id,
                            std::string_view marker) {
  std::set<int> lines;
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    std::size_t at = line.find(marker);
    if (at == std::string::npos) continue;
    std::string rest = line.substr(at + marker.size());
    std::size_t start = 0;
    while (start < rest.size()) {
      std::size_t comma = rest.find(',', start);
      std::string_view item = internal::Strip(std::string_view(rest).substr(
          start, comma == std::string::npos ? std::string::npos : comma - start));
      if (item == id) lines.insert(n);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return lines;
}

std::vector<std::string> RuleIds(const TestRulesOptions& options, absl::Status& status) {
  std::vector<std::string> ids;
  if (options.builtin_rules) {
    absl::StatusOr<Engine> engine = Engine::Create(Options{});
    if (!engine.ok()) {
      status = engine.status();
      return ids;
    }
    for (const RuleInfo& r : engine->Rules()) ids.push_back(r.id);
    return ids;
  }
  absl::StatusOr<std::unique_ptr<const internal::RuleSet>> set =
      internal::RuleSet::LoadDir(options.rules_dir);
  if (!set.ok()) {
    status = set.status();
    return ids;
  }
  for (const auto& r : (*set)->rules()) ids.push_back(r->id);
  return ids;
}

void TestFixture(const Engine& engine, const std::string& id, const fs::path& file, bool pass,
                 FixtureReport& report) {
  std::string path = file.generic_string();
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::set<int> expected = ExpectedLines(text, id, "// expect:");
  // Unknown outcomes (a rule that cannot decide, a linked template not fetched) are checked in
  // the fixtures that mark some: other fixtures may leave values unknown on purpose.
  std::set<int> expected_unknown = ExpectedLines(text, id, "// expect-unknown:");
  ++report.fixtures;
  if (pass && !expected.empty()) {
    report.failures.push_back(Cat(path, ": a pass_ fixture must not expect findings"));
  }
  if (!pass && expected.empty() && expected_unknown.empty()) {
    report.failures.push_back(Cat(path, ": a fail_ fixture needs a line marked // expect: ", id));
  }
  LintResult result = engine.LintPaths({path});
  for (const InputError& e : result.errors) {
    report.failures.push_back(Cat(path, ":", e.location.line, ": could not lint: ", e.message));
  }
  std::set<int> reported, reported_unknown;
  for (const Finding& f : result.findings) {
    if (f.rule_id != id) continue;
    (f.outcome == Outcome::kFail ? reported : reported_unknown).insert(f.location.line);
  }
  auto compare = [&](const std::set<int>& want, const std::set<int>& got, std::string_view what) {
    for (int line : want) {
      if (!got.contains(line)) {
        report.failures.push_back(
            Cat(path, ":", line, ": expected ", id, what, " here, not reported"));
      }
    }
    for (int line : got) {
      if (!want.contains(line)) {
        report.failures.push_back(
            Cat(path, ":", line, ": ", id, what, " reported but not expected"));
      }
    }
  };
  compare(expected, reported, "");
  if (!expected_unknown.empty()) compare(expected_unknown, reported_unknown, " (unknown outcome)");
}

}  // namespace

absl::StatusOr<std::vector<RuleInfo>> CheckRulePack(const std::string& dir) {
  absl::StatusOr<std::unique_ptr<const internal::RuleSet>> set = internal::RuleSet::LoadDir(dir);
  if (!set.ok()) return internal::WithLocationInMessage(set.status());
  std::vector<RuleInfo> out;
  for (const auto& r : (*set)->rules()) {
    out.push_back(internal::ToRuleInfo(*r));
  }
  return out;
}

absl::StatusOr<FixtureReport> TestRules(const TestRulesOptions& options) {
  absl::Status status;
  std::vector<std::string> ids = RuleIds(options, status);
  if (!status.ok()) return status;
  FixtureReport report;
  std::error_code ec;
  if (!fs::is_directory(options.fixtures_dir, ec)) {
    return absl::NotFoundError(Cat("fixture folder not found: ", options.fixtures_dir));
  }
  for (const std::string& id : ids) {
    ++report.rules;
    fs::path dir = fs::path(options.fixtures_dir) / id;
    std::vector<fs::path> pass, fail;
    if (fs::is_directory(dir, ec)) {
      for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
        std::string name = e.path().filename().string();
        if (!e.is_regular_file(ec) || !name.ends_with(".json")) continue;
        if (name.starts_with("pass_")) pass.push_back(e.path());
        if (name.starts_with("fail_")) fail.push_back(e.path());
      }
    }
    std::sort(pass.begin(), pass.end());
    std::sort(fail.begin(), fail.end());
    if (pass.empty() || fail.empty()) {
      report.failures.push_back(Cat(dir.generic_string(), ": rule ", id,
                                    " needs at least one pass_*.json and one fail_*.json"));
    }
    Options engine_options;
    engine_options.builtin_rules = options.builtin_rules;
    if (!options.builtin_rules) engine_options.rule_dirs = {options.rules_dir};
    engine_options.only = {id};
    engine_options.report_unknown = true;
    absl::StatusOr<Engine> engine = Engine::Create(engine_options);
    if (!engine.ok()) return engine.status();
    for (const fs::path& f : pass) TestFixture(*engine, id, f, true, report);
    for (const fs::path& f : fail) TestFixture(*engine, id, f, false, report);
  }
  return report;
}

absl::StatusOr<FixtureReport> TestRules(const std::string& dir) {
  std::error_code ec;
  TestRulesOptions options;
  fs::path root(dir);
  options.rules_dir = fs::is_directory(root / "rules", ec) ? (root / "rules").string() : dir;
  options.fixtures_dir = fs::is_directory(root / "tests" / "rules", ec)
                             ? (root / "tests" / "rules").string()
                             : (root / "tests").string();
  return TestRules(options);
}

}  // namespace armlint
