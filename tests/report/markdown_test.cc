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

TEST(MarkdownReport, HostileCellsStayInTheirColumns) {
  const std::string out = Render(testing::HostileResult(), Format::kMarkdown);
  // Each findings row has exactly 6 unescaped pipes, and nothing opens raw HTML.
  std::size_t row = out.find("| dir with space");
  ASSERT_NE(row, std::string::npos) << out;
  const std::string line = out.substr(row, out.find('\n', row) - row);
  int pipes = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++pipes;
  }
  EXPECT_EQ(pipes, 6) << line;
  EXPECT_EQ(out.find("<script"), std::string::npos);
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace armlint
