// The C API against the C++ API it wraps: same results, shared engines across threads, and the
// README's embedding examples being the files the install test builds. The C99 side is
// tests/api/c_api_test.c.
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

#include "armlint/armlint.h"
#include "armlint/armlint.hpp"

namespace armlint {
namespace {

constexpr char kTemplate[] = R"({"contentVersion": "1.0.0.0", "resources": [{
  "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
  "name": "st1", "properties": {"minimumTlsVersion": "TLS1_0"}}]})";

// Owns a char* from the C API.
std::string Take(char* s) {
  std::string out = s == nullptr ? "(null)" : s;
  armlint_free(s);
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(CApi, VersionMatchesCpp) {
  EXPECT_STREQ(armlint_version(), Version());
  EXPECT_EQ(std::string(Version()), std::to_string(ARMLINT_VERSION_MAJOR) + "." +
                                        std::to_string(ARMLINT_VERSION_MINOR) + "." +
                                        std::to_string(ARMLINT_VERSION_PATCH));
}

TEST(CApi, ReportEqualsCppReport) {
  char* err = nullptr;
  armlint_engine_t* engine = armlint_engine_new(nullptr, &err);
  ASSERT_NE(engine, nullptr) << Take(err);
  armlint_result_t* result =
      armlint_lint_buffer(engine, "main.json", kTemplate, std::strlen(kTemplate), &err);
  ASSERT_NE(result, nullptr) << Take(err);

  absl::StatusOr<Engine> cpp = Engine::Create(Options{});
  ASSERT_TRUE(cpp.ok());
  LintResult expected = cpp->LintBuffer("main.json", kTemplate);
  ASSERT_EQ(armlint_result_finding_count(result), expected.findings.size());
  ASSERT_FALSE(expected.findings.empty());
  for (std::size_t i = 0; i < expected.findings.size(); ++i) {
    EXPECT_EQ(armlint_finding_rule_id(result, i), expected.findings[i].rule_id);
    EXPECT_EQ(armlint_finding_line(result, i), expected.findings[i].location.line);
    EXPECT_EQ(armlint_finding_impact(result, i), ImpactName(expected.findings[i].impact));
    EXPECT_EQ(armlint_finding_category(result, i), CategoryName(expected.findings[i].category));
  }
  for (Format f : AllFormats()) {
    std::string name(FormatName(f));
    ReportOptions options;
    options.format = f;
    absl::StatusOr<std::string> want = FormatReport(expected, options);
    char* got = armlint_result_report(result, name.c_str(), &err);
    if (want.ok()) {
      EXPECT_EQ(Take(got), *want) << name;
    } else {  // a format the C++ API cannot write (yet) fails alike, with its message
      EXPECT_EQ(got, nullptr) << name;
      EXPECT_EQ(Take(err), want.status().ToString()) << name;
      err = nullptr;
    }
  }
  EXPECT_EQ(err, nullptr);
  armlint_result_destroy(result);
  armlint_engine_destroy(engine);
}

TEST(CApi, NamesAreStaticNulTerminatedStrings) {
  for (Category c : {Category::kCost, Category::kSecurity, Category::kReliability,
                     Category::kPerformance, Category::kOperationalExcellence}) {
    std::string_view name = CategoryName(c);
    EXPECT_EQ(name.data()[name.size()], '\0');
  }
  for (Impact i : {Impact::kHigh, Impact::kMedium, Impact::kLow}) {
    std::string_view name = ImpactName(i);
    EXPECT_EQ(name.data()[name.size()], '\0');
  }
}

TEST(CApi, TwoThreadsShareOneEngine) {
  char* err = nullptr;
  armlint_engine_t* engine = armlint_engine_new(nullptr, &err);
  ASSERT_NE(engine, nullptr) << Take(err);
  const std::string examples = std::string(ARMLINT_SOURCE_DIR) + "/examples";
  auto lint = [&] {
    armlint_result_t* r = armlint_lint_path(engine, examples.c_str(), nullptr);
    std::string json = Take(armlint_result_report(r, "json", nullptr));
    armlint_result_destroy(r);
    return json;
  };
  const std::string expected = lint();
  ASSERT_NE(expected.find("\"ruleId\""), std::string::npos) << expected.substr(0, 400);
  std::vector<std::string> got(2);
  std::thread a([&] {
    for (int k = 0; k < 3; ++k) got[0] += lint();
  });
  std::thread b([&] {
    for (int k = 0; k < 3; ++k) got[1] += lint();
  });
  a.join();
  b.join();
  EXPECT_EQ(got[0], expected + expected + expected);
  EXPECT_EQ(got[1], expected + expected + expected);
  armlint_engine_destroy(engine);
}

TEST(CApi, LintPathsDoesNotDependOnJobs) {
  armlint_engine_t* engine = armlint_engine_new(nullptr, nullptr);
  ASSERT_NE(engine, nullptr);
  const std::string examples = std::string(ARMLINT_SOURCE_DIR) + "/examples";
  const std::string cli = std::string(ARMLINT_SOURCE_DIR) + "/tests/cli/testdata/lint";
  const char* paths[] = {examples.c_str(), cli.c_str()};
  armlint_result_t* one = armlint_lint_paths(engine, paths, 2, 1, nullptr);
  armlint_result_t* two = armlint_lint_paths(engine, paths, 2, 2, nullptr);
  EXPECT_GE(armlint_result_files(one), 5);
  EXPECT_EQ(armlint_result_error_count(one), 1u);  // broken.json
  EXPECT_EQ(Take(armlint_result_report(one, "sarif", nullptr)),
            Take(armlint_result_report(two, "sarif", nullptr)));
  armlint_result_destroy(one);
  armlint_result_destroy(two);
  EXPECT_EQ(armlint_lint_paths(engine, nullptr, 1, 1, nullptr), nullptr);
  armlint_engine_destroy(engine);
}

// A scratch repository (a folder with .git, so config discovery stops there): an Azure Policy
// definition assigned by an initiative, one loaded on its own, a config suppression with a
// justification, and a template under web/ with a TLS parameter that has no value.
class FindingFieldsRepo {
 public:
  FindingFieldsRepo()
      : dir_(std::filesystem::path(::testing::TempDir()) /
             ("armlint_c_api_fields_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(dir_);
    for (const char* sub : {".git", "pol", "web"}) std::filesystem::create_directories(dir_ / sub);
    Write("pol/tls.json", R"({"name": "storage-tls-floor", "properties": {
      "displayName": "Storage accounts use TLS 1.2", "mode": "All", "policyRule": {
      "if": {"allOf": [{"field": "type", "equals": "Microsoft.Storage/storageAccounts"},
        {"field": "Microsoft.Storage/storageAccounts/minimumTlsVersion", "equals": "TLS1_0"}]},
      "then": {"effect": "deny"}}}})");
    Write("pol/set.json", R"({"name": "baseline", "properties": {"displayName": "Set baseline",
      "policyDefinitions": [{"policyDefinitionId":
        "/providers/Microsoft.Authorization/policyDefinitions/storage-tls-floor"}]}})");
    Write("pol/audit.json", R"({"name": "storage-audit-all", "properties": {
      "displayName": "Audit storage accounts", "mode": "All", "policyRule": {
      "if": {"field": "type", "equals": "Microsoft.Storage/storageAccounts"},
      "then": {"effect": "audit"}}}})");
    Write(".armlint.json", R"({"policies": [{"path": "pol"}],
      "suppressions": [{"rule": "storage-shared-key-access", "resource": "*/st1",
                        "justification": "keys rotated by the vault"}]})");
    Write("web/main.json", R"({"contentVersion": "1.0.0.0",
  "parameters": {"tls": {"type": "string"}},
  "resources": [
    {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st1",
     "properties": {"minimumTlsVersion": "TLS1_0"}},
    {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "st2",
     "properties": {"minimumTlsVersion": "[parameters('tls')]"}}]})");
  }
  ~FindingFieldsRepo() { std::filesystem::remove_all(dir_); }
  std::string path() const { return dir_.string(); }

 private:
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
  }
  std::filesystem::path dir_;
};

// Every finding field the C API exposes equals the C++ API's for the same input, including the
// optional ones: value, value_missing, unknown_reason, suppression justification, workload and
// the Azure Policy effect and definition ("" where the C++ field is empty or absent).
TEST(CApi, FindingFieldsEqualCppFindings) {
  FindingFieldsRepo repo;
  armlint_options_t* options = armlint_options_new();
  ASSERT_NE(options, nullptr);
  ASSERT_EQ(armlint_options_set_report_unknown(options, 1), ARMLINT_OK);
  char* err = nullptr;
  armlint_engine_t* engine = armlint_engine_new(options, &err);
  armlint_options_destroy(options);
  ASSERT_NE(engine, nullptr) << Take(err);
  armlint_result_t* result = armlint_lint_path(engine, repo.path().c_str(), &err);
  ASSERT_NE(result, nullptr) << Take(err);

  Options cpp_options;
  cpp_options.report_unknown = true;
  absl::StatusOr<Engine> cpp = Engine::Create(cpp_options);
  ASSERT_TRUE(cpp.ok()) << cpp.status();
  LintResult expected = cpp->LintPaths({repo.path()});
  ASSERT_TRUE(expected.errors.empty()) << expected.errors[0].message;
  EXPECT_EQ(armlint_result_error_count(result), 0u);
  ASSERT_EQ(armlint_result_finding_count(result), expected.findings.size());

  auto str = [](const char* s) { return s == nullptr ? std::string("(null)") : std::string(s); };
  for (std::size_t i = 0; i < expected.findings.size(); ++i) {
    const Finding& f = expected.findings[i];
    SCOPED_TRACE(f.rule_id + " at line " + std::to_string(f.location.line));
    EXPECT_EQ(str(armlint_finding_rule_id(result, i)), f.rule_id);
    EXPECT_EQ(str(armlint_finding_outcome(result, i)),
              f.outcome == Outcome::kFail ? "fail" : "unknown");
    EXPECT_EQ(str(armlint_finding_value(result, i)), f.value);
    EXPECT_EQ(armlint_finding_value_missing(result, i), f.value_missing ? 1 : 0);
    EXPECT_EQ(str(armlint_finding_unknown_reason(result, i)), f.unknown_reason);
    EXPECT_EQ(armlint_finding_suppressed(result, i), f.suppressed ? 1 : 0);
    EXPECT_EQ(str(armlint_finding_suppression_justification(result, i)),
              f.suppression_justification);
    EXPECT_EQ(str(armlint_finding_workload(result, i)), f.workload);
    EXPECT_EQ(str(armlint_finding_effect(result, i)), f.effect);
    EXPECT_EQ(str(armlint_finding_policy_name(result, i)), f.policy ? f.policy->name : "");
    EXPECT_EQ(str(armlint_finding_policy_display_name(result, i)),
              f.policy ? f.policy->display_name : "");
    EXPECT_EQ(str(armlint_finding_policy_initiative(result, i)),
              f.policy ? f.policy->initiative : "");
  }

  // The input holds each case, with the values the findings must carry.
  auto find = [&](const std::string& rule, const std::string& resource) -> std::size_t {
    for (std::size_t i = 0; i < armlint_result_finding_count(result); ++i) {
      if (str(armlint_finding_rule_id(result, i)) == rule &&
          str(armlint_finding_resource_name(result, i)) == resource) {
        return i;
      }
    }
    ADD_FAILURE() << "no " << rule << " finding on " << resource;
    return static_cast<std::size_t>(-1);
  };
  std::size_t tls = find("storage-min-tls", "st1");
  EXPECT_EQ(str(armlint_finding_value(result, tls)), "\"TLS1_0\"");
  EXPECT_EQ(str(armlint_finding_workload(result, tls)), "web");
  EXPECT_EQ(str(armlint_finding_policy_name(result, tls)), "");
  std::size_t unknown = find("storage-min-tls", "st2");
  EXPECT_EQ(str(armlint_finding_outcome(result, unknown)), "unknown");
  EXPECT_EQ(str(armlint_finding_unknown_reason(result, unknown)), "parameter 'tls' has no value");
  std::size_t keys = find("storage-shared-key-access", "st1");
  EXPECT_EQ(armlint_finding_suppressed(result, keys), 1);
  EXPECT_EQ(armlint_finding_value_missing(result, keys), 1);
  EXPECT_EQ(str(armlint_finding_suppression_justification(result, keys)),
            "keys rotated by the vault");
  std::size_t deny = find("storage-tls-floor", "st1");
  EXPECT_EQ(str(armlint_finding_effect(result, deny)), "deny");
  EXPECT_EQ(str(armlint_finding_policy_name(result, deny)), "storage-tls-floor");
  EXPECT_EQ(str(armlint_finding_policy_display_name(result, deny)), "Storage accounts use TLS 1.2");
  EXPECT_EQ(str(armlint_finding_policy_initiative(result, deny)), "Set baseline");
  std::size_t audit = find("storage-audit-all", "st1");
  EXPECT_EQ(str(armlint_finding_effect(result, audit)), "audit");
  EXPECT_EQ(str(armlint_finding_policy_display_name(result, audit)), "Audit storage accounts");
  EXPECT_EQ(str(armlint_finding_policy_initiative(result, audit)), "");

  armlint_result_destroy(result);
  armlint_engine_destroy(engine);
}

// The README quotes examples/embed/{cpp/main.cc,c/main.c} but their first line; the install test
// builds and runs those files, so the README shows code that compiles.
TEST(CApi, ReadmeEmbeddingExamplesAreTheBuiltFiles) {
  const std::string readme = ReadFile(std::string(ARMLINT_SOURCE_DIR) + "/README.md");
  const std::size_t section = readme.find("\n## Embedding\n");
  ASSERT_NE(section, std::string::npos);
  for (const char* file : {"examples/embed/cpp/main.cc", "examples/embed/c/main.c"}) {
    std::string code = ReadFile(std::string(ARMLINT_SOURCE_DIR) + "/" + file);
    ASSERT_FALSE(code.empty()) << file;
    // Drop the file's opening comment line: the README's text says what the example is.
    code = code.substr(code.find('\n') + 1);
    EXPECT_NE(readme.find(code, section), std::string::npos)
        << file << " is not quoted verbatim in README.md's Embedding section";
  }
}

}  // namespace
}  // namespace armlint
