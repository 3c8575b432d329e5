// `armlint expand` run as a user would: it prints the deployment lint evaluates (the same
// configuration, classification and parameter file), reports input errors as lint does
// (file:line:col, exit 2) and masks secret leaves only.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <boost/json.hpp>

#include "support/process.h"

namespace {

namespace json = boost::json;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kSrc = ARMLINT_SOURCE_DIR;
const std::string kData = "tests/cli/testdata/expand/";

struct ExpandRun {
  int code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs armlint with `args` (a shell fragment) from the source directory.
ExpandRun Armlint(const std::string& args) {
  // One file per process and call: ctest runs these tests in parallel processes, and a shared
  // name let one test read another's (empty) stderr.
  static int calls = 0;
  const std::string err_file = testing::TempDir() + "/armlint_expand_stderr." +
                               std::to_string(::getpid()) + "." + std::to_string(++calls) + ".txt";
  std::string cmd =
      "cd '" + kSrc + "' && '" + ARMLINT_CLI_PATH + "' " + args + " 2>'" + err_file + "'";
  ExpandRun r;
  r.code = armlint::testing::RunShell(cmd, &r.out);
  std::ifstream in(err_file);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  std::remove(err_file.c_str());
  return r;
}

TEST(CliExpand, TakesFormatJsonAndRejectsOtherFormats) {
  ExpandRun r = Armlint("expand --format json " + kData + "secrets.json");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(armlint::testing::ParseJsonOrFail(r.out).at("resources").is_array());
  EXPECT_EQ(Armlint("expand -f json " + kData + "secrets.json").out, r.out);
  EXPECT_EQ(Armlint("expand " + kData + "secrets.json").out, r.out) << "json is the default";
  ExpandRun sarif = Armlint("expand --format sarif " + kData + "secrets.json");
  EXPECT_EQ(sarif.code, 2);
  EXPECT_THAT(sarif.err, HasSubstr("--format 'sarif'"));
}

TEST(CliExpand, FindsTheParameterFileAsLintDoes) {
  // The config beside the template maps it to params/prod.json.
  ExpandRun r = Armlint("expand --format json " + kData + "mapped/storage.json");
  ASSERT_EQ(r.code, 0) << r.err;
  const json::value expanded = armlint::testing::ParseJsonOrFail(r.out);
  const json::object& res = expanded.at("resources").at(0).as_object();
  EXPECT_EQ(res.at("name"), "stprod001");
  EXPECT_EQ(res.at("properties").at("supportsHttpsTrafficOnly"), false);

  // Lint sees the same: the mapped file's name and its violation.
  ExpandRun lint = Armlint("--no-default-rules --rules tests/cli/testdata/rules --format json " +
                           kData + "mapped/storage.json");
  EXPECT_EQ(lint.code, 1) << lint.out;
  const json::value report = armlint::testing::ParseJsonOrFail(lint.out);
  const json::object& f = report.at("findings").at(0).as_object();
  EXPECT_EQ(f.at("impactedValue"), res.at("name"));

  // --no-config: no mapping, so the template's defaults (as lint --no-config would see them).
  ExpandRun bare = Armlint("expand --no-config " + kData + "mapped/storage.json");
  ASSERT_EQ(bare.code, 0) << bare.err;
  EXPECT_EQ(armlint::testing::ParseJsonOrFail(bare.out).at("resources").at(0).at("name"),
            "stdefault");
  // -p beats the mapping.
  ExpandRun given = Armlint("expand -p " + kData + "mapped/params/prod.json --no-config " + kData +
                            "mapped/storage.json");
  EXPECT_EQ(armlint::testing::ParseJsonOrFail(given.out).at("resources").at(0).at("name"),
            "stprod001");
}

TEST(CliExpand, InputErrorsAsLintReportsThem) {
  const std::string broken = kData + "broken.json";
  ExpandRun r = Armlint("expand " + broken);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, HasSubstr(broken + ":4:"));
  EXPECT_THAT(r.err, HasSubstr(": error: invalid JSON"));
  ExpandRun lint = Armlint("--format text " + broken);
  EXPECT_EQ(lint.code, 2);
  EXPECT_THAT(lint.out, HasSubstr(r.err.substr(0, r.err.find(": error:")))) << "same position";

  // A parameter file that does not parse: reported with its line:col, and the template is still
  // expanded (with its defaults), as lint still lints it.
  ExpandRun params = Armlint("expand " + kData + "badparams.json");
  EXPECT_EQ(params.code, 2);
  EXPECT_THAT(params.err, HasSubstr(kData + "badparams.parameters.json:4:"));
  EXPECT_EQ(armlint::testing::ParseJsonOrFail(params.out).at("resources").at(0).at("name"),
            "stfallback");

  // Not a template: classified as lint classifies it.
  ExpandRun not_template = Armlint("expand " + kData + "mapped/params/prod.json");
  EXPECT_EQ(not_template.code, 2);
  EXPECT_THAT(not_template.err, HasSubstr("prod.json:1:1: error: not a deployment template (a "
                                          "parameter file"));
  EXPECT_EQ(Armlint("expand " + kData + "no-such-file.json").code, 2);
}

TEST(CliExpand, MasksSecretLeavesNotTheObjectsAroundThem) {
  ExpandRun r = Armlint("expand " + kData + "secrets.json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, Not(HasSubstr("CANARY")));
  const json::value expanded = armlint::testing::ParseJsonOrFail(r.out);
  const json::object& props = expanded.at("resources").at(0).at("properties").as_object();
  EXPECT_EQ(props.at("osProfile").at("adminUsername"), "azureuser");
  EXPECT_EQ(props.at("osProfile").at("adminPassword"), "***");
  // The secureObject keeps its shape: keys and array lengths, every leaf masked.
  const json::object& settings = props.at("settings").as_object();
  EXPECT_EQ(settings.at("user"), "***");
  EXPECT_EQ(settings.at("retries"), "***");
  ASSERT_EQ(settings.at("tags").as_array().size(), 1u);
  EXPECT_EQ(settings.at("tags").at(0), "***");
}

}  // namespace
