// Tests the JSON report: goldens, the DESIGN.md field order, and that it parses back.
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

TEST(JsonReport, TwoSpaceIndentation) {
  const std::string out = Render(testing::EmptyResult(), Format::kJson);
  EXPECT_EQ(out.substr(0, 30), "{\n  \"tool\": {\n    \"name\": \"arm");
  EXPECT_NE(out.find("\"findings\": [],\n"), std::string::npos) << out;
}

}  // namespace
}  // namespace armlint
