// The reports as people read them, from the built armlint binary: the text review (grouping,
// order, values, colour, verbosity), the Markdown comment within GitHub's limit, the HTML page.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include <boost/json.hpp>

#include "support/process.h"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

struct ReportRun {
  int code = -1;
  std::string out;
};

const std::string kSrc = ARMLINT_SOURCE_DIR;
const std::string kData = "tests/cli/report_data";
const std::string kRules = "--no-default-rules --rules " + kData + "/rules ";

// Runs armlint with `args` (a shell fragment) from the source directory, `env` prefixed;
// stdout only (stderr discarded) unless `with_stderr`.
ReportRun Shell(const std::string& cmd) {
  ReportRun r;
  r.code = armlint::testing::RunShell(cmd, &r.out);
  return r;
}

ReportRun Armlint(const std::string& args, const std::string& env = "", bool with_stderr = false) {
  return Shell("cd '" + kSrc + "' && " + env + "'" + ARMLINT_CLI_PATH + "' " + args +
               (with_stderr ? " 2>&1" : " 2>/dev/null"));
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The line of `text` that contains `part` ("" when none).
std::string LineWith(const std::string& text, const std::string& part) {
  std::size_t at = text.find(part);
  if (at == std::string::npos) return "";
  std::size_t start = text.rfind('\n', at);
  start = start == std::string::npos ? 0 : start + 1;
  return text.substr(start, text.find('\n', at) - start);
}

// The line after the one that contains `part`.
std::string LineAfter(const std::string& text, const std::string& part) {
  std::size_t at = text.find(part);
  if (at == std::string::npos) return "";
  std::size_t next = text.find('\n', at);
  if (next == std::string::npos) return "";
  return text.substr(next + 1, text.find('\n', next + 1) - next - 1);
}

// A fresh folder of its own for one test (parallel ctest runs never share one).
fs::path Scratch(const std::string& name) {
  std::string tmpl = (fs::path(::testing::TempDir()) / ("armlint_report_" + name + "_XXXXXX"));
  char* made = mkdtemp(tmpl.data());
  EXPECT_NE(made, nullptr);
  return fs::path(tmpl);
}

// --- text -----------------------------------------------------------------------------------

TEST(CliReport, TextIsGroupedByFileHighFirstOneLinePerFinding) {
  ReportRun r = Armlint(kRules + kData + "/review");
  EXPECT_EQ(r.code, 1) << r.out;
  const std::string main = kData + "/review/main.json";
  const std::string other = kData + "/review/other.json";
  // One header per file, main.json's group before other.json's.
  ASSERT_TRUE(Has(r.out, main + "\n")) << r.out;
  ASSERT_TRUE(Has(r.out, other + "\n")) << r.out;
  EXPECT_LT(r.out.find(main + "\n"), r.out.find(other + "\n"));
  // In main.json the High finding (stweb, last in the file) comes first, right under the header.
  EXPECT_EQ(LineAfter(r.out, main + "\n").find(main + ":"), 0u) << r.out;
  const std::string high = LineWith(r.out, "  High  test-storage-https  stweb  ");
  ASSERT_FALSE(high.empty()) << r.out;
  EXPECT_EQ(LineAfter(r.out, main + "\n"), high) << r.out;
  // location, impact, rule, resource, problem, and the value found.
  EXPECT_TRUE(
      high.ends_with("  High  test-storage-https  stweb  Storage account allows HTTP. "
                     "(found: false)"))
      << high;
  // The High finding carries its fix and link; Medium and Low ones do not (one line each).
  EXPECT_EQ(LineAfter(r.out, high), "    Set supportsHttpsTrafficOnly to true.") << r.out;
  const std::string medium = LineWith(r.out, "  Medium  test-storage-tls  stweb  ");
  EXPECT_TRUE(medium.ends_with("(found: \"TLS1_0\")")) << medium;
  EXPECT_FALSE(Has(r.out, "Set minimumTlsVersion to TLS1_2.")) << r.out;
  EXPECT_FALSE(Has(r.out, "Add an owner tag.")) << r.out;
  // An absent property is shown as missing.
  EXPECT_TRUE(LineWith(r.out, "  Low  test-storage-owner-tag  stlogs1  ").ends_with("(missing)"))
      << r.out;
  // Within main.json: High, then Medium, then the Low ones.
  EXPECT_LT(r.out.find(high), r.out.find(medium));
  EXPECT_LT(r.out.find(medium), r.out.find("  Low  test-storage-owner-tag  stlogs1"));
}

TEST(CliReport, VerboseShowsEveryFix) {
  ReportRun r = Armlint(kRules + "--verbose " + kData + "/review");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(LineAfter(r.out, "  Medium  test-storage-tls  stweb  "),
            "    Set minimumTlsVersion to TLS1_2.")
      << r.out;
  EXPECT_TRUE(Has(r.out, "    Add an owner tag.\n")) << r.out;
}

TEST(CliReport, TextSummaryNamesTheRuleThatDominates) {
  // 5 of 8 findings are the owner tag's.
  ReportRun r = Armlint(kRules + kData + "/review");
  EXPECT_TRUE(Has(r.out,
                  "\nBy rule: test-storage-owner-tag 5, test-storage-tls 2, "
                  "test-storage-https 1\n"))
      << r.out;
  EXPECT_TRUE(Has(r.out, "\n8 findings (1 high, 2 medium, 5 low) in 2 files")) << r.out;
  // No rule dominates when the owner tag rule is off.
  ReportRun spread = Armlint(kRules + "--disable test-storage-owner-tag " + kData + "/review");
  EXPECT_FALSE(Has(spread.out, "By rule")) << spread.out;
}

TEST(CliReport, ColorAutoAlwaysNever) {
  const std::string file = kData + "/review/other.json";
  // auto: stdout is a pipe here, so no colour.
  EXPECT_FALSE(Has(Armlint(kRules + file).out, "\033["));
  EXPECT_FALSE(Has(Armlint(kRules + "--color auto " + file).out, "\033["));
  ReportRun always = Armlint(kRules + "--color always " + file);
  EXPECT_TRUE(Has(always.out, "\033[33mMedium\033[0m")) << always.out;
  EXPECT_TRUE(Has(Armlint(kRules + "--color always " + file, "NO_COLOR=1 ").out, "\033["));
  EXPECT_FALSE(Has(Armlint(kRules + "--color never " + file).out, "\033["));
  EXPECT_FALSE(Has(Armlint(kRules + "--color always --no-color " + file).out, "\033["));
  ReportRun bad = Armlint(kRules + "--color sometimes " + file, "", true);
  EXPECT_EQ(bad.code, 2);
  EXPECT_TRUE(Has(bad.out, "--color takes auto, always or never, not 'sometimes'")) << bad.out;
}

TEST(CliReport, ColorAutoInATerminalUnlessNoColor) {
  // script(1) gives armlint a pseudo-terminal.
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1)";
  const std::string cmd =
      "'" + std::string(ARMLINT_CLI_PATH) + "' " + kRules + kData + "/review/other.json";
  ReportRun tty = Shell("cd '" + kSrc + "' && script -qec \"" + cmd + "\" /dev/null");
  ReportRun plain = Shell("cd '" + kSrc + "' && NO_COLOR=1 script -qec \"" + cmd + "\" /dev/null");
  EXPECT_TRUE(Has(tty.out, "\033[33mMedium")) << tty.out;
  EXPECT_TRUE(Has(plain.out, "Medium")) << plain.out;
  EXPECT_FALSE(Has(plain.out, "\033[33m")) << plain.out;
}

// --- markdown -------------------------------------------------------------------------------

TEST(CliReport, MarkdownListsHighAndMediumInFullAndCountsTheRest) {
  ReportRun r = Armlint(kRules + "--format markdown " + kData + "/review");
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(Has(r.out, "| Category | High | Medium | Low | Total |")) << r.out;
  EXPECT_TRUE(Has(r.out, "### High and Medium findings")) << r.out;
  EXPECT_TRUE(Has(r.out, " | High | [test-storage-https](")) << r.out;
  EXPECT_TRUE(Has(r.out,
                  "| stweb | Storage account allows HTTP. (found: false) | Set "
                  "supportsHttpsTrafficOnly to true. |"))
      << r.out;
  // Low findings: one row per rule with its count, none listed one by one.
  EXPECT_TRUE(Has(r.out, "### Low findings, per rule")) << r.out;
  EXPECT_TRUE(Has(r.out, ") | Low | 5 | Storage account has no owner tag. |")) << r.out;
  EXPECT_FALSE(Has(r.out, "| stlogs1 |")) << r.out;
  EXPECT_TRUE(Has(r.out, "listed one by one in the full report")) << r.out;
}

TEST(CliReport, MarkdownOfThousandsOfFindingsFitsAPullRequestComment) {
  // 1,500 storage accounts, each with a High, a Medium and a Low finding: listed in full the
  // comment would be over ten times GitHub's 65,536 characters.
  const fs::path dir = Scratch("many");
  std::string resources;
  const int kAccounts = 1500;
  for (int i = 0; i < kAccounts; ++i) {
    if (i > 0) resources += ",\n";
    resources +=
        "{\"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": "
        "\"2023-01-01\", \"name\": \"stmany" +
        std::to_string(i) +
        "\", \"location\": \"westeurope\", \"properties\": "
        "{\"supportsHttpsTrafficOnly\": false, \"minimumTlsVersion\": \"TLS1_0\"}}";
  }
  std::ofstream(dir / "main.json")
      << "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/"
         "deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\", \"resources\": [\n"
      << resources << "]}\n";
  ReportRun r = Armlint(kRules + "--format markdown " + (dir / "main.json").string());
  EXPECT_EQ(r.code, 1);
  EXPECT_LE(r.out.size(), 65536u);
  EXPECT_GT(r.out.size(), 40000u) << "the room is used";
  EXPECT_TRUE(Has(r.out, "**4500 findings** (1500 high, 1500 medium, 1500 low)")) << r.out;
  EXPECT_TRUE(Has(r.out, "did not fit in this comment; counted below.")) << r.out;
  // Every finding is either a row of its own or counted in its rule's row.
  int rows = 0;
  int counted = 0;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with("| /") && Has(line, "main.json:")) ++rows;
    if (line.starts_with("| [test-storage-")) {
      // "| [id](link) | Impact | N | problem |"
      std::size_t a = line.find(" | ", line.find(") | ") + 4);
      counted += std::stoi(line.substr(a + 3));
    }
  }
  EXPECT_GT(rows, 50);
  EXPECT_EQ(rows + counted, 4500) << r.out;
}

// --- html -----------------------------------------------------------------------------------

// The text of the `<section>` whose heading starts with `heading`.
std::string Section(const std::string& html, const std::string& heading) {
  std::size_t at = html.find("<h2>" + heading);
  if (at == std::string::npos) return "";
  return html.substr(at, html.find("</section>", at) - at);
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(CliReport, HtmlHasSolutionsResourceNamesAndAssessmentCounts) {
  const fs::path dir = Scratch("html");
  const fs::path page = dir / "reports" / "armlint.html";
  fs::create_directories(page.parent_path());
  ReportRun r = Armlint(kRules + "-f html:" + page.string() + " " + kData + "/review");
  EXPECT_EQ(r.code, 1) << r.out;
  const std::string html = ReadFile(page);
  const std::string findings = Section(html, "Findings");
  EXPECT_TRUE(Has(findings, "<th>Solution</th>")) << findings;
  EXPECT_TRUE(Has(findings, "<td>Set supportsHttpsTrafficOnly to true.</td>")) << findings;
  EXPECT_TRUE(Has(findings, "stweb<span class=\"sub\">storageAccounts</span>")) << findings;
  EXPECT_TRUE(Has(findings, "found <code>false</code>")) << findings;
  EXPECT_FALSE(Has(findings, ">/resources/")) << "a JSON pointer instead of a name";
  // Each score cell says how many assessments it rests on: 6 accounts x 2 security rules.
  const std::string heat = Section(html, "Workloads");
  EXPECT_TRUE(Has(heat, "77 %<span class=\"n\">n=12</span>")) << heat;
  // The links work from the folder the page was written to.
  std::size_t href = findings.find("<a href=\"");
  ASSERT_NE(href, std::string::npos);
  std::string target = findings.substr(href + 9, findings.find('"', href + 9) - href - 9);
  target = target.substr(0, target.find('#'));
  EXPECT_TRUE(target.starts_with("../")) << target;
  EXPECT_TRUE(fs::exists(page.parent_path() / target)) << target;
}

TEST(CliReport, HtmlASingleLowFindingDoesNotPaintACellRed) {
  const fs::path page = Scratch("html_low") / "r.html";
  // Five of six accounts lack their owner tag: OpEx 17 %, from Low findings only.
  Armlint(kRules + "--only test-storage-owner-tag -f html:" + page.string() + " " + kData +
          "/review/other.json " + kData + "/review/main.json");
  const std::string heat = Section(ReadFile(page), "Workloads");
  ASSERT_FALSE(heat.empty());
  EXPECT_TRUE(Has(heat, "17 %<span class=\"n\">n=6</span>")) << heat;
  EXPECT_FALSE(Has(heat, "hsl(0,")) << "red from Low findings alone: " << heat;
  EXPECT_FALSE(Has(heat, "hsl(20,")) << heat;
  const fs::path one = Scratch("html_one") / "r.html";
  Armlint(kRules + "--only test-storage-owner-tag -f html:" + one.string() + " " + kData +
          "/review/other.json");
  // other.json has its owner tag: 100 % on 1 assessment, left uncoloured and labelled.
  EXPECT_TRUE(Has(ReadFile(one), "title=\"1 assessment: too few to judge\">100 %"))
      << ReadFile(one);
}

TEST(CliReport, HtmlRanksRulesByTheScoreTheyWouldRecover) {
  const fs::path page = Scratch("html_rank") / "r.html";
  Armlint(kRules + "-f html:" + page.string() + " " + kData + "/review");
  const std::string ranked = Section(ReadFile(page), "Rules ranked by the score");
  ASSERT_FALSE(ranked.empty());
  // Security 23/30 = 76.7 %, OpEx 1/6 = 16.7 %, overall 46.7 %. Fixing the owner tags: OpEx
  // 100 %, overall 88.3 % (+41.7); the TLS findings: Security 90 % (+6.7); HTTPS 86.7 % (+5.0).
  const std::size_t tag = ranked.find("test-storage-owner-tag");
  const std::size_t tls = ranked.find("test-storage-tls");
  const std::size_t https = ranked.find("test-storage-https");
  EXPECT_LT(tag, tls);
  EXPECT_LT(tls, https);
  EXPECT_TRUE(Has(ranked, "+41.7")) << ranked;
  EXPECT_TRUE(Has(ranked, "+6.7")) << ranked;
  EXPECT_TRUE(Has(ranked, "+5.0")) << ranked;
}

TEST(CliReport, HtmlIsReproducibleAndNamesTheCommit) {
  const fs::path dir = Scratch("html_repro");
  const std::string args = kRules + kData + "/review -f html:";
  Armlint(args + (dir / "a.html").string(), "SOURCE_DATE_EPOCH=1700000000 ");
  Armlint(args + (dir / "b.html").string(), "SOURCE_DATE_EPOCH=1700000000 ");
  const std::string a = ReadFile(dir / "a.html");
  EXPECT_TRUE(Has(a, "generated 2023-11-14 22:13 UTC")) << a.substr(0, 3000);
  EXPECT_EQ(a, ReadFile(dir / "b.html"));
  // The source tree is a git checkout (skip the commit check where it is not).
  ReportRun head = Shell("cd '" + kSrc + "' && git rev-parse --short=12 HEAD 2>/dev/null");
  if (head.code == 0 && head.out.size() > 1) {
    EXPECT_TRUE(Has(a, "commit <code>" + head.out.substr(0, 12) + "</code>")) << head.out;
  }
  // Outside git: no commit.
  const fs::path page = dir / "c.html";
  Shell("cd '" + dir.string() + "' && '" + ARMLINT_CLI_PATH + "' --no-default-rules --rules '" +
        kSrc + "/" + kData + "/rules' -f html:c.html '" + kSrc + "/" + kData +
        "/review' >/dev/null 2>&1");
  const std::string c = ReadFile(page);
  ASSERT_FALSE(c.empty());
  EXPECT_FALSE(Has(c, "commit <code>")) << "outside git";
}

TEST(CliReport, HtmlSaysHowManyFindingsTheBaselineHides) {
  const fs::path dir = Scratch("html_baseline");
  Armlint(kRules + "--write-baseline " + (dir / "base.json").string() +
          " -f json:" + (dir / "x.json").string() + " " + kData + "/review");
  ReportRun r = Armlint(kRules + "--baseline " + (dir / "base.json").string() +
                        " -f html:" + (dir / "r.html").string() + " " + kData + "/review");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(Has(ReadFile(dir / "r.html"), "8 hidden by the baseline, 0 fixed since"));
}

// --- portfolio ------------------------------------------------------------------------------

// The workload of each file in the JSON report `out` (file -> workload).
std::map<std::string, std::string> Workloads(const std::string& out) {
  std::map<std::string, std::string> by_file;
  json::value v = json::parse(out);
  for (const json::value& f : v.at("findings").as_array()) {
    std::string file(f.at("location").at("file").as_string());
    by_file[file.substr(file.rfind('/') + 1)] = std::string(f.at("workload").as_string());
  }
  return by_file;
}

TEST(CliReport, AWorkloadRootMakesWorkloadsIndependentOfWhereArmlintRuns) {
  const std::string root = kSrc + "/" + kData;
  const std::string rules = " --no-default-rules --rules '" + root + "/rules' -f json ";
  auto from = [&](const std::string& cwd, const std::string& args) {
    return Workloads(
        Shell("cd '" + cwd + "' && '" + ARMLINT_CLI_PATH + "'" + rules + args + " 2>/dev/null")
            .out);
  };
  const std::string wr = "--workload-root '" + root + "' ";
  // The same files linted from three folders, named three ways.
  const auto a = from(kSrc, wr + kData);
  const auto b = from(root + "/review", wr + "main.json other.json");
  const auto c = from(kSrc + "/tests/cli", "--workload-root ../cli/report_data report_data/review");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a.at("main.json"), "review");
  EXPECT_EQ(a.at("other.json"), "review");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, c);
  // Without it, files named one by one belong to their folder; with a root above, to the
  // first folder below the root.
  EXPECT_EQ(from(root + "/review", "main.json").at("main.json"), "review");
  EXPECT_EQ(from(kSrc, "--workload-root tests " + kData + "/review/main.json").at("main.json"),
            "cli");
  ReportRun bad = Armlint(kRules + "--workload-root no/such/dir " + kData, "", true);
  EXPECT_EQ(bad.code, 2);
  EXPECT_TRUE(Has(bad.out, "--workload-root: no folder 'no/such/dir'")) << bad.out;
}

// The config says the same once for its repository: "workloadRoot", relative to the config.
TEST(CliReport, AConfigWorkloadRootIsTheDefaultAndTheFlagBeatsIt) {
  const fs::path dir = Scratch("workload_root");
  fs::create_directories(dir / "infra" / "web" / "deep");
  fs::copy_file(kSrc + "/" + kData + "/review/main.json",
                dir / "infra" / "web" / "deep" / "main.json");
  std::ofstream(dir / ".armlint.json") << R"({"workloadRoot": "infra"})";
  const std::string rules =
      " --no-default-rules --rules '" + kSrc + "/" + kData + "/rules' -f json ";
  auto from = [&](const fs::path& cwd, const std::string& args) {
    return Workloads(Shell("cd '" + cwd.string() + "' && '" + ARMLINT_CLI_PATH + "'" + rules +
                           args + " 2>/dev/null")
                         .out);
  };
  // Named on its own (as pre-commit does) from two folders: the config's root decides.
  EXPECT_EQ(from(dir, "infra/web/deep/main.json").at("main.json"), "web");
  EXPECT_EQ(from(dir / "infra" / "web" / "deep", "main.json").at("main.json"), "web");
  EXPECT_EQ(from(dir, "--workload-root infra/web infra/web/deep/main.json").at("main.json"),
            "deep");
}

TEST(CliReport, LabelledReportsOfSeveralRepositoriesMergeWithoutCollisions) {
  const fs::path dir = Scratch("label");
  // Two "repositories" with the same layout: infra/main.json in both.
  for (const char* repo : {"repo-a", "repo-b"}) {
    fs::create_directories(dir / repo / "infra");
    fs::copy_file(kSrc + "/" + kData + "/review/main.json", dir / repo / "infra" / "main.json");
    Shell("cd '" + (dir / repo).string() + "' && '" + ARMLINT_CLI_PATH +
          "' --no-default-rules --rules '" + kSrc + "/" + kData + "/rules' --label " + repo +
          " -f json:../" + repo + ".json . >/dev/null 2>&1");
  }
  json::value a = json::parse(ReadFile(dir / "repo-a.json"));
  EXPECT_EQ(a.at("label"), "repo-a");
  EXPECT_EQ(a.at("workloads").at(0).at("name"), "repo-a/infra");
  ReportRun merged = Shell("cd '" + dir.string() + "' && '" + ARMLINT_CLI_PATH +
                           "' merge repo-a.json repo-b.json 2>&1");
  EXPECT_EQ(merged.code, 0) << merged.out;
  json::value m = json::parse(merged.out);
  const json::array& workloads = m.at("workloads").as_array();
  ASSERT_EQ(workloads.size(), 2u) << merged.out;
  EXPECT_EQ(workloads[0].at("name"), "repo-a/infra");
  EXPECT_EQ(workloads[1].at("name"), "repo-b/infra");
  EXPECT_EQ(m.at("summary").at("findings").as_int64(), 14);
  std::set<std::string> files;
  for (const json::value& f : m.at("findings").as_array()) {
    files.insert(std::string(f.at("location").at("file").as_string()));
    // The value found (or that it is missing) survives the JSON report and the merge.
    if (f.at("ruleId") == "test-storage-https") {
      EXPECT_EQ(f.at("value"), "false");
    }
    if (f.at("ruleId") == "test-storage-owner-tag") {
      EXPECT_EQ(f.at("valueMissing"), true);
    }
  }
  EXPECT_EQ(files, (std::set<std::string>{"repo-a/infra/main.json", "repo-b/infra/main.json"}));
  ReportRun bad = Armlint(kRules + "--label a/b " + kData, "", true);
  EXPECT_EQ(bad.code, 2);
}

}  // namespace
