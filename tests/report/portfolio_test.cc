// The portfolio view end to end: a small hand-made portfolio linted with a test rule pack, its
// scores computed by hand; the JSON workloads; --shard + merge equal to one run; baselines.
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"
#include <boost/json.hpp>

#include "armlint/armlint.hpp"
#include "report/report_test_util.h"

namespace armlint {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr int kSec = static_cast<int>(Category::kSecurity);
constexpr int kRel = static_cast<int>(Category::kReliability);
constexpr int kCost = static_cast<int>(Category::kCost);

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string Rule(const std::string& id, const std::string& category, const std::string& impact,
                 const std::string& type, const std::string& condition) {
  return R"({"id": ")" + id + R"(", "category": ")" + category + R"(", "impact": ")" + impact +
         R"(", "resourceType": ")" + type +
         R"(", "problem": "p.", "solution": "s.", "learnMoreLink": "https://learn.microsoft.com/x",
         "if": )" +
         condition + "}";
}

std::string Storage(const std::string& name, const std::string& https, const std::string& tls,
                    const std::string& sku) {
  std::string props = R"("supportsHttpsTrafficOnly": )" + https;
  if (!tls.empty()) props += R"(, "minimumTlsVersion": ")" + tls + "\"";
  return R"({"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": ")" +
         name + R"(", "location": "westeurope", "sku": {"name": ")" + sku +
         R"("}, "kind": "StorageV2", "properties": {)" + props + "}}";
}

std::string Template(const std::string& params, const std::string& resources) {
  return R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0", "parameters": {)" +
         params + R"(}, "resources": [)" + resources + "]}\n";
}

// Rules: t-sec-high (Security, High): supportsHttpsTrafficOnly false; t-sec-low (Security, Low):
// minimumTlsVersion not TLS1_2 (absent fails too); t-rel-med (Reliability, Medium): sku
// Standard_LRS; t-cost (Cost, Medium) targets web sites, of which there are none.
//
// web/app.json  sa1: https false, TLS1_0, LRS  -> sec-high FAIL, sec-low FAIL, rel FAIL
//               sa2: https true, no TLS,  ZRS  -> sec-high ok,   sec-low FAIL, rel ok
// data/db.json  sa3: https [parameters('https')] (no value: unknown), TLS1_2, LRS with an
//               inline suppression of t-rel-med -> sec-high UNKNOWN, sec-low ok, rel suppressed
// A new folder of its own under the test temp dir: parallel runs (ctest -j, several checkouts
// on one machine) never share or delete each other's files.
std::string UniqueDir(const std::string& name) {
  std::string tmpl = ::testing::TempDir() + "/armlint_" + name + "_XXXXXX";
  if (mkdtemp(tmpl.data()) == nullptr) ADD_FAILURE() << "mkdtemp " << tmpl;
  return tmpl;
}

struct Portfolio {
  std::string root;
  std::string rules;
  Portfolio() {
    root = UniqueDir(std::string("portfolio_") +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    rules = root + "-rules";
    Write(rules + "/t-sec-high.json",
          Rule("t-sec-high", "Security", "High", "Microsoft.Storage/storageAccounts",
               R"({"field": "properties.supportsHttpsTrafficOnly", "equals": false})"));
    Write(rules + "/t-sec-low.json",
          Rule("t-sec-low", "Security", "Low", "Microsoft.Storage/storageAccounts",
               R"({"field": "properties.minimumTlsVersion", "notEquals": "TLS1_2"})"));
    Write(rules + "/t-rel-med.json",
          Rule("t-rel-med", "Reliability", "Medium", "Microsoft.Storage/storageAccounts",
               R"({"field": "sku.name", "equals": "Standard_LRS"})"));
    Write(rules + "/t-cost.json", Rule("t-cost", "Cost", "Medium", "Microsoft.Web/sites",
                                       R"({"field": "kind", "equals": "app"})"));
    Write(root + "/web/app.json",
          Template("", Storage("sa1", "false", "TLS1_0", "Standard_LRS") + ",\n" +
                           Storage("sa2", "true", "", "Standard_ZRS")));
    Write(root + "/data/db.json",
          Template(R"("https": {"type": "bool"})",
                   "\n// armlint-disable-next-line t-rel-med -- LRS is fine for scratch data\n" +
                       Storage("sa3", "\"[parameters('https')]\"", "TLS1_2", "Standard_LRS")));
  }
  Options options() const {
    Options o;
    o.builtin_rules = false;
    o.rule_dirs = {rules};
    o.use_config = false;
    return o;
  }
};

const FileSummary* Find(const LintResult& r, const std::string& workload) {
  for (const FileSummary& f : r.files_linted) {
    if (f.workload == workload) return &f;
  }
  return nullptr;
}

// Scores by hand (weights High 3, Medium 2, Low 1; unknown left out; suppressed healthy):
//   web   Security: High 2 assessed, 1 failing; Low 2 assessed, 2 failing
//                   -> (3*1 + 1*0) / (3*2 + 1*2) = 3/8 = 37.5 %
//         Reliability: Medium 2, 1 failing -> 50 %;  Cost: nothing applies -> no score
//         overall (37.5 + 50) / 2 = 43.75 %
//   data  Security: High unknown (left out), Low 1 healthy -> 100 %
//         Reliability: Medium 1, suppressed = healthy -> 100 %;  overall 100 %
//   all   Security: High 2/1 failing, Low 3/2 failing -> (3*1 + 1*1) / (3*2 + 1*3) = 4/9
//         = 44.44 %;  Reliability 3, 1 failing -> 66.67 %;  overall (44.44 + 66.67) / 2 = 55.56 %
TEST(Portfolio, ScoresOfAHandMadePortfolio) {
  Portfolio p;
  absl::StatusOr<Engine> engine = Engine::Create(p.options());
  ASSERT_TRUE(engine.ok()) << engine.status();
  LintResult r = engine->LintPaths({p.root});
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  ASSERT_EQ(r.files_linted.size(), 2u);
  const FileSummary* web = Find(r, "web");
  const FileSummary* data = Find(r, "data");
  ASSERT_NE(web, nullptr);
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(web->resources, 2);
  EXPECT_EQ(web->assessments.Total(), 6);
  EXPECT_EQ(data->assessments.unknown[kSec][0], 1);
  const Scores ws = ComputeScores(web->assessments);
  EXPECT_DOUBLE_EQ(*ws.category[kSec], 37.5);
  EXPECT_DOUBLE_EQ(*ws.category[kRel], 50.0);
  EXPECT_FALSE(ws.category[kCost].has_value());
  EXPECT_DOUBLE_EQ(*ws.overall, 43.75);
  const Scores ds = ComputeScores(data->assessments);
  EXPECT_DOUBLE_EQ(*ds.category[kSec], 100.0);
  EXPECT_DOUBLE_EQ(*ds.category[kRel], 100.0);
  Assessments all;
  for (const FileSummary& f : r.files_linted) all.Add(f.assessments);
  const Scores ps = ComputeScores(all);
  EXPECT_NEAR(*ps.category[kSec], 400.0 / 9, 1e-9);
  EXPECT_NEAR(*ps.category[kRel], 200.0 / 3, 1e-9);
  EXPECT_NEAR(*ps.overall, (400.0 / 9 + 200.0 / 3) / 2, 1e-9);
  for (const Finding& f : r.findings) {
    EXPECT_EQ(f.workload, f.location.file.find("/web/") != std::string::npos ? "web" : "data");
  }

  // The JSON report carries the same numbers, rounded to one decimal.
  boost::system::error_code ec;
  json::value doc = json::parse(testing::Render(r, Format::kJson), ec);
  ASSERT_FALSE(ec);
  const json::value& score = doc.at("summary").at("score");
  EXPECT_DOUBLE_EQ(score.at("Security").to_number<double>(), 44.4);
  EXPECT_DOUBLE_EQ(score.at("Reliability").to_number<double>(), 66.7);
  EXPECT_TRUE(score.at("Cost").is_null());
  EXPECT_DOUBLE_EQ(score.at("overall").to_number<double>(), 55.6);
  const json::array& workloads = doc.at("workloads").as_array();
  ASSERT_EQ(workloads.size(), 2u);
  EXPECT_EQ(workloads[0].at("name").as_string(), "data");
  EXPECT_EQ(workloads[1].at("name").as_string(), "web");
  EXPECT_EQ(workloads[1].at("files").as_int64(), 1);
  EXPECT_EQ(workloads[1].at("findings").at("total").as_int64(), 4);
  EXPECT_EQ(workloads[1].at("findings").at("byImpact").at("Low").as_int64(), 2);
  EXPECT_DOUBLE_EQ(workloads[1].at("score").at("overall").to_number<double>(), 43.8);
  EXPECT_EQ(workloads[0].at("findings").at("total").as_int64(), 0);

  // Text: the pillars x workloads table.
  const std::string text = testing::Render(r, Format::kText);
  // Columns: Workload (11 wide), Cost (4), Security (8), ... two spaces apart.
  EXPECT_NE(text.find("web" + std::string(10, ' ') + "-" + std::string(5, ' ') + "38 %" +
                      std::string(6, ' ') + "50 %"),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find("(portfolio)  -" + std::string(5, ' ') + "44 %" + std::string(6, ' ') + "67 %"),
      std::string::npos)
      << text;
}

TEST(Portfolio, ConfiguredWorkloadsAndImpactOverrides) {
  Portfolio p;
  // Both files in one workload; t-sec-low raised to High: Security High 5 assessed (sec-high:
  // sa1 fail, sa2 ok; sec-low: sa1 fail, sa2 fail, sa3 ok) -> 3 failing -> 2/5 = 40 %.
  Write(
      p.root + "/.armlint.json",
      R"({"workloads": {"**/*.json": "everything"}, "rules": {"impact": {"t-sec-low": "High"}}})");
  Options o = p.options();
  o.config_file = p.root + "/.armlint.json";
  o.use_config = true;
  absl::StatusOr<Engine> engine = Engine::Create(o);
  ASSERT_TRUE(engine.ok()) << engine.status();
  LintResult r = engine->LintPaths({p.root});
  ASSERT_EQ(r.files_linted.size(), 2u);
  Assessments all;
  for (const FileSummary& f : r.files_linted) {
    EXPECT_EQ(f.workload, "everything");
    all.Add(f.assessments);
  }
  EXPECT_EQ(all.assessed[kSec][0], 5);
  EXPECT_EQ(all.assessed[kSec][2], 0);
  EXPECT_DOUBLE_EQ(*ComputeScores(all).category[kSec], 40.0);
}

TEST(Portfolio, BaselineShowsTheScoreChange) {
  Portfolio p;
  absl::StatusOr<Engine> before = Engine::Create(p.options());
  ASSERT_TRUE(before.ok());
  const std::string baseline = p.root + "-baseline.json";
  ASSERT_TRUE(WriteBaseline(before->LintPaths({p.root}), baseline).ok());
  // Fix sa1's HTTPS: Security High 2 assessed, none failing; Low 3, 2 failing
  // -> (3*2 + 1*1) / 9 = 77.78 %.
  Write(p.root + "/web/app.json",
        Template("", Storage("sa1", "true", "TLS1_0", "Standard_LRS") + ",\n" +
                         Storage("sa2", "true", "", "Standard_ZRS")));
  Options o = p.options();
  o.baseline_file = baseline;
  absl::StatusOr<Engine> after = Engine::Create(o);
  ASSERT_TRUE(after.ok());
  LintResult r = after->LintPaths({p.root});
  ASSERT_TRUE(r.baseline_scores.has_value());
  EXPECT_DOUBLE_EQ(*r.baseline_scores->category[kSec], 44.4);
  EXPECT_FALSE(r.baseline_scores->category[kCost].has_value());
  const std::string text = testing::Render(r, Format::kText);
  EXPECT_NE(text.find("44 % -> 78 %"), std::string::npos) << text;
  const std::string md = testing::Render(r, Format::kMarkdown);
  EXPECT_NE(md.find("44 %"), std::string::npos) << md;
  EXPECT_NE(md.find("78 %"), std::string::npos) << md;
  const std::string html = testing::Render(r, Format::kHtml);
  EXPECT_NE(html.find("44 % &rarr; 78 %"), std::string::npos);
  const std::string js = testing::Render(r, Format::kJson);
  EXPECT_NE(js.find("\"baselineScore\""), std::string::npos);
}

// A native check is assessed once per template, however many findings it makes there:
//   a.json: two unused parameters -> 2 findings, 1 failing assessment
//   b.json: none unused           -> 1 healthy assessment
// OperationalExcellence Medium: 2 assessed, 1 failing -> 2*1 / 2*2 = 50 %.
TEST(Portfolio, NativeChecksAreAssessedOncePerTemplate) {
  Portfolio p;
  const std::string pack = p.root + "-native";
  std::filesystem::remove_all(pack);  // a pack left by an earlier run would load too
  Write(pack + "/template-unused-parameter.json",
        R"({"id": "template-unused-parameter", "category": "OperationalExcellence",
            "impact": "Medium", "problem": "p.", "solution": "s.",
            "learnMoreLink": "https://learn.microsoft.com/x",
            "check": "template-unused-parameter"})");
  const std::string dir = p.root + "-native-files";
  Write(dir + "/w/a.json", Template(R"("x": {"type": "string"}, "y": {"type": "int"})", ""));
  Write(dir + "/w/b.json", Template(R"("x": {"type": "string", "defaultValue": "v"})",
                                    Storage("[parameters('x')]", "true", "", "Standard_LRS")));
  Options o;
  o.builtin_rules = false;
  o.rule_dirs = {pack};
  o.use_config = false;
  absl::StatusOr<Engine> engine = Engine::Create(o);
  ASSERT_TRUE(engine.ok()) << engine.status();
  LintResult r = engine->LintPaths({dir});
  EXPECT_EQ(r.findings.size(), 2u);
  Assessments all;
  for (const FileSummary& f : r.files_linted) all.Add(f.assessments);
  const int opex = static_cast<int>(Category::kOperationalExcellence);
  EXPECT_EQ(all.assessed[opex][1], 2);
  EXPECT_EQ(all.failed[opex][1], 1);
  EXPECT_DOUBLE_EQ(*ComputeScores(all).category[opex], 50.0);
}

// Runs the CLI; returns its exit code.
// Runs the CLI with `args`, from `cwd` when one is given.
int Cli(const std::string& args, const std::string& cwd = "") {
  std::string out;
  return testing::RunCommand(
      (cwd.empty() ? "" : "cd '" + cwd + "' && ") + "'" + ARMLINT_CLI_PATH + "' " + args, &out);
}

json::value ReadJson(const std::string& path) {
  boost::system::error_code ec;
  json::value v = json::parse(testing::ReadFile(path), ec);
  EXPECT_FALSE(ec) << path;
  return v;
}

// Lints `paths` in one run and in `n` shards, merges the shards, and compares: the summary (with
// its scores), the workloads and the findings must be the same.
void ExpectShardsMergeToOneRun(const std::string& lint_args, const std::string& name, int n,
                               const std::string& cwd = "") {
  const std::string dir = UniqueDir("shards_" + name);
  // Exit 2 is allowed: the corpus has templates that cannot be expanded (reported as errors).
  const int code = Cli(lint_args + " -f json -o " + dir + "/all.json", cwd);
  ASSERT_LE(code, 2);
  std::string shards;
  for (int k = 1; k <= n; ++k) {
    const std::string out = dir + "/shard" + std::to_string(k) + ".json";
    ASSERT_LE(Cli(lint_args + " -f json -o " + out + " --shard " + std::to_string(k) + "/" +
                      std::to_string(n),
                  cwd),
              2);
    shards += " " + out;
  }
  // merge exits like the run would without --fail-on: 2 when the reports carry input errors.
  ASSERT_EQ(Cli("merge" + shards + " -o " + dir + "/merged.json"), code == 2 ? 2 : 0);
  json::value all = ReadJson(dir + "/all.json");
  json::value merged = ReadJson(dir + "/merged.json");
  EXPECT_EQ(all.at("summary"), merged.at("summary"));
  EXPECT_EQ(all.at("workloads"), merged.at("workloads"));
  EXPECT_EQ(all.at("findings"), merged.at("findings"));
  EXPECT_GT(all.at("summary").at("files").as_int64(), 0);
  // Every shard linted something less than everything (the split is real).
  for (int k = 1; k <= n; ++k) {
    json::value s = ReadJson(dir + "/shard" + std::to_string(k) + ".json");
    EXPECT_LT(s.at("summary").at("files").as_int64(), all.at("summary").at("files").as_int64());
  }
  EXPECT_EQ(all.at("errors"), merged.at("errors"));
  ASSERT_EQ(Cli("merge" + shards + " -f html -o " + dir + "/merged.html"), code == 2 ? 2 : 0);
  EXPECT_NE(testing::ReadFile(dir + "/merged.html").find("</html>"), std::string::npos);
}

TEST(Portfolio, ShardsMergedEqualOneRun) {
  Portfolio p;
  for (int i = 0; i < 6; ++i) {
    Write(p.root + "/more" + std::to_string(i % 3) + "/f" + std::to_string(i) + ".json",
          Template("", Storage("s" + std::to_string(i), i % 2 ? "true" : "false", "TLS1_2",
                               i % 3 ? "Standard_LRS" : "Standard_GRS")));
  }
  // Linted as "." from the portfolio's folder: shards hash the paths as given, and these must
  // not depend on the random name of the temporary folder for the split to be a real one.
  ExpectShardsMergeToOneRun("--no-default-rules --rules " + p.rules + " --no-config .", "handmade",
                            3, p.root);
}

TEST(Portfolio, CorpusShardsMergedEqualOneRun) {
  if (!fs::is_directory(ARMLINT_CORPUS_DIR)) {
    GTEST_SKIP() << "corpus not found at " << ARMLINT_CORPUS_DIR;
  }
  ExpectShardsMergeToOneRun(std::string("--no-config ") + ARMLINT_CORPUS_DIR, "corpus", 4);
}

TEST(Portfolio, MergeRejectsWhatIsNotAReport) {
  const std::string path = testing::WriteTemp("not_a_report.json", R"({"findings": []})");
  EXPECT_EQ(Cli("merge " + path), 2);
  EXPECT_EQ(Cli("merge /no/such/report.json"), 2);
  EXPECT_EQ(Cli("--shard 3/2 x.json"), 2);
  EXPECT_EQ(Cli("--shard 1/0 x.json"), 2);
}

}  // namespace
}  // namespace armlint
