// Tests the name <-> enum tables, the dispatch and HasFailures.
#include <sstream>

#include "gtest/gtest.h"

#include "armlint/armlint.hpp"
#include "report/report_test_util.h"

namespace armlint {
namespace {

TEST(Format, NamesRoundTrip) {
  std::vector<std::string> names;
  for (Format f : AllFormats()) {
    names.emplace_back(FormatName(f));
    EXPECT_EQ(ParseFormat(FormatName(f)), f) << FormatName(f);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"text", "json", "sarif", "junit", "markdown", "github",
                                             "html"}));
  EXPECT_EQ(ParseFormat("SARIF"), Format::kSarif);
  EXPECT_EQ(ParseFormat("xml"), std::nullopt);
  EXPECT_EQ(ParseFormat(""), std::nullopt);
}

TEST(Format, CategoryAndImpactNames) {
  EXPECT_EQ(CategoryName(Category::kOperationalExcellence), "OperationalExcellence");
  EXPECT_EQ(CategoryName(Category::kCost), "Cost");
  EXPECT_EQ(ParseCategory("security"), Category::kSecurity);
  EXPECT_EQ(ParseCategory("operationalexcellence"), Category::kOperationalExcellence);
  EXPECT_EQ(ParseCategory("Operational Excellence"), std::nullopt);
  EXPECT_EQ(ImpactName(Impact::kMedium), "Medium");
  EXPECT_EQ(ParseImpact("HIGH"), Impact::kHigh);
  EXPECT_EQ(ParseImpact("low"), Impact::kLow);
  EXPECT_EQ(ParseImpact("none"), std::nullopt);
}

// The public "did you mean" is the library's: tools that embed armlint suggest alike.
TEST(Format, PublicNearestName) {
  const std::vector<std::string_view> commands = {"rules", "test-rules", "expand", "merge"};
  EXPECT_EQ(NearestName("rule", commands), "rules");
  EXPECT_EQ(NearestName("EXPNAD", commands), "expand");
  EXPECT_EQ(NearestName("lint", commands), "");
}

TEST(Format, HtmlIsImplemented) {
  ReportOptions options;
  options.format = Format::kHtml;
  absl::StatusOr<std::string> s = FormatReport(testing::BasicResult(), options);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_NE(s->find("</html>"), std::string::npos);
}

TEST(Format, FailedStreamIsAnError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  absl::Status s = WriteReport(testing::BasicResult(), ReportOptions{}, out);
  EXPECT_EQ(s.code(), absl::StatusCode::kUnavailable) << s;
}

TEST(Format, EveryFormatIsDeterministic) {
  for (Format f : AllFormats()) {
    EXPECT_EQ(testing::Render(testing::BasicResult(), f),
              testing::Render(testing::BasicResult(), f))
        << FormatName(f);
  }
}

TEST(HasFailures, ThresholdsCountUnsuppressedFailuresAtOrAbove) {
  LintResult r;
  r.findings.push_back(
      testing::MakeFinding("a", Category::kCost, Impact::kMedium, "f.json", 1, 1, "x"));
  EXPECT_FALSE(HasFailures(r, std::nullopt));
  EXPECT_FALSE(HasFailures(r, Impact::kHigh));
  EXPECT_TRUE(HasFailures(r, Impact::kMedium));
  EXPECT_TRUE(HasFailures(r, Impact::kLow));
}

TEST(HasFailures, LowOnlyFailsAtLow) {
  LintResult r;
  r.findings.push_back(
      testing::MakeFinding("a", Category::kCost, Impact::kLow, "f.json", 1, 1, "x"));
  EXPECT_FALSE(HasFailures(r, Impact::kHigh));
  EXPECT_FALSE(HasFailures(r, Impact::kMedium));
  EXPECT_TRUE(HasFailures(r, Impact::kLow));
}

TEST(HasFailures, IgnoresSuppressedAndUnknown) {
  LintResult r;
  Finding suppressed =
      testing::MakeFinding("a", Category::kCost, Impact::kHigh, "f.json", 1, 1, "x");
  suppressed.suppressed = true;
  Finding unknown = testing::MakeFinding("b", Category::kCost, Impact::kHigh, "f.json", 2, 1, "x");
  unknown.outcome = Outcome::kUnknown;
  r.findings = {suppressed, unknown};
  EXPECT_FALSE(HasFailures(r, Impact::kLow));
  r.findings.push_back(
      testing::MakeFinding("c", Category::kCost, Impact::kHigh, "f.json", 3, 1, "x"));
  EXPECT_TRUE(HasFailures(r, Impact::kHigh));
}

TEST(HasFailures, ErrorsAloneAreNotFindingFailures) {
  LintResult r;
  r.errors.push_back({{"f.json", 1, 1, ""}, "bad"});
  EXPECT_FALSE(HasFailures(r, Impact::kLow));
}

}  // namespace
}  // namespace armlint
