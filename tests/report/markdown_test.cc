// Tests the Markdown report: goldens and escaping of template text.
#include "gtest/gtest.h"

#include "report/report_test_util.h"

namespace armlint {
namespace {

using testing::Render;

TEST(MarkdownReport, Goldens) {
  testing::ExpectGolden("basic.markdown", Render(testing::BasicResult(), Format::kMarkdown));
  testing::ExpectGolden("empty.markdown", Render(testing::EmptyResult(), Format::kMarkdown));
  testing::ExpectGolden("hostile.markdown", Render(testing::HostileResult(), Format::kMarkdown));
}

TEST(MarkdownReport, SummaryTable) {
  const std::string out = Render(testing::BasicResult(), Format::kMarkdown);
  EXPECT_NE(out.find("| Security | 1 | 1 | 0 | 2 |\n"), std::string::npos) << out;
  EXPECT_NE(out.find("| Reliability | 0 | 0 | 1 | 1 |\n"), std::string::npos) << out;
  EXPECT_NE(out.find("| **Total** | **1** | **1** | **1** | **3** |\n"), std::string::npos) << out;
  EXPECT_NE(out.find("| infra/main.json:14 | High | [storage-secure-transfer](https://"),
            std::string::npos)
      << out;
}

TEST(MarkdownReport, LowFindingsAreCountedPerRule) {
  const std::string out = Render(testing::BasicResult(), Format::kMarkdown);
  // vm-managed-disks is the one Low finding: counted, not listed.
  EXPECT_EQ(out.find("| infra/vm.json:30 |"), std::string::npos) << out;
  EXPECT_NE(out.find("### Low findings, per rule"), std::string::npos) << out;
  EXPECT_NE(out.find(") | Low | 1 | Virtual machine does not use managed disks. |"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("| Set properties.supportsHttpsTrafficOnly to true. |"), std::string::npos)
      << out;
}

TEST(MarkdownReport, ThousandsOfHighFindingsStayUnderTheCommentLimit) {
  LintResult r;
  r.files = 1;
  r.resources = 3000;
  for (int i = 0; i < 3000; ++i) {
    r.findings.push_back(testing::MakeFinding(i % 2 ? "storage-secure-transfer" : "storage-min-tls",
                                              Category::kSecurity, Impact::kHigh, "infra/main.json",
                                              i + 1, 9, "stdata" + std::to_string(i)));
  }
  const std::string out = Render(r, Format::kMarkdown);
  EXPECT_LE(out.size(), 65536u);
  EXPECT_NE(out.find("more High or Medium findings did not fit in this comment"),
            std::string::npos);
  EXPECT_NE(out.find("### Other findings, per rule"), std::string::npos) << out.substr(0, 2000);
}

TEST(MarkdownReport, HostileCellsStayInTheirColumns) {
  const std::string out = Render(testing::HostileResult(), Format::kMarkdown);
  // Each findings row (six columns) has exactly 7 unescaped pipes, and nothing opens raw HTML.
  std::size_t row = out.find("| dir with space");
  ASSERT_NE(row, std::string::npos) << out;
  const std::string line = out.substr(row, out.find('\n', row) - row);
  int pipes = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++pipes;
  }
  EXPECT_EQ(pipes, 7) << line;
  EXPECT_EQ(out.find("<script"), std::string::npos);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace armlint
