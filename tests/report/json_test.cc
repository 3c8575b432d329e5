// Tests the JSON report: goldens, the DESIGN.md field order, and that it parses back.
#include <algorithm>

#include "gtest/gtest.h"
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "report/report_test_util.h"

namespace armlint {
namespace {

namespace json = boost::json;
using testing::Render;

std::vector<std::string> Keys(const json::value& v) {
  std::vector<std::string> out;
  if (const json::object* o = v.if_object()) {
    for (const auto& kv : *o) out.emplace_back(kv.key());
  }
  return out;
}

TEST(JsonReport, Goldens) {
  testing::ExpectGolden("basic.json", Render(testing::BasicResult(), Format::kJson));
  testing::ExpectGolden("basic_show_suppressed.json",
                        Render(testing::BasicResult(), Format::kJson, false, true));
  testing::ExpectGolden("empty.json", Render(testing::EmptyResult(), Format::kJson));
  testing::ExpectGolden("hostile.json", Render(testing::HostileResult(), Format::kJson));
}

TEST(JsonReport, FieldsInContractOrder) {
  boost::system::error_code ec;
  json::value doc = json::parse(Render(testing::BasicResult(), Format::kJson), ec);
  ASSERT_FALSE(ec) << ec.message();
  EXPECT_EQ(Keys(doc),
            (std::vector<std::string>{"tool", "summary", "workloads", "findings", "errors"}));
  const json::value& summary = doc.as_object().at("summary");
  EXPECT_EQ(Keys(summary),
            (std::vector<std::string>{"files", "resources", "findings", "errors", "byCategory",
                                      "byImpact", "unknown", "suppressed", "score"}));
  EXPECT_EQ(summary.at("findings").as_int64(), 3);
  EXPECT_EQ(summary.at("byCategory").at("Security").as_int64(), 2);
  EXPECT_EQ(summary.at("byCategory").at("Reliability").as_int64(), 1);
  EXPECT_EQ(summary.at("byImpact").at("Low").as_int64(), 1);
  const json::array& findings = doc.at("findings").as_array();
  ASSERT_EQ(findings.size(), 4u);  // the suppressed one is left out
  EXPECT_EQ(Keys(findings[0]),
            (std::vector<std::string>{"ruleId", "category", "impact", "impactedField",
                                      "impactedValue", "resourceId", "shortDescription",
                                      "learnMoreLink", "outcome", "location", "workload"}));
  EXPECT_EQ(Keys(findings[0].at("location")),
            (std::vector<std::string>{"file", "line", "column", "pointer"}));
  EXPECT_EQ(findings[3].at("outcome").as_string(), "unknown");
  // Scores from the hand-made assessments (report_test_util.h): web 10/18 = 55.6 %, compute's
  // Reliability 50 %; portfolio Security 55.6 %, Reliability 50 %, overall 52.8 %.
  EXPECT_DOUBLE_EQ(summary.at("score").at("Security").to_number<double>(), 55.6);
  EXPECT_DOUBLE_EQ(summary.at("score").at("Reliability").to_number<double>(), 50.0);
  EXPECT_TRUE(summary.at("score").at("Cost").is_null());
  EXPECT_DOUBLE_EQ(summary.at("score").at("overall").to_number<double>(), 52.8);
  const json::array& workloads = doc.at("workloads").as_array();
  ASSERT_EQ(workloads.size(), 2u);
  EXPECT_EQ(Keys(workloads[0]), (std::vector<std::string>{"name", "files", "resources", "findings",
                                                          "score", "assessments"}));
  EXPECT_EQ(workloads[0].at("name").as_string(), "compute");
  EXPECT_EQ(workloads[0].at("findings").at("total").as_int64(), 1);
  EXPECT_TRUE(workloads[0].at("score").at("Security").is_null());
  EXPECT_EQ(workloads[1].at("findings").at("byImpact").at("High").as_int64(), 1);
  EXPECT_EQ(Keys(doc.at("errors").at(0)),
            (std::vector<std::string>{"file", "line", "column", "message"}));
}

TEST(JsonReport, HostileStringsRoundTrip) {
  const LintResult r = testing::HostileResult();
  boost::system::error_code ec;
  json::value doc = json::parse(Render(r, Format::kJson), ec);
  ASSERT_FALSE(ec) << ec.message();
  const json::value& f = doc.at("findings").at(0);
  EXPECT_EQ(f.at("impactedValue").as_string(), r.findings[0].impacted_value);
  EXPECT_EQ(f.at("shortDescription").at("problem").as_string(), r.findings[0].problem);
  EXPECT_EQ(f.at("location").at("file").as_string(), r.findings[0].location.file);
  EXPECT_EQ(doc.at("errors").at(0).at("message").as_string(), r.errors[0].message);
}

// "unknownReason" appears on unknown outcomes that have one, never on failures.
TEST(JsonReport, UnknownReasonOnlyOnUnknownOutcomes) {
  LintResult r;
  r.files = 1;
  Finding f = testing::MakeFinding("r", Category::kCost, Impact::kLow, "a.json", 3, 5, "st");
  f.unknown_reason = "reference() is evaluated at deployment";
  r.findings.push_back(f);  // a failure: the reason is not written
  f.outcome = Outcome::kUnknown;
  r.findings.push_back(f);
  boost::system::error_code ec;
  json::value doc = json::parse(Render(r, Format::kJson), ec);
  ASSERT_FALSE(ec) << ec.message();
  const json::array& findings = doc.at("findings").as_array();
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_FALSE(findings[0].as_object().contains("unknownReason"));
  EXPECT_EQ(findings[1].at("unknownReason").as_string(), "reference() is evaluated at deployment");
}

TEST(JsonReport, TwoSpaceIndentation) {
  const std::string out = Render(testing::EmptyResult(), Format::kJson);
  EXPECT_EQ(out.substr(0, 30), "{\n  \"tool\": {\n    \"name\": \"arm");
  EXPECT_NE(out.find("\"findings\": [],\n"), std::string::npos) << out;
}

// Large reports are rendered by several threads (ReportOptions::jobs); the text must not depend
// on how many, including where the pieces meet and with suppressed findings left out.
TEST(JsonReport, SameOutputForAnyNumberOfJobs) {
  LintResult r;
  r.files = 1;
  for (int i = 0; i < 5000; ++i) {
    Finding f = testing::MakeFinding("storage-secure-transfer", Category::kSecurity, Impact::kHigh,
                                     "big.json", i + 1, 3, "sa" + std::to_string(i));
    f.suppressed = i % 7 == 0;
    r.findings.push_back(std::move(f));
  }
  auto render = [&](int jobs, bool show_suppressed) {
    ReportOptions options;
    options.format = Format::kJson;
    options.jobs = jobs;
    options.show_suppressed = show_suppressed;
    absl::StatusOr<std::string> s = FormatReport(r, options);
    EXPECT_TRUE(s.ok()) << s.status();
    return s.ok() ? *s : std::string();
  };
  // Where two long reports first differ (EXPECT_EQ would diff megabytes of text).
  auto first_difference = [](const std::string& a, const std::string& b) {
    std::size_t i = std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin();
    return i == a.size() && i == b.size() ? std::string("none") : a.substr(i, 80);
  };
  for (bool show_suppressed : {false, true}) {
    const std::string one = render(1, show_suppressed);
    for (int jobs : {2, 3, 0}) {
      EXPECT_EQ(first_difference(render(jobs, show_suppressed), one), "none") << jobs << " jobs";
    }
    boost::system::error_code ec;
    json::value doc = json::parse(one, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(doc.at("findings").as_array().size(), show_suppressed ? 5000u : 4285u);
  }
}

}  // namespace
}  // namespace armlint
