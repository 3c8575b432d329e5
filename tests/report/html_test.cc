// Tests the HTML report: self-contained (no script, nothing fetched), escaped, and rendered by
// headless Chromium without console errors.
#include <filesystem>

#include "gtest/gtest.h"

#include "report/report_test_util.h"

namespace armlint {
namespace {

using testing::Render;

TEST(HtmlReport, SelfContainedPage) {
  const std::string html = Render(testing::BasicResult(), Format::kHtml);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos) << "CSP forbids fetching";
  // The sections: pillar bars, the heat table, ranked rules, the findings with file:line links.
  EXPECT_NE(html.find("Portfolio score"), std::string::npos);
  EXPECT_NE(html.find("Workloads &times; pillars"), std::string::npos);
  EXPECT_NE(html.find("Rules ranked by the score they would recover"), std::string::npos);
  EXPECT_NE(html.find("<th>Solution</th>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"infra/main.json#L14\">infra/main.json:14</a>"), std::string::npos);
  EXPECT_NE(html.find("storage-secure-transfer"), std::string::npos);
  EXPECT_EQ(Render(testing::BasicResult(), Format::kHtml), html) << "deterministic";
}

TEST(HtmlReport, ProvenanceAndLinkBaseComeFromTheOptions) {
  ReportOptions options;
  options.format = Format::kHtml;
  absl::StatusOr<std::string> plain = FormatReport(testing::BasicResult(), options);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->find("generated"), std::string::npos) << "no clock read by the writer";
  options.generated_at = "2026-12-06 07:30 UTC";
  options.commit = "0123456789ab";
  options.link_base = "../";
  absl::StatusOr<std::string> html = FormatReport(testing::BasicResult(), options);
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->find("generated 2026-12-06 07:30 UTC &middot; commit <code>0123456789ab</code>"),
            std::string::npos);
  EXPECT_NE(html->find("<a href=\"../infra/main.json#L14\">infra/main.json:14</a>"),
            std::string::npos);
}

TEST(HtmlReport, HighFindingsComeFirst) {
  const std::string html = Render(testing::BasicResult(), Format::kHtml);
  const std::size_t findings = html.find("<h2>Findings");
  ASSERT_NE(findings, std::string::npos);
  // infra/vm.json:44 (High, unknown outcome) before infra/main.json:15 (Medium).
  EXPECT_LT(html.find("infra/vm.json:44", findings), html.find("infra/main.json:15", findings));
}

TEST(HtmlReport, TemplateStringsAreEscaped) {
  const std::string html = Render(testing::HostileResult(), Format::kHtml);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("\x1b"), std::string::npos);
  // The file name with a space, comma and colon is percent-encoded in the link.
  EXPECT_NE(html.find("href=\"dir%20with%20space/a%2Cb%3Ac%25.json#L2\""), std::string::npos);
}

TEST(HtmlReport, EmptyRunSaysSo) {
  const std::string html = Render(testing::EmptyResult(), Format::kHtml);
  EXPECT_NE(html.find("No findings."), std::string::npos);
  EXPECT_NE(html.find("(not assessed)"), std::string::npos) << "no score is not 100 %";
}

// Renders the report with headless Chromium at 1280 px: a screenshot is produced and the page
// logs no console error.
TEST(HtmlReport, RendersInHeadlessChromium) {
  std::string which;
  if (testing::RunCommand("command -v chromium", &which) != 0) {
    GTEST_SKIP() << "chromium not installed (scripts/install-deps.sh html installs it)";
  }
  const std::string dir = ::testing::TempDir() + "/html_render";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string page =
      testing::WriteTemp("html_render/report.html", Render(testing::BasicResult(), Format::kHtml));
  const std::string png = dir + "/shot.png";
  std::string log;
  const int code = testing::RunCommand(
      "timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir=" +
          dir +
          "/profile --enable-logging=stderr --v=0 "
          "--window-size=1280,1600 --screenshot=" +
          png + " file://" + page,
      &log);
  EXPECT_EQ(code, 0) << log;
  ASSERT_TRUE(std::filesystem::exists(png)) << log;
  EXPECT_GT(std::filesystem::file_size(png), 10000u) << "a blank page would be tiny";
  EXPECT_EQ(testing::ReadFile(png).substr(1, 3), "PNG");
  EXPECT_EQ(log.find("Uncaught"), std::string::npos) << log;
  EXPECT_EQ(log.find("ERROR:CONSOLE"), std::string::npos) << log;
  EXPECT_EQ(log.find("Refused to"), std::string::npos) << "CSP violation: " << log;
}

}  // namespace
}  // namespace armlint
