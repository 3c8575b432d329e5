// The command-line parser is built with only what the arguments can name (cli/main.cc, Named):
// every way of writing an option still reaches it, and help, typos and errors still see every
// option and command.
#include <string>

#include "gtest/gtest.h"
#include <boost/json.hpp>

#include "support/process.h"

namespace {

struct Result {
  int code = -1;
  std::string out;  // stdout, or stdout and stderr (RunBoth)
};

const std::string kSrc = ARMLINT_SOURCE_DIR;
const std::string kClean = "tests/cli/testdata/lint/clean.json";
const std::string kTiny = "bench/tiny.json";

Result Shell(const std::string& args, const std::string& stderr_to) {
  Result r;
  r.code = armlint::testing::RunShell(
      "cd '" + kSrc + "' && '" + ARMLINT_CLI_PATH + "' " + args + " 2>" + stderr_to, &r.out);
  return r;
}
Result Armlint(const std::string& args) { return Shell(args, "/dev/null"); }
Result RunBoth(const std::string& args) { return Shell(args, "&1"); }

// The top-level help lists every option and command, however help is asked for.
TEST(CliParser, HelpListsEverythingHoweverAsked) {
  const Result help = Armlint("--help");
  ASSERT_EQ(help.code, 0);
  for (const char* name : {"-f,--format",
                           "-o,--output",
                           "--fail-on",
                           "--min-impact",
                           "--rules",
                           "--no-default-rules",
                           "--only",
                           "--disable",
                           "-p,--parameters",
                           "--config",
                           "--no-config",
                           "--baseline",
                           "--write-baseline",
                           "-j,--jobs",
                           "--shard",
                           "--report-unknown",
                           "--show-suppressed",
                           "-q,--quiet",
                           "--no-color",
                           "--color",
                           "-v,--verbose",
                           "--context",
                           "--workload-root",
                           "--label",
                           "--allow-empty",
                           "--version",
                           "--policy",
                           "--policy-parameters",
                           "--aliases",
                           "rules",
                           "test-rules",
                           "expand",
                           "merge"}) {
    EXPECT_NE(help.out.find(std::string("  ") + name), std::string::npos) << name;
  }
  for (const char* args : {"-h", "help", "-qh", "--no-config -h bench/tiny.json", "-vh x.json"}) {
    const Result again = Armlint(args);
    EXPECT_EQ(again.code, 0) << args;
    EXPECT_EQ(again.out, help.out) << args;
  }
}

// A command's help, through the command or through `help`, lists its options.
TEST(CliParser, CommandHelpListsItsOptions) {
  const Result rules = Armlint("rules --help");
  ASSERT_EQ(rules.code, 0);
  for (const char* name : {"--format", "--rules", "--no-default-rules", "--check", "--policy",
                           "--policy-parameters", "--aliases", "--write-cache", "show"}) {
    EXPECT_NE(rules.out.find(name), std::string::npos) << name;
  }
  EXPECT_EQ(Armlint("rules -h").out, rules.out);
  // `help rules` names the command alone in its usage line ("Usage: rules"), as it always has.
  EXPECT_NE(Armlint("help rules").out.find("--write-cache"), std::string::npos);
  const Result expand = Armlint("expand --help");
  EXPECT_NE(expand.out.find("--no-config"), std::string::npos) << expand.out;
  EXPECT_NE(Armlint("help expand").out.find("--no-config"), std::string::npos);
}

// Every way CLI11 reads an option reaches it: a separate value, --name=value, a value joined to
// a short name, short flags clustered.
TEST(CliParser, EveryFormOfAnOptionIsRead) {
  const Result separate = Armlint("--no-config -f json " + kTiny);
  ASSERT_EQ(separate.code, 1);
  EXPECT_TRUE(armlint::testing::ParseJsonOrFail(separate.out).is_object());
  EXPECT_EQ(Armlint("--no-config --format=json " + kTiny).out, separate.out);
  EXPECT_EQ(Armlint("--no-config -fjson " + kTiny).out, separate.out);
  EXPECT_EQ(Armlint("--no-config --format json " + kTiny).out, separate.out);
  // Short names clustered, the last with its value joined: -v, then -f json.
  const Result clustered = Armlint("--no-config -vfjson " + kTiny);
  EXPECT_EQ(clustered.out, Armlint("--no-config -v -f json " + kTiny).out);
  EXPECT_TRUE(armlint::testing::ParseJsonOrFail(clustered.out).is_object());
  // A bad value joined to its name is still an error of that option.
  const Result bad = RunBoth("--no-config --fail-on=critical " + kClean);
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("--fail-on 'critical'"), std::string::npos) << bad.out;
}

// Command names as values and after "--" are not commands or help.
TEST(CliParser, NamesAsValuesStayValues) {
  const Result labelled = Armlint("--no-config --label rules -f json " + kClean);
  EXPECT_EQ(labelled.code, Armlint("--no-config -f json " + kClean).code);
  EXPECT_TRUE(armlint::testing::ParseJsonOrFail(labelled.out).is_object()) << labelled.out;
  // After "--", -h is a file to lint (there is none): an input error, not the help.
  const Result dashed = RunBoth("--no-config -- -h");
  EXPECT_EQ(dashed.code, 2);
  EXPECT_EQ(dashed.out.find("Usage:"), std::string::npos) << dashed.out;
}

// Mistyped commands and options are reported as before: the command against every command.
TEST(CliParser, TyposAndUnknownOptions) {
  const Result typo = RunBoth("rulez");
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.out.find("did you mean 'armlint rules'"), std::string::npos) << typo.out;
  const Result help_typo = RunBoth("help expnd");
  EXPECT_EQ(help_typo.code, 2);
  EXPECT_NE(help_typo.out.find("did you mean 'expand'"), std::string::npos) << help_typo.out;
  const Result unknown = RunBoth("--no-such-option " + kClean);
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.out.find("--no-such-option"), std::string::npos) << unknown.out;
  const Result sub_unknown = RunBoth("rules --bogus");
  EXPECT_EQ(sub_unknown.code, 2);
  EXPECT_NE(sub_unknown.out.find("--bogus"), std::string::npos) << sub_unknown.out;
  const Result missing = RunBoth("expand");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.out.find("file is required"), std::string::npos) << missing.out;
}

}  // namespace
