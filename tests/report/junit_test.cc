// Tests the JUnit report: goldens, and that a real XML parser reads what readers need.
#include "gtest/gtest.h"

#include "report/report_test_util.h"

namespace armlint {
namespace {

using testing::Render;

TEST(JunitReport, Goldens) {
  testing::ExpectGolden("basic.junit", Render(testing::BasicResult(), Format::kJunit));
  testing::ExpectGolden("basic_show_suppressed.junit",
                        Render(testing::BasicResult(), Format::kJunit, false, true));
  testing::ExpectGolden("empty.junit", Render(testing::EmptyResult(), Format::kJunit));
  testing::ExpectGolden("hostile.junit", Render(testing::HostileResult(), Format::kJunit));
}

std::string ParseWithPython(const std::string& name, const LintResult& r) {
  const std::string path = testing::WriteTemp(name, Render(r, Format::kJunit));
  std::string output;
  const int rc = testing::RunCommand(
      "python3 " + std::string(ARMLINT_SOURCE_DIR) + "/tests/report/report_check.py junit " + path,
      &output);
  EXPECT_EQ(rc, 0) << output;
  return output;
}

TEST(JunitReport, ParsesWithXmlEtree) {
  std::string out;
  if (testing::RunCommand("python3 -c 'import xml.etree.ElementTree'", &out) != 0) {
    GTEST_SKIP() << "python3 is needed to parse the JUnit XML";
  }
  const std::string basic = ParseWithPython("basic.xml", testing::BasicResult());
  EXPECT_NE(basic.find("suite infra/main.json 2 2 0 0"), std::string::npos) << basic;
  EXPECT_NE(basic.find("suite infra/vm.json 2 1 0 1"), std::string::npos) << basic;
  EXPECT_NE(basic.find("suite infra/broken.json 1 0 1 0"), std::string::npos) << basic;
  EXPECT_NE(basic.find("case \"storage-secure-transfer stdata001\" failure \"Storage account "
                       "allows insecure transfer over HTTP\""),
            std::string::npos)
      << basic;
  EXPECT_NE(basic.find("infra/main.json:14:9: High Security storage-secure-transfer"),
            std::string::npos)
      << basic;
  EXPECT_NE(basic.find("case \"1 file without findings\" passed"), std::string::npos) << basic;

  const std::string hostile = ParseWithPython("hostile.xml", testing::HostileResult());
  // The parser gives back the original text: escaping lost nothing (the ESC byte excepted,
  // which XML 1.0 cannot carry).
  EXPECT_NE(hostile.find("case \"cost-tags <script>alert('x')</script> | \\\"q\\\" & "
                         "[l](http://x) *e* `c`\" failure"),
            std::string::npos)
      << hostile;
  EXPECT_NE(hostile.find("\"Line one\\nline two\\r\\n::error::injected 100% ]]> \\ufffd[31mred"),
            std::string::npos)
      << hostile;
  EXPECT_NE(hostile.find("case \"load\" error \"bad \\\"token\\\" <here>\\n& there\""),
            std::string::npos)
      << hostile;
}

TEST(JunitReport, CleanRunHasOnePassingCase) {
  const std::string out = Render(testing::EmptyResult(), Format::kJunit);
  EXPECT_NE(out.find("<testsuites name=\"armlint\" tests=\"1\" failures=\"0\""), std::string::npos)
      << out;
  EXPECT_NE(out.find("<testcase name=\"2 files without findings\""), std::string::npos) << out;
}

}  // namespace
}  // namespace armlint
