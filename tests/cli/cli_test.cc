// Runs the built armlint binary as a user would: exit codes, reports, errors, rule listings.
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include <boost/json.hpp>

#include "support/process.h"

namespace {

namespace json = boost::json;

struct CliRun {
  int code = -1;
  std::string out;  // stdout
};

const std::string kSrc = ARMLINT_SOURCE_DIR;
const std::string kData = kSrc + "/tests/cli/testdata";
const std::string kTestRules = "--no-default-rules --rules " + kData + "/rules ";

// Runs armlint with `args` (a shell fragment) from the source directory; stderr is discarded.
CliRun Armlint(const std::string& args) {
  std::string cmd = "cd '" + kSrc + "' && '" + ARMLINT_CLI_PATH + "' " + args + " 2>/dev/null";
  CliRun r;
  r.code = armlint::testing::RunShell(cmd, &r.out);
  return r;
}

// A nested deployment armlint cannot see into is counted in every summary, not skipped in
// silence, and listed (as an unknown outcome) with --report-unknown.
TEST(Cli, UnevaluatedNestedDeploymentsAreCountedInTheSummary) {
  const std::string linked = "tests/rules/linked-template-not-evaluated/fail_template_link.json";
  CliRun text = Armlint("--no-config " + linked);
  EXPECT_NE(text.out.find("3 nested deployments not evaluated (linked or computed template)"),
            std::string::npos)
      << text.out;
  EXPECT_EQ(text.out.find("[unknown outcome]"), std::string::npos) << text.out;
  CliRun listed = Armlint("--no-config --report-unknown " + linked);
  EXPECT_NE(listed.out.find("linked-template-not-evaluated"), std::string::npos) << listed.out;
  json::value report =
      armlint::testing::ParseJsonOrFail(Armlint("--no-config -f json " + linked).out);
  EXPECT_EQ(report.at("summary").at("unevaluatedDeployments").as_int64(), 3);
  json::value inline_only = armlint::testing::ParseJsonOrFail(
      Armlint("--no-config -f json tests/rules/linked-template-not-evaluated/pass_inline.json")
          .out);
  EXPECT_FALSE(inline_only.at("summary").as_object().contains("unevaluatedDeployments"));
}

// "found:" is the value armlint evaluated (from the parameter's default here), not the
// expression that produced it.
TEST(Cli, FoundIsTheEvaluatedValue) {
  CliRun r = Armlint("--no-config examples/storage-v2.json");
  EXPECT_NE(r.out.find("storage-min-tls"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(found: \"TLS1_0\")"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("found: \"[parameters("), std::string::npos) << r.out;
}

TEST(Cli, VersionAndHelp) {
  CliRun v = Armlint("--version");
  EXPECT_EQ(v.code, 0);
  EXPECT_EQ(v.out.rfind("armlint ", 0), 0u) << v.out;
  CliRun h = Armlint("--help");
  EXPECT_EQ(h.code, 0);
  EXPECT_NE(h.out.find("--fail-on"), std::string::npos);
  EXPECT_NE(h.out.find("Exit codes"), std::string::npos);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(Armlint("").code, 2);
  EXPECT_EQ(Armlint("--no-such-option x.json").code, 2);
  EXPECT_EQ(Armlint("--format yaml tests/cli/testdata/lint/clean.json").code, 2);
  EXPECT_EQ(Armlint("--fail-on critical tests/cli/testdata/lint/clean.json").code, 2);
}

TEST(Cli, ViolationReportedAtThePropertyLine) {
  CliRun r = Armlint(kTestRules + "--format json tests/cli/testdata/lint/violating.json");
  EXPECT_EQ(r.code, 1);
  json::value v = armlint::testing::ParseJsonOrFail(r.out);
  const json::array& findings = v.at("findings").as_array();
  ASSERT_EQ(findings.size(), 1u) << r.out;
  const json::object& f = findings[0].as_object();
  EXPECT_EQ(f.at("ruleId"), "test-storage-https");
  EXPECT_EQ(f.at("impactedField"), "Microsoft.Storage/storageAccounts");
  EXPECT_EQ(f.at("impactedValue"), "stdata001");
  const json::object& loc = f.at("location").as_object();
  EXPECT_EQ(loc.at("file"), "tests/cli/testdata/lint/violating.json");
  EXPECT_EQ(loc.at("line").as_int64(), 14);
  EXPECT_EQ(loc.at("column").as_int64(), 37);
  EXPECT_EQ(loc.at("pointer"), "/resources/0/properties/supportsHttpsTrafficOnly");
  EXPECT_EQ(v.at("summary").at("findings").as_int64(), 1);
}

TEST(Cli, FailOnThresholds) {
  std::string file = " tests/cli/testdata/lint/violating.json";
  EXPECT_EQ(Armlint(kTestRules + "--fail-on high" + file).code, 1);
  EXPECT_EQ(Armlint(kTestRules + "--fail-on none" + file).code, 0);
  EXPECT_EQ(Armlint(kTestRules + "tests/cli/testdata/lint/clean.json").code, 0);
}

TEST(Cli, InvalidJsonExitsTwoWithLineAndColumn) {
  CliRun r = Armlint(kTestRules + "--format json tests/cli/testdata/lint/broken.json");
  EXPECT_EQ(r.code, 2);
  json::value v = armlint::testing::ParseJsonOrFail(r.out);
  const json::array& errors = v.at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].at("line").as_int64(), 4);
  EXPECT_EQ(errors[0].at("column").as_int64(), 50);
}

TEST(Cli, DirectoryWithBrokenAndViolatingFilesReportsBoth) {
  CliRun r = Armlint(kTestRules + "--format json tests/cli/testdata/lint");
  EXPECT_EQ(r.code, 2);
  json::value v = armlint::testing::ParseJsonOrFail(r.out);
  EXPECT_EQ(v.at("findings").as_array().size(), 1u);
  EXPECT_EQ(v.at("errors").as_array().size(), 1u);
  EXPECT_EQ(v.at("summary").at("files").as_int64(), 2);  // package.json is not a manifest
}

TEST(Cli, StdinIsLinted) {
  CliRun r = Armlint(kTestRules + "--format json - < tests/cli/testdata/lint/violating.json");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("test-storage-https"), std::string::npos);
}

TEST(Cli, OutputFileAndJobsGiveIdenticalReports) {
  std::string a = ::testing::TempDir() + "/armlint_j1.json";
  std::string b = ::testing::TempDir() + "/armlint_j2.json";
  Armlint(kTestRules + "-j 1 --format json -o " + a + " tests/cli/testdata");
  Armlint(kTestRules + "-j 2 --format json -o " + b + " tests/cli/testdata");
  std::ifstream fa(a), fb(b);
  std::stringstream sa, sb;
  sa << fa.rdbuf();
  sb << fb.rdbuf();
  EXPECT_FALSE(sa.str().empty());
  EXPECT_EQ(sa.str(), sb.str());
}

TEST(Cli, RulesCheckValidatesAPack) {
  CliRun ok = Armlint("rules --check tests/cli/testdata/rules");
  EXPECT_EQ(ok.code, 0) << ok.out;
  EXPECT_NE(ok.out.find("1 rules OK"), std::string::npos) << ok.out;
}

// A rule's azurePolicy metadata reaches the listings, and the built-in listing ends with the
// coverage map's uncovered items (rules/coverage.tsv).
TEST(Cli, RuleListingsNameTheAzurePolicyBuiltInsAndWhatIsNotCovered) {
  CliRun show = Armlint("rules show storage-secure-transfer");
  ASSERT_EQ(show.code, 0) << show.out;
  EXPECT_NE(show.out.find("azure policy:   Secure transfer to storage accounts should be enabled "
                          "(404c3081-a854-4457-ae30-26a93ef643f9)"),
            std::string::npos)
      << show.out;
  CliRun listing = Armlint("rules --format json");
  ASSERT_EQ(listing.code, 0);
  EXPECT_NE(listing.out.find(R"("azurePolicy":[{"name":"404c3081-a854-4457-ae30-26a93ef643f9")"),
            std::string::npos);
  CliRun md = Armlint("rules --format markdown");
  ASSERT_EQ(md.code, 0);
  std::size_t not_covered = md.out.find("\n## Not covered\n");
  ASSERT_NE(not_covered, std::string::npos);
  EXPECT_NE(
      md.out.find("- `Azure.APIM.DefenderCloud` (Microsoft.ApiManagement/service): ", not_covered),
      std::string::npos);
}

TEST(Cli, DocsRulesMdIsCurrent) {
  CliRun r = Armlint("rules --format markdown");
  ASSERT_EQ(r.code, 0);
  std::ifstream in(kSrc + "/docs/rules.md");
  std::stringstream doc;
  doc << in.rdbuf();
  EXPECT_EQ(doc.str(), r.out) << "docs/rules.md is stale: run `make docs` and commit it";
}

}  // namespace

namespace {

TEST(Cli, TestRulesRunsACustomPacksFixtures) {
  CliRun ok = Armlint("test-rules examples/custom-rules");
  EXPECT_EQ(ok.code, 0) << ok.out;
  EXPECT_NE(ok.out.find("1 rules, 2 fixtures: all passed"), std::string::npos) << ok.out;
  // Against another pack's rules the fixtures' expectations are not met: exit 1.
  CliRun bad = Armlint(
      "test-rules tests/cli/testdata/rules --fixtures "
      "examples/custom-rules/tests/rules");
  EXPECT_NE(bad.code, 0) << bad.out;
}

// Findings say where to fix and what they are about in words a user reads: an absent property
// at its nearest existing ancestor, a resource whose name is not known by its type and name
// expression, a template-level finding by the template's file name, an unknown outcome with why.
TEST(Cli, LocationsNamesAndUnknownReasons) {
  const std::string file = "tests/cli/testdata/locations/site.json";
  CliRun text = Armlint(
      "--no-config --report-unknown --only webapp-http2,webapp-arr-affinity,"
      "template-unused-parameter " +
      file);
  const std::string site = "  sites [parameters('siteName')]  ";
  // http20Enabled is absent: where it would be added, `siteConfig` (line 27).
  EXPECT_NE(text.out.find(file + ":27:23  Low  webapp-http2" + site), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("(cannot tell: parameter 'serverFarmResourceId' has no value)"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("template-unused-parameter  site.json  "), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("{unknown}"), std::string::npos) << text.out;
  json::value report = armlint::testing::ParseJsonOrFail(
      Armlint("--no-config --report-unknown -f json --only webapp-http2,webapp-arr-affinity " +
              file)
          .out);
  int unknown = 0;
  for (const json::value& f : report.at("findings").as_array()) {
    const json::object& o = f.as_object();
    EXPECT_EQ(o.at("impactedValue"), "sites [parameters('siteName')]");
    if (o.at("outcome") == "unknown") {
      ++unknown;
      EXPECT_EQ(o.at("unknownReason"), "parameter 'serverFarmResourceId' has no value");
    } else {
      EXPECT_FALSE(o.contains("unknownReason"));
      EXPECT_EQ(o.at("location").at("pointer"), "/resources/0/properties/siteConfig");
    }
  }
  EXPECT_EQ(unknown, 1);
}

}  // namespace
