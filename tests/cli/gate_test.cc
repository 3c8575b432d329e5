// The CLI as a gate: a run that checks nothing, a Bicep source, a parameter file alone, a config
// mistake or a mistyped command must not pass or surprise. Runs the built armlint binary.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>

#include "gtest/gtest.h"
#include <boost/json.hpp>

#include "support/process.h"

namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

struct GateRun {
  int code = -1;
  std::string out;  // stdout and stderr
};

const std::string kSrc = ARMLINT_SOURCE_DIR;
const std::string kData = "tests/cli/gate_data";
const std::string kRules = "--no-default-rules --rules " + kData + "/rules ";

// Runs armlint with `args` (a shell fragment) from the source directory, `env` prefixed
// ("PATH=... "); stdout and stderr together unless `stdout_only`.
GateRun Armlint(const std::string& args, const std::string& env = "", bool stdout_only = false) {
  std::string cmd = "cd '" + kSrc + "' && " + env + "'" + ARMLINT_CLI_PATH + "' " + args +
                    (stdout_only ? " 2>/dev/null" : " 2>&1");
  GateRun r;
  r.code = armlint::testing::RunShell(cmd, &r.out);
  return r;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

fs::path Scratch(const std::string& name) {
  fs::path dir = fs::path(::testing::TempDir()) / ("armlint_gate_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// --- nothing to lint -------------------------------------------------------------------------

TEST(CliGate, AnEmptyFolderIsNothingToLint) {
  fs::path empty = Scratch("empty");
  GateRun r = Armlint(kRules + empty.string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(Has(r.out, "nothing to lint in " + empty.string())) << r.out;
}

TEST(CliGate, AnEmptyObjectOnStdinIsNothingToLint) {
  GateRun piped = Armlint(kRules + "--format json -", "echo '{}' | ", true);
  EXPECT_EQ(piped.code, 2) << piped.out;
  json::value v = armlint::testing::ParseJsonOrFail(piped.out);
  ASSERT_EQ(v.at("errors").as_array().size(), 1u) << piped.out;
  EXPECT_TRUE(Has(std::string(v.at("errors").at(0).at("message").as_string()),
                  "nothing to lint in <stdin>"))
      << piped.out;
}

TEST(CliGate, AFolderOfOtherJsonIsNothingToLint) {
  GateRun r = Armlint(kRules + kData + "/other");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(Has(r.out, "nothing to lint in " + kData + "/other")) << r.out;
  // Pre-commit hands over whatever JSON changed: --allow-empty lets that pass.
  EXPECT_EQ(Armlint(kRules + "--allow-empty " + kData + "/other").code, 0);
}

TEST(CliGate, AFolderOfBicepFilesSaysHowToLintThem) {
  fs::path dir = Scratch("bicep_only");
  std::ofstream(dir / "main.bicep") << "param location string\n";
  GateRun r = Armlint(kRules + dir.string());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(Has(r.out, "1 .bicep/.bicepparam file(s) found")) << r.out;
}

// --- Bicep -----------------------------------------------------------------------------------

// A folder with a stand-in `bicep` that prints the JSON checked in beside the source (the real
// CLI is not installed where the tests run) and logs its arguments.
fs::path StandInBicep(const std::string& name, const std::string& exe = "bicep") {
  fs::path bin = Scratch(name);
  fs::path script = bin / exe;
  std::ofstream(script) << "#!/bin/sh\n"
                           "# Stand-in for the Bicep CLI, written by tests/cli/gate_test.cc.\n"
                           "echo \"$*\" >> \"$(dirname \"$0\")/calls.log\"\n"
                           "[ \"$1\" = bicep ] && shift\n"
                           "verb=$1; shift\n"
                           "file=\n"
                           "for a in \"$@\"; do case \"$a\" in --*) ;; *) file=$a;; esac; done\n"
                           "case \"$file\" in\n"
                           "  *broken.bicep) echo \"$file(2,9) : Error BCP036: The property "
                           "'name' expected a value of type 'string'.\" >&2; exit 1;;\n"
                           "esac\n"
                           "case \"$verb\" in\n"
                           "  build) cat \"${file%.bicep}.compiled.json\";;\n"
                           "  build-params) cat \"${file%.bicepparam}.compiled-params.json\";;\n"
                           "  *) echo \"unexpected $verb\" >&2; exit 1;;\n"
                           "esac\n";
  fs::permissions(script, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
  return bin;
}

std::string Calls(const fs::path& bin) {
  std::ifstream in(bin / "calls.log");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(CliGate, BicepIsCompiledAndFindingsPointAtTheBicepSource) {
  fs::path bin = StandInBicep("bicep_build");
  const std::string file = kData + "/bicep/main.bicep";
  GateRun r =
      Armlint(kRules + "--format json " + file, "PATH='" + bin.string() + ":/usr/bin:/bin' ", true);
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_EQ(Calls(bin), "build --stdout " + file + "\n");
  json::value v = armlint::testing::ParseJsonOrFail(r.out);
  const json::array& findings = v.at("findings").as_array();
  ASSERT_EQ(findings.size(), 2u) << r.out;
  // Sorted by line: the location (line 21, `location: location` of `data`, from the parameter's
  // default eastus) and then the property itself (line 28).
  EXPECT_EQ(findings[0].at("ruleId"), "test-location-allowed");
  EXPECT_EQ(findings[0].at("location").at("file").as_string().c_str(), file);
  EXPECT_EQ(findings[0].at("location").at("line").as_int64(), 21);
  EXPECT_EQ(findings[1].at("ruleId"), "test-storage-https");
  EXPECT_EQ(findings[1].at("location").at("file").as_string().c_str(), file);
  EXPECT_EQ(findings[1].at("location").at("line").as_int64(), 28);
  EXPECT_EQ(findings[1].at("location").at("column").as_int64(), 5);
  EXPECT_EQ(findings[1].at("impactedValue"), "stdata001");
}

TEST(CliGate, BicepParamLintsItsTemplateWithItsValues) {
  fs::path bin = StandInBicep("bicep_params");
  const std::string file = kData + "/bicep/main.bicepparam";
  GateRun r =
      Armlint(kRules + "--format json " + file, "PATH='" + bin.string() + ":/usr/bin:/bin' ", true);
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_EQ(Calls(bin), "build-params --stdout " + file + "\n");
  json::value v = armlint::testing::ParseJsonOrFail(r.out);
  bool location_in_params = false;
  for (const json::value& f : v.at("findings").as_array()) {
    if (f.at("ruleId") == "test-location-allowed") {
      // brazilsouth came from the .bicepparam file: the finding names it.
      EXPECT_EQ(f.at("location").at("file").as_string().c_str(), kData + "/bicep/main.bicep");
      EXPECT_EQ(f.at("location").at("line").as_int64(), 21);
      EXPECT_TRUE(Has(std::string(f.at("shortDescription").at("problem").as_string()),
                      "(value of parameter 'location' from " + file + ")"))
          << r.out;
      location_in_params = true;
    }
  }
  EXPECT_TRUE(location_in_params) << r.out;
}

TEST(CliGate, AzBicepIsUsedWhenBicepIsNot) {
  fs::path bin = StandInBicep("az_bicep", "az");
  const std::string file = kData + "/bicep/main.bicep";
  GateRun r = Armlint(kRules + file, "PATH='" + bin.string() + ":/usr/bin:/bin' ");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_EQ(Calls(bin), "bicep build --file " + file + " --stdout\n");
}

TEST(CliGate, BicepWithoutTheCliSaysWhatToRun) {
  const std::string file = kData + "/bicep/main.bicep";
  GateRun r = Armlint(kRules + file, "PATH=/nonexistent ");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_FALSE(Has(r.out, "invalid JSON")) << r.out;
  EXPECT_TRUE(Has(r.out, file)) << r.out;
  EXPECT_TRUE(Has(r.out, "bicep build " + file)) << r.out;
  EXPECT_TRUE(Has(r.out, kData + "/bicep/main.json")) << r.out;
}

TEST(CliGate, BicepCompileErrorsAreReported) {
  fs::path bin = StandInBicep("bicep_broken");
  const std::string file = kData + "/bicep/broken.bicep";
  GateRun r = Armlint(kRules + file, "PATH='" + bin.string() + ":/usr/bin:/bin' ");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(Has(r.out, "BCP036")) << r.out;
  EXPECT_FALSE(Has(r.out, "invalid JSON")) << r.out;
}

// --- parameter files alone -------------------------------------------------------------------

TEST(CliGate, AParameterFileAloneLintsItsTemplate) {
  const std::string params = kData + "/params/main.parameters.json";
  GateRun r = Armlint(kRules + "--format json " + params, "", true);
  EXPECT_EQ(r.code, 1) << r.out;
  json::value v = armlint::testing::ParseJsonOrFail(r.out);
  const json::array& findings = v.at("findings").as_array();
  ASSERT_EQ(findings.size(), 1u) << r.out;
  EXPECT_EQ(findings[0].at("ruleId"), "test-storage-https");
  // The finding points at the template's property; the value false came from the parameter
  // file, which the finding names.
  EXPECT_EQ(findings[0].at("location").at("file").as_string().c_str(), kData + "/params/main.json");
  EXPECT_EQ(findings[0].at("location").at("line").as_int64(), 17);
  EXPECT_TRUE(Has(std::string(findings[0].at("shortDescription").at("problem").as_string()),
                  "(value of parameter 'httpsOnly' from " + params + ")"))
      << r.out;
  EXPECT_EQ(findings[0].at("impactedValue"), "stparams001");
}

TEST(CliGate, AParameterFileFindsItsTemplateByMetadata) {
  const std::string params = kData + "/params/prod.settings.json";
  GateRun r = Armlint(kRules + "--format json " + params, "", true);
  EXPECT_EQ(r.code, 1) << r.out;
  json::value v = armlint::testing::ParseJsonOrFail(r.out);
  const json::array& findings = v.at("findings").as_array();
  ASSERT_EQ(findings.size(), 1u) << r.out;
  EXPECT_EQ(findings[0].at("ruleId"), "test-location-allowed");  // eastus2
  EXPECT_TRUE(Has(std::string(findings[0].at("shortDescription").at("problem").as_string()),
                  "(value of parameter 'location' from " + params + ")"))
      << r.out;
}

TEST(CliGate, AParameterFileAndItsTemplateReportOnce) {
  GateRun r = Armlint(kRules + "--format json " + kData + "/params/main.parameters.json " + kData +
                          "/params/main.json",
                      "", true);
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_EQ(armlint::testing::ParseJsonOrFail(r.out).at("findings").as_array().size(), 1u) << r.out;
}

TEST(CliGate, AParameterFileWithoutTemplateIsAnError) {
  const std::string params = kData + "/params/orphan/lonely.parameters.json";
  GateRun r = Armlint(kRules + params);
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_TRUE(Has(r.out, params)) << r.out;
  EXPECT_TRUE(Has(r.out, "cannot find the template of this parameter file")) << r.out;
}

// --- config mistakes -------------------------------------------------------------------------

TEST(CliGate, AConfigFailingItsSchemaStopsTheRun) {
  GateRun r = Armlint(kRules + "--format json " + kData + "/config-bad", "", true);
  EXPECT_EQ(r.code, 2) << r.out;
  json::value v = armlint::testing::ParseJsonOrFail(r.out);
  EXPECT_EQ(v.at("findings").as_array().size(), 0u) << r.out;
  const json::array& errors = v.at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u) << r.out;
  EXPECT_EQ(errors[0].at("file").as_string().c_str(), kData + "/config-bad/.armlint.json");
  EXPECT_EQ(errors[0].at("line").as_int64(), 3);
}

TEST(CliGate, AnUnknownRuleIdInTheConfigStopsTheRunWithASuggestion) {
  GateRun r = Armlint(kRules + "--format json " + kData + "/config-typo", "", true);
  EXPECT_EQ(r.code, 2) << r.out;
  json::value v = armlint::testing::ParseJsonOrFail(r.out);
  EXPECT_EQ(v.at("findings").as_array().size(), 0u) << r.out;
  EXPECT_EQ(v.at("summary").at("files").as_int64(), 0) << r.out;
  const json::array& errors = v.at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u) << r.out;
  EXPECT_EQ(errors[0].at("line").as_int64(), 4);
  EXPECT_EQ(errors[0].at("column").as_int64(), 17);
  const std::string message(errors[0].at("message").as_string());
  EXPECT_TRUE(Has(message, "unknown rule id 'test-storage-http' in rules.disable")) << message;
  EXPECT_TRUE(Has(message, "did you mean 'test-storage-https'")) << message;
}

TEST(CliGate, AnUnknownRuleIdInASuppressionCommentIsAnError) {
  GateRun r = Armlint(kRules + "--format json " + kData + "/suppress/main.json", "", true);
  EXPECT_EQ(r.code, 2) << r.out;
  json::value v = armlint::testing::ParseJsonOrFail(r.out);
  const json::array& errors = v.at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u) << r.out;
  EXPECT_EQ(errors[0].at("line").as_int64(), 11);
  EXPECT_TRUE(Has(std::string(errors[0].at("message").as_string()),
                  "unknown rule id 'test-storage-htps' in suppression (did you mean "
                  "'test-storage-https'?)"))
      << r.out;
}

// --- no surprises ----------------------------------------------------------------------------

TEST(CliGate, AFileNamedTwiceIsLintedOnce) {
  const std::string f = kData + "/params/main.json";
  GateRun r = Armlint(kRules + "--format json " + f + " " + f + " ./" + f + " " + kData + "/params",
                      "", true);
  json::value v = armlint::testing::ParseJsonOrFail(r.out);
  // main.json once, and the folder's three parameter files (found in a folder, not named: they
  // do not bring their template again).
  EXPECT_EQ(v.at("summary").at("files").as_int64(), 4) << r.out;
  EXPECT_EQ(v.at("findings").as_array().size(), 1u) << r.out;
}

TEST(CliGate, ARulePackNamedTwiceLoadsOnce) {
  GateRun r = Armlint("--no-default-rules --rules " + kData + "/rules --rules ./" + kData +
                      "/rules/ " + kData + "/params/main.json");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_FALSE(Has(r.out, "duplicate rule id")) << r.out;
}

TEST(CliGate, HelpAndMistypedCommands) {
  GateRun help = Armlint("help");
  EXPECT_EQ(help.code, 0);
  EXPECT_TRUE(Has(help.out, "--fail-on")) << help.out;
  GateRun rules = Armlint("help rules");
  EXPECT_EQ(rules.code, 0);
  EXPECT_TRUE(Has(rules.out, "--check")) << rules.out;
  GateRun typo = Armlint("rule");
  EXPECT_EQ(typo.code, 2);
  EXPECT_TRUE(Has(typo.out, "unknown command 'rule' (did you mean 'armlint rules'?)")) << typo.out;
  EXPECT_FALSE(Has(typo.out, "no such file")) << typo.out;
  GateRun bad_help = Armlint("help expnad");
  EXPECT_EQ(bad_help.code, 2);
  EXPECT_TRUE(Has(bad_help.out, "did you mean 'expand'")) << bad_help.out;
}

// --- deployment context ----------------------------------------------------------------------

TEST(CliGate, ContextValuesReachTheTemplate) {
  const std::string f = kData + "/context/main.json";
  // Placeholder location eastus: outside the allowed regions.
  GateRun placeholder = Armlint(kRules + "--format json " + f, "", true);
  EXPECT_EQ(placeholder.code, 1) << placeholder.out;
  GateRun set = Armlint(kRules + "--context location=westeurope " + f);
  EXPECT_EQ(set.code, 0) << set.out;
  GateRun typo = Armlint(kRules + "--context subscription=1234 " + f);
  EXPECT_EQ(typo.code, 2) << typo.out;
  EXPECT_TRUE(Has(typo.out,
                  "--context: unknown key 'subscription' (did you mean "
                  "'subscriptionId'?)"))
      << typo.out;
  GateRun malformed = Armlint(kRules + "--context location " + f);
  EXPECT_EQ(malformed.code, 2) << malformed.out;
  EXPECT_TRUE(Has(malformed.out, "--context takes KEY=VALUE")) << malformed.out;
}

TEST(CliGate, ContextFromTheConfigAndTheCommandLine) {
  // The config sets northeurope (allowed); --context beats it.
  const std::string f = kData + "/context/configured/main.json";
  EXPECT_EQ(Armlint(kRules + f).code, 0);
  EXPECT_EQ(Armlint(kRules + "--context location=eastus " + f).code, 1);
}

// --- baselines -------------------------------------------------------------------------------

std::string Storage(const std::string& name, bool https) {
  return std::string(
             "    {\"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": "
             "\"2023-01-01\", \"name\": \"") +
         name +
         "\", \"location\": \"westeurope\", \"properties\": "
         "{\"supportsHttpsTrafficOnly\": " +
         (https ? "true" : "false") + "}}";
}

void WriteTemplate(const fs::path& file, const std::vector<std::string>& resources) {
  std::ofstream out(file);
  out << "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
         "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\",\n"
         "\"parameters\": {\"oldName\": {\"type\": \"string\"}}, \"resources\": [\n";
  for (std::size_t i = 0; i < resources.size(); ++i) out << (i ? ",\n" : "") << resources[i];
  out << "\n]}\n";
}

TEST(CliGate, BaselinesFollowResourcesNotArrayIndexes) {
  fs::path dir = Scratch("baseline_identity");
  const std::string file = (dir / "main.json").string();
  const std::string baseline = (dir / "baseline.json").string();
  WriteTemplate(dir / "main.json",
                {Storage("[parameters('oldName')]", false), Storage("b", false)});
  GateRun write = Armlint("--no-config " + kRules + "--write-baseline " + baseline + " " + file);
  EXPECT_EQ(write.code, 1) << write.out;
  // A new violating resource inserted first: only it is new; nothing is hidden or revived
  // (the first resource's name is unknown offline, so its identity is its name expression).
  WriteTemplate(
      dir / "main.json",
      {Storage("new", false), Storage("[parameters('oldName')]", false), Storage("b", false)});
  GateRun r = Armlint("--no-config " + kRules + "--format json --baseline " + baseline + " " + file,
                      "", true);
  EXPECT_EQ(r.code, 1) << r.out;
  json::value v = armlint::testing::ParseJsonOrFail(r.out);
  const json::array& findings = v.at("findings").as_array();
  ASSERT_EQ(findings.size(), 1u) << r.out;
  EXPECT_EQ(findings[0].at("impactedValue"), "new");
  // The baseline file is sorted and pretty-printed: one finding per line.
  std::ifstream in(baseline);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_TRUE(Has(text.str(), "\"armlintBaseline\": 2,\n")) << text.str();
  EXPECT_TRUE(Has(text.str(), "\n    {\"fingerprint\"")) << text.str();
}

// --- reports ---------------------------------------------------------------------------------

TEST(CliGate, SeveralFormatsInOneRun) {
  fs::path dir = Scratch("formats");
  const std::string sarif = (dir / "a.sarif").string();
  const std::string junit = (dir / "a.xml").string();
  const std::string file = kData + "/bicep/main.compiled.json";
  GateRun r = Armlint(
      kRules + "-f text -f sarif:" + sarif + " --format junit:" + junit + " " + file, "", true);
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_TRUE(Has(r.out, "test-storage-https")) << r.out;  // text on stdout
  EXPECT_TRUE(fs::file_size(sarif) > 0);
  EXPECT_TRUE(fs::file_size(junit) > 0);
  std::ifstream in(sarif);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_TRUE(Has(text.str(), "\"version\": \"2.1.0\"") || Has(text.str(), "\"2.1.0\""));
  // Every report to a file: one summary line on the terminal.
  GateRun files =
      Armlint(kRules + "-f sarif:" + sarif + " -f json:" + (dir / "a.json").string() + " " + file,
              "", true);
  EXPECT_EQ(files.code, 1);
  EXPECT_EQ(files.out, "armlint: 1 file, 2 findings (1 High, 1 Medium), 0 errors; wrote sarif to " +
                           sarif + ", json to " + (dir / "a.json").string() + "\n");
  // Two formats cannot share standard output.
  GateRun clash = Armlint(kRules + "-f text -f json " + file);
  EXPECT_EQ(clash.code, 2);
  EXPECT_TRUE(Has(clash.out, "only one format can go to standard output")) << clash.out;
}

TEST(CliGate, MinImpactHidesLowerFindingsButNotTheExitCode) {
  const std::string file = kData + "/bicep/main.compiled.json";
  GateRun all = Armlint(kRules + "--format json " + file, "", true);
  EXPECT_EQ(armlint::testing::ParseJsonOrFail(all.out).at("findings").as_array().size(), 2u);
  GateRun high =
      Armlint(kRules + "--format json --min-impact high --fail-on medium " + file, "", true);
  EXPECT_EQ(high.code, 1);
  const json::value high_json = armlint::testing::ParseJsonOrFail(high.out);
  const json::array& shown = high_json.at("findings").as_array();
  ASSERT_EQ(shown.size(), 1u) << high.out;
  EXPECT_EQ(shown[0].at("impact"), "High");
  // The Medium finding alone still fails --fail-on medium although it is hidden.
  GateRun hidden = Armlint(kRules + "--min-impact high --only test-location-allowed " + file);
  EXPECT_EQ(hidden.code, 1) << hidden.out;
  EXPECT_TRUE(Has(hidden.out, "1 finding(s) below --min-impact high not shown")) << hidden.out;
  EXPECT_EQ(Armlint(kRules + "--min-impact severe " + file).code, 2);
}

}  // namespace
