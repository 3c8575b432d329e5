// Tests the GitHub Actions workflow-command report and its escaping.
#include "report/github.h"

#include "gtest/gtest.h"

#include "report/report_test_util.h"

namespace armlint {
namespace {

using testing::Render;

TEST(GithubReport, Goldens) {
  testing::ExpectGolden("basic.github", Render(testing::BasicResult(), Format::kGithub));
  testing::ExpectGolden("empty.github", Render(testing::EmptyResult(), Format::kGithub));
  testing::ExpectGolden("hostile.github", Render(testing::HostileResult(), Format::kGithub));
}

TEST(GithubReport, CommandPerImpact) {
  const std::string out = Render(testing::BasicResult(), Format::kGithub);
  EXPECT_NE(out.find("::error file=infra/main.json,line=14,col=9,title=storage-secure-transfer::"
                     "Storage account allows insecure transfer over HTTP\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("::warning file=infra/main.json,line=15,col=9,title=storage-min-tls::"),
            std::string::npos);
  EXPECT_NE(out.find("::notice file=infra/vm.json,line=30,col=5,title=vm-managed-disks::"),
            std::string::npos);
  EXPECT_NE(out.find("::error file=infra/broken.json,line=3,col=17,title=armlint::expected ',' "
                     "or '}' after object member\n"),
            std::string::npos);
  EXPECT_EQ(out.find("legacy client"), std::string::npos) << "suppressed finding listed";
}

TEST(GithubReport, TemplateTextCannotInjectCommands) {
  const std::string out = Render(testing::HostileResult(), Format::kGithub);
  // One line per annotation: the finding's newlines are escaped, so "::error::injected" stays
  // inside the message instead of starting a command.
  int lines = 0;
  for (char c : out) lines += c == '\n';
  EXPECT_EQ(lines, 2) << out;
  EXPECT_NE(out.find("::warning file=dir with space/a%2Cb%3Ac%25.json,line=2,col=3,"
                     "title=cost-tags::Line one%0Aline two%0D%0A::error::injected 100%25 ]]>"),
            std::string::npos)
      << out;
}

TEST(GithubEscape, DataAndProperties) {
  EXPECT_EQ(internal::GithubEscapeData("50%\r\n:,"), "50%25%0D%0A:,");
  EXPECT_EQ(internal::GithubEscapeProperty("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
  EXPECT_EQ(internal::GithubEscapeProperty("%2C"), "%252C");  // % first: no double meaning
}

}  // namespace
}  // namespace armlint
