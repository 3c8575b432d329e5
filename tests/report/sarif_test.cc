// Tests the SARIF report: goldens, the official 2.1.0 schema, fingerprints, URIs.
#include <algorithm>

#include "gtest/gtest.h"
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "report/report_test_util.h"
#include "report/sarif_util.h"

namespace armlint {
namespace {

namespace json = boost::json;
using testing::Render;

json::value ParseSarif(const LintResult& r) {
  boost::system::error_code ec;
  json::value v = json::parse(Render(r, Format::kSarif), ec);
  EXPECT_FALSE(ec) << ec.message();
  return v;
}

TEST(SarifReport, Goldens) {
  testing::ExpectGolden("basic.sarif", Render(testing::BasicResult(), Format::kSarif));
  testing::ExpectGolden("empty.sarif", Render(testing::EmptyResult(), Format::kSarif));
  testing::ExpectGolden("hostile.sarif", Render(testing::HostileResult(), Format::kSarif));
}

void ExpectSchemaValid(const std::string& name, const LintResult& r) {
  const std::string path = testing::WriteTemp(name, Render(r, Format::kSarif));
  const std::string src = ARMLINT_SOURCE_DIR;
  std::string output;
  const int rc = testing::RunCommand("python3 " + src + "/tests/report/report_check.py sarif " +
                                         src + "/tests/report/sarif-schema-2.1.0.json " + path,
                                     &output);
  EXPECT_EQ(rc, 0) << name << " is not valid SARIF 2.1.0:\n" << output;
  EXPECT_NE(output.find("valid: " + std::to_string(r.findings.size()) + " results"),
            std::string::npos)
      << output;
}

TEST(SarifReport, ValidAgainstOfficialSchema) {
  if (!testing::PythonHasModule("jsonschema")) {
    GTEST_SKIP() << "python3 with the jsonschema module (Debian python3-jsonschema) is needed "
                    "to validate SARIF against the 2.1.0 schema";
  }
  ExpectSchemaValid("basic.sarif", testing::BasicResult());
  ExpectSchemaValid("empty.sarif", testing::EmptyResult());
  ExpectSchemaValid("hostile.sarif", testing::HostileResult());
}

TEST(SarifReport, SchemaCheckCatchesAnInvalidDocument) {
  if (!testing::PythonHasModule("jsonschema")) GTEST_SKIP() << "python3 jsonschema is missing";
  // The validator must be able to fail: startLine 0 breaks the schema's minimum of 1.
  std::string sarif = Render(testing::BasicResult(), Format::kSarif);
  const std::string from = "\"startLine\": 14";
  ASSERT_NE(sarif.find(from), std::string::npos);
  sarif.replace(sarif.find(from), from.size(), "\"startLine\": 0");
  const std::string path = testing::WriteTemp("broken.sarif", sarif);
  const std::string src = ARMLINT_SOURCE_DIR;
  std::string output;
  EXPECT_EQ(testing::RunCommand("python3 " + src + "/tests/report/report_check.py sarif " + src +
                                    "/tests/report/sarif-schema-2.1.0.json " + path,
                                &output),
            1)
      << output;
}

// GitHub code scanning's ingestion rules, as Microsoft's SARIF Multitool checks them.
TEST(SarifReport, PassesSarifMultitoolSarifAndGhRules) {
  std::string files;
  for (const auto& [name, result] :
       {std::pair{"basic", testing::BasicResult()}, std::pair{"empty", testing::EmptyResult()},
        std::pair{"hostile", testing::HostileResult()}}) {
    files += " " + testing::WriteTemp(std::string(name) + ".multitool.sarif",
                                      Render(result, Format::kSarif));
  }
  std::string output;
  const int rc = testing::RunCommand(
      std::string(ARMLINT_SOURCE_DIR) + "/tests/report/sarif_multitool.sh" + files, &output);
  if (rc == 77) GTEST_SKIP() << "SARIF Multitool unavailable: " << output;
  EXPECT_EQ(rc, 0) << output;
}

TEST(SarifReport, ResultsAndRules) {
  json::value doc = ParseSarif(testing::BasicResult());
  const json::value& run = doc.at("runs").at(0);
  const json::array& rules = run.at("tool").at("driver").at("rules").as_array();
  ASSERT_EQ(rules.size(), 3u);  // sorted by id, one per rule
  EXPECT_EQ(rules[0].at("id").as_string(), "storage-min-tls");
  EXPECT_EQ(rules[1].at("id").as_string(), "storage-secure-transfer");
  EXPECT_EQ(rules[1].at("name").as_string(), "StorageSecureTransfer");
  EXPECT_EQ(rules[1].at("defaultConfiguration").at("level").as_string(), "error");
  EXPECT_EQ(rules[0].at("defaultConfiguration").at("level").as_string(), "warning");
  EXPECT_EQ(rules[2].at("defaultConfiguration").at("level").as_string(), "note");
  EXPECT_EQ(rules[2].at("properties").at("category").as_string(), "Reliability");
  const json::array& results = run.at("results").as_array();
  ASSERT_EQ(results.size(), 5u);
  for (const json::value& r : results) {
    const std::string id(r.at("ruleId").as_string());
    EXPECT_EQ(rules.at(r.at("ruleIndex").as_int64()).at("id").as_string(), id);
    const json::value& region = r.at("locations").at(0).at("physicalLocation").at("region");
    EXPECT_GE(region.at("startLine").as_int64(), 1);
    EXPECT_GE(region.at("startColumn").as_int64(), 1);
  }
  const json::value& first = results[0].at("locations").at(0).at("physicalLocation");
  EXPECT_EQ(first.at("artifactLocation").at("uri").as_string(), "infra/main.json");
  EXPECT_EQ(first.at("artifactLocation").at("uriBaseId").as_string(), "%SRCROOT%");
  EXPECT_EQ(first.at("region").at("startLine").as_int64(), 14);
  EXPECT_EQ(first.at("region").at("startColumn").as_int64(), 9);
  EXPECT_EQ(results[3].at("kind").as_string(), "review");  // unknown outcome
  const json::value& suppression = results[4].at("suppressions").at(0);
  EXPECT_EQ(suppression.at("kind").as_string(), "inSource");
  EXPECT_EQ(suppression.at("justification").as_string(),
            "legacy client needs TLS 1.0 until 2027-01");
  EXPECT_FALSE(results[0].as_object().contains("suppressions"));
  const json::value& invocation = run.at("invocations").at(0);
  EXPECT_FALSE(invocation.at("executionSuccessful").as_bool());
  EXPECT_EQ(invocation.at("toolExecutionNotifications").at(0).at("message").at("text").as_string(),
            "expected ',' or '}' after object member.");
}

TEST(SarifReport, EngineFingerprintIsUsedWhenPresent) {
  LintResult r = testing::BasicResult();
  r.findings[0].fingerprint = "00112233deadbeef";
  json::value doc = ParseSarif(r);
  const json::array& results = doc.at("runs").at(0).at("results").as_array();
  EXPECT_EQ(results[0].at("partialFingerprints").at("armlintFingerprint/v1").as_string(),
            "00112233deadbeef");
  EXPECT_EQ(results[1].at("partialFingerprints").at("armlintFingerprint/v1").as_string(),
            internal::FindingFingerprint(r.findings[1]));
}

TEST(SarifReport, CleanRunIsSuccessful) {
  json::value doc = ParseSarif(testing::EmptyResult());
  EXPECT_TRUE(doc.at("runs").at(0).at("invocations").at(0).at("executionSuccessful").as_bool());
  EXPECT_TRUE(doc.at("runs").at(0).at("results").as_array().empty());
}

TEST(SarifReport, UnknownLineStillHasAValidRegion) {
  LintResult r;
  r.files = 1;
  r.findings.push_back(
      testing::MakeFinding("r", Category::kCost, Impact::kLow, "a.json", 0, 0, "x"));
  json::value doc = ParseSarif(r);
  const json::value& region = doc.at("runs")
                                  .at(0)
                                  .at("results")
                                  .at(0)
                                  .at("locations")
                                  .at(0)
                                  .at("physicalLocation")
                                  .at("region");
  EXPECT_EQ(region.at("startLine").as_int64(), 1);
  EXPECT_EQ(region.at("startColumn").as_int64(), 1);
}

// An unknown outcome's message says why the rule could not decide, where that is known.
TEST(SarifReport, UnknownOutcomeMessageSaysWhy) {
  LintResult r;
  r.files = 1;
  Finding f = testing::MakeFinding("r", Category::kCost, Impact::kLow, "a.json", 3, 5, "st");
  f.outcome = Outcome::kUnknown;
  f.unknown_reason = "parameter 'tls' has no value";
  r.findings.push_back(f);
  f.unknown_reason.clear();
  r.findings.push_back(f);
  json::value doc = ParseSarif(r);
  const json::array& results = doc.at("runs").at(0).at("results").as_array();
  ASSERT_EQ(results.size(), 2u);
  EXPECT_TRUE(std::string(results[0].at("message").at("text").as_string())
                  .starts_with("Outcome unknown (parameter 'tls' has no value): "));
  EXPECT_TRUE(std::string(results[1].at("message").at("text").as_string())
                  .starts_with("Outcome unknown (a value could not be evaluated offline): "));
}

// GitHub ranks alerts by rule-level metadata: descriptions from the rule (never one finding's
// text), help with the solution and link, security-severity, precision and pillar tags.
TEST(SarifReport, RuleDescriptorsComeFromTheRules) {
  LintResult r;
  r.files = 1;
  Finding f = testing::MakeFinding("storage-secure-transfer", Category::kSecurity, Impact::kMedium,
                                   "a.json", 3, 5, "stdata001");
  f.problem = "Storage allows HTTP. Seen on stdata001.";
  r.findings.push_back(f);
  Finding g = testing::MakeFinding("hardcoded-location", Category::kOperationalExcellence,
                                   Impact::kLow, "a.json", 4, 5, "stdata001");
  g.problem = "Location hard-coded: 'westeurope'.";
  r.findings.push_back(g);
  ReportOptions options;
  options.format = Format::kSarif;
  RuleInfo https;
  https.id = "storage-secure-transfer";
  https.category = Category::kSecurity;
  https.impact = Impact::kHigh;
  https.problem = "Storage allows HTTP.";
  https.solution = "Set supportsHttpsTrafficOnly to true.";
  https.learn_more_link =
      "https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer";
  https.azure_policies = {{.name = "404c3081-a854-4457-ae30-26a93ef643f9",
                           .display_name = "Secure transfer to storage accounts should be enabled",
                           .initiative = ""}};
  RuleInfo location;
  location.id = "hardcoded-location";
  location.category = Category::kOperationalExcellence;
  location.impact = Impact::kLow;
  location.problem = "Location hard-coded.";
  location.check = "hardcoded-location";
  options.rules = {https, location};
  absl::StatusOr<std::string> text = FormatReport(r, options);
  ASSERT_TRUE(text.ok()) << text.status();
  boost::system::error_code ec;
  json::value doc = json::parse(*text, ec);
  ASSERT_FALSE(ec);
  const json::array& rules = doc.at("runs").at(0).at("tool").at("driver").at("rules").as_array();
  ASSERT_EQ(rules.size(), 2u);
  const json::value& loc = rules[0];  // sorted by id
  EXPECT_EQ(loc.at("shortDescription").at("text").as_string(), "Location hard-coded.");
  EXPECT_EQ(loc.at("properties").at("precision").as_string(), "medium");
  EXPECT_FALSE(loc.at("properties").as_object().contains("security-severity"));
  EXPECT_FALSE(loc.at("properties").as_object().contains("azurePolicy"));
  const json::value& sec = rules[1];
  EXPECT_EQ(sec.at("shortDescription").at("text").as_string(), "Storage allows HTTP.");
  EXPECT_EQ(sec.at("fullDescription").at("text").as_string(),
            "Storage allows HTTP. Set supportsHttpsTrafficOnly to true.");
  EXPECT_NE(std::string(sec.at("help").at("text").as_string()).find("Learn more: https://"),
            std::string::npos);
  EXPECT_EQ(sec.at("properties").at("security-severity").as_string(), "5.5");  // Medium here
  EXPECT_EQ(sec.at("properties").at("precision").as_string(), "high");
  const json::array& policies = sec.at("properties").at("azurePolicy").as_array();
  ASSERT_EQ(policies.size(), 1u);
  EXPECT_EQ(policies[0].at("name").as_string(), "404c3081-a854-4457-ae30-26a93ef643f9");
  EXPECT_EQ(policies[0].at("displayName").as_string(),
            "Secure transfer to storage accounts should be enabled");
  const json::array& tags = sec.at("properties").at("tags").as_array();
  EXPECT_NE(std::find(tags.begin(), tags.end(), json::value("security")), tags.end());
  if (testing::PythonHasModule("jsonschema")) {
    const std::string path = testing::WriteTemp("rules.sarif", *text);
    const std::string src = ARMLINT_SOURCE_DIR;
    std::string output;
    EXPECT_EQ(testing::RunCommand("python3 " + src + "/tests/report/report_check.py sarif " + src +
                                      "/tests/report/sarif-schema-2.1.0.json " + path,
                                  &output),
              0)
        << output;
  }
}

}  // namespace
}  // namespace armlint
