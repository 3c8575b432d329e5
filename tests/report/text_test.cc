// Tests the text report against goldens and its terminal-safety.
#include "gtest/gtest.h"

#include "report/report_test_util.h"

namespace armlint {
namespace {

using testing::Render;

TEST(TextReport, BasicGolden) {
  testing::ExpectGolden("basic.text", Render(testing::BasicResult(), Format::kText));
}

TEST(TextReport, ShowSuppressedGolden) {
  testing::ExpectGolden("basic_show_suppressed.text",
                        Render(testing::BasicResult(), Format::kText, false, true));
}

TEST(TextReport, QuietGolden) {
  testing::ExpectGolden("basic_quiet.text",
                        Render(testing::BasicResult(), Format::kText, /*quiet=*/true));
}

TEST(TextReport, ColorGolden) {
  testing::ExpectGolden("basic_color.text",
                        Render(testing::BasicResult(), Format::kText, false, false, true));
}

TEST(TextReport, EmptyGolden) {
  testing::ExpectGolden("empty.text", Render(testing::EmptyResult(), Format::kText));
}

TEST(TextReport, HostileGolden) {
  testing::ExpectGolden("hostile.text", Render(testing::HostileResult(), Format::kText));
}

TEST(TextReport, SummaryLine) {
  const std::string out = Render(testing::BasicResult(), Format::kText);
  EXPECT_NE(out.find("\n3 findings (1 high, 1 medium, 1 low) in 3 files, 7 resources; 1 error; "
                     "1 unknown; 1 suppressed\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("infra/main.json:14:9  High  storage-secure-transfer  stdata001"
                     "  Storage account allows insecure transfer over HTTP\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("infra/broken.json:3:17: error: expected ',' or '}' after object member\n"),
            std::string::npos);
  EXPECT_NE(out.find("[unknown outcome]"), std::string::npos);
  EXPECT_EQ(out.find("legacy client"), std::string::npos) << "suppressed finding listed";
  EXPECT_EQ(out.find('\033'), std::string::npos) << "colour without options.color";
}

TEST(TextReport, QuietHasNoSolutionsOrHeaders) {
  const std::string out = Render(testing::BasicResult(), Format::kText, /*quiet=*/true);
  EXPECT_EQ(out.find("Set properties"), std::string::npos) << out;
  EXPECT_EQ(out.find("\ninfra/main.json\n"), std::string::npos) << out;
  EXPECT_EQ(out.rfind("infra/main.json\n", 0), std::string::npos) << out;
}

TEST(TextReport, ControlCharactersCannotReachTheTerminal) {
  const std::string out = Render(testing::HostileResult(), Format::kText, false, false, true);
  // The template's own ESC bytes are shown as \x1b; only our colour codes remain.
  EXPECT_NE(out.find("\\x1b[31mred"), std::string::npos) << out;
  EXPECT_EQ(out.find('\r'), std::string::npos);
  EXPECT_NE(out.find("Line one\\x0aline two\\x0d\\x0a::error::injected"), std::string::npos) << out;
}

TEST(TextReport, SingularNouns) {
  LintResult r;
  r.files = 1;
  r.resources = 1;
  r.findings.push_back(
      testing::MakeFinding("a", Category::kCost, Impact::kLow, "f.json", 1, 1, "x"));
  const std::string out = Render(r, Format::kText);
  EXPECT_NE(out.find("1 finding (0 high, 0 medium, 1 low) in 1 file, 1 resource; 0 errors\n"),
            std::string::npos)
      << out;
}

// README: "The report says how many findings the baseline hid and how many baseline entries
// are gone (fixed)". Text, Markdown and JSON say so; without a baseline, nothing changes.
TEST(TextReport, BaselineCountsInTheSummary) {
  LintResult r;
  r.files = 1;
  r.resources = 1;
  r.baselined = 4;
  r.baseline_fixed = 1;
  EXPECT_NE(Render(r, Format::kText).find("; 0 errors; 4 in the baseline, 1 fixed since\n"),
            std::string::npos)
      << Render(r, Format::kText);
  EXPECT_NE(Render(r, Format::kMarkdown).find("; 4 in the baseline, 1 fixed since"),
            std::string::npos);
  const std::string json = Render(r, Format::kJson);
  EXPECT_NE(json.find("\"baselined\": 4"), std::string::npos) << json;
  EXPECT_NE(json.find("\"baselineFixed\": 1"), std::string::npos) << json;
  r.baselined = r.baseline_fixed = 0;
  EXPECT_EQ(Render(r, Format::kJson).find("baselined"), std::string::npos);
  EXPECT_EQ(Render(r, Format::kText).find("baseline"), std::string::npos);
}

}  // namespace
}  // namespace armlint
