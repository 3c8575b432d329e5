// Hand-built LintResults and golden-file comparison shared by the report tests.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

#include "armlint/armlint.hpp"
#include "support/process.h"

namespace armlint::testing {

inline Finding MakeFinding(std::string rule_id, Category category, Impact impact, std::string file,
                           int line, int column, std::string name) {
  Finding f;
  f.rule_id = std::move(rule_id);
  f.category = category;
  f.impact = impact;
  f.impacted_field = "Microsoft.Storage/storageAccounts";
  f.impacted_value = name;
  f.resource_id =
      "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
      "Microsoft.Storage/storageAccounts/" +
      name;
  f.problem = "Storage account allows insecure transfer over HTTP";
  f.solution = "Set properties.supportsHttpsTrafficOnly to true.";
  f.learn_more_link =
      "https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer";
  f.location = {std::move(file), line, column, "/resources/0/properties/supportsHttpsTrafficOnly"};
  return f;
}

// Two files with findings of each impact, an unknown outcome, a suppressed finding and one
// input error: every branch the formats have.
inline LintResult BasicResult() {
  LintResult r;
  r.files = 3;
  r.resources = 7;
  Finding a = MakeFinding("storage-secure-transfer", Category::kSecurity, Impact::kHigh,
                          "infra/main.json", 14, 9, "stdata001");
  Finding b = MakeFinding("storage-min-tls", Category::kSecurity, Impact::kMedium,
                          "infra/main.json", 15, 9, "stdata001");
  b.problem = "Storage account accepts TLS versions older than 1.2.";
  b.solution = "Set properties.minimumTlsVersion to TLS1_2.";
  b.learn_more_link =
      "https://learn.microsoft.com/azure/storage/common/"
      "transport-layer-security-configure-minimum-version";
  b.location.pointer = "/resources/0/properties/minimumTlsVersion";
  Finding c = MakeFinding("vm-managed-disks", Category::kReliability, Impact::kLow, "infra/vm.json",
                          30, 5, "vm-web-01");
  c.impacted_field = "Microsoft.Compute/virtualMachines";
  c.resource_id = "infra/vm.json";
  c.problem = "Virtual machine does not use managed disks.";
  c.solution = "Use managed disks for VM storage.";
  c.learn_more_link = "https://learn.microsoft.com/azure/virtual-machines/managed-disks-overview";
  c.location.pointer = "/resources/1/properties/storageProfile/osDisk";
  Finding d = MakeFinding("storage-secure-transfer", Category::kSecurity, Impact::kHigh,
                          "infra/vm.json", 44, 7, "stdiag");
  d.outcome = Outcome::kUnknown;
  d.location.pointer = "/resources/2/properties/supportsHttpsTrafficOnly";
  Finding e = MakeFinding("storage-min-tls", Category::kSecurity, Impact::kMedium, "infra/vm.json",
                          45, 7, "stdiag");
  e.suppressed = true;
  e.suppression_justification = "legacy client needs TLS 1.0 until 2027-01";
  e.location.pointer = "/resources/2/properties/minimumTlsVersion";
  r.findings = {a, b, c, d, e};
  r.suppressed = 1;
  // Two workloads. "web": Security High 4 assessed (2 failing: a, and d is unknown so not
  // assessed), Medium 3 (1 failing: b; e is suppressed, healthy) -> (3*2 + 2*2) / (3*4 + 2*3)
  // = 10/18 = 55.6 %. "compute": Reliability Low 2 assessed, 1 failing (c) -> 50 %; Security
  // High 1 unknown (d) only -> no score.
  for (Finding* f : {&r.findings[0], &r.findings[1]}) f->workload = "web";
  for (Finding* f : {&r.findings[2], &r.findings[3], &r.findings[4]}) f->workload = "compute";
  FileSummary web;
  web.path = "infra/main.json";
  web.workload = "web";
  web.resources = 4;
  web.assessments.assessed[1][0] = 4;
  web.assessments.failed[1][0] = 2;
  web.assessments.assessed[1][1] = 3;
  web.assessments.failed[1][1] = 1;
  FileSummary compute;
  compute.path = "infra/vm.json";
  compute.workload = "compute";
  compute.resources = 3;
  compute.assessments.assessed[2][2] = 2;
  compute.assessments.failed[2][2] = 1;
  compute.assessments.unknown[1][0] = 1;
  r.files_linted = {web, compute};
  r.errors.push_back({{"infra/broken.json", 3, 17, ""}, "expected ',' or '}' after object member"});
  return r;
}

// Nothing found: a clean run.
inline LintResult EmptyResult() {
  LintResult r;
  r.files = 2;
  r.resources = 4;
  return r;
}

// Strings chosen to break each format's quoting if it were not escaped.
inline LintResult HostileResult() {
  LintResult r;
  r.files = 1;
  r.resources = 1;
  Finding f =
      MakeFinding("cost-tags", Category::kCost, Impact::kMedium, "dir with space/a,b:c%.json", 2, 3,
                  "<script>alert('x')</script> | \"q\" & [l](http://x) *e* `c`");
  f.problem = "Line one\nline two\r\n::error::injected 100% ]]> \x1b[31mred\x1b[0m";
  f.solution = "Use \"quotes\" & <tags> \\ back\\slash";
  f.learn_more_link = "https://example.com/a b)(c\"d";
  f.location.pointer = "/resources/0/tags/a~1b";
  f.resource_id = "/subscriptions/x/resourceGroups/rg\xff\xfe/providers/Microsoft.Web/sites/a";
  r.findings = {f};
  r.errors.push_back({{"x&y<z>.json", 1, 1, ""}, "bad \"token\" <here>\n& there"});
  return r;
}

// The golden file's text, or "" when it does not exist.
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string GoldenPath(const std::string& name) {
  return std::string(ARMLINT_SOURCE_DIR) + "/tests/report/golden/" + name;
}

// Compares `actual` with tests/report/golden/<name>; ARMLINT_UPDATE_GOLDEN=1 rewrites it.
inline void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = GoldenPath(name);
  const char* update = std::getenv("ARMLINT_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    ASSERT_TRUE(out.good()) << "could not write " << path;
    return;
  }
  std::ifstream probe(path);
  ASSERT_TRUE(probe.good()) << path << " is missing; run with ARMLINT_UPDATE_GOLDEN=1";
  EXPECT_EQ(ReadFile(path), actual)
      << "golden " << name << " differs; rerun with ARMLINT_UPDATE_GOLDEN=1 and review";
}

inline std::string Render(const LintResult& r, Format format, bool quiet = false,
                          bool show_suppressed = false, bool color = false) {
  ReportOptions options;
  options.format = format;
  options.quiet = quiet;
  options.show_suppressed = show_suppressed;
  options.color = color;
  absl::StatusOr<std::string> s = FormatReport(r, options);
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? *s : std::string();
}

// Writes `text` to a fresh file under the test temp dir and returns its path.
inline std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out << text;
  return path;
}

// Runs `command`, returning its exit status (-1 if it could not run) and stdout+stderr.
inline int RunCommand(const std::string& command, std::string* output) {
  return RunShell(command + " 2>&1", output);
}

inline bool PythonHasModule(const std::string& module) {
  std::string out;
  return RunCommand("python3 -c 'import " + module + "'", &out) == 0;
}

}  // namespace armlint::testing
