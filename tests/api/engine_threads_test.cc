// One Engine shared by two threads gives the same results as sequential runs (issue 7). Run it
// under ThreadSanitizer with `make test-tsan` (-DARMLINT_SANITIZE=thread).
#include <sched.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

#include "armlint/armlint.hpp"

namespace armlint {
namespace {

namespace fs = std::filesystem;

struct Input {
  std::string name;
  std::string text;
};

// The repository's example and CLI test templates, and up to 40 corpus templates when the
// corpus is there: templates with findings, clean ones, exports, and a broken file.
std::vector<Input> Inputs() {
  std::vector<fs::path> files;
  for (const char* dir : {"examples", "tests/cli/testdata/lint"}) {
    for (const auto& e : fs::directory_iterator(fs::path(ARMLINT_SOURCE_DIR) / dir)) {
      if (e.path().extension() == ".json") files.push_back(e.path());
    }
  }
  fs::path corpus = fs::path(ARMLINT_CORPUS_DIR) / "quickstart";
  if (fs::exists(corpus)) {
    std::vector<fs::path> more;
    for (const auto& e : fs::recursive_directory_iterator(corpus)) {
      if (e.path().extension() == ".json") more.push_back(e.path());
    }
    std::sort(more.begin(), more.end());
    if (more.size() > 40) more.resize(40);
    files.insert(files.end(), more.begin(), more.end());
  }
  std::sort(files.begin(), files.end());
  std::vector<Input> out;
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    out.push_back({p.lexically_relative(ARMLINT_SOURCE_DIR).string(), text.str()});
  }
  return out;
}

std::string Json(const LintResult& result) {
  ReportOptions options;
  options.format = Format::kJson;
  absl::StatusOr<std::string> report = FormatReport(result, options);
  return report.ok() ? *report : report.status().ToString();
}

TEST(EngineThreads, TwoThreadsLintingBuffersMatchSequentialRuns) {
  std::vector<Input> inputs = Inputs();
  ASSERT_GE(inputs.size(), 8u);
  absl::StatusOr<Engine> engine = Engine::Create(Options{});
  ASSERT_TRUE(engine.ok()) << engine.status();

  std::vector<std::string> expected;
  int findings = 0;
  for (const Input& in : inputs) {
    LintResult r = engine->LintBuffer(in.name, in.text);
    findings += static_cast<int>(r.findings.size());
    expected.push_back(Json(r));
  }
  ASSERT_GT(findings, 0) << "the inputs should have findings for the comparison to mean much";

  // Both threads lint every input, in opposite orders, so they hit the same rules at once.
  const Engine& shared = *engine;
  auto run = [&](bool reverse, std::vector<std::string>& out) {
    out.assign(inputs.size(), "");
    for (std::size_t k = 0; k < inputs.size(); ++k) {
      std::size_t i = reverse ? inputs.size() - 1 - k : k;
      out[i] = Json(shared.LintBuffer(inputs[i].name, inputs[i].text));
    }
  };
  std::vector<std::string> a, b;
  std::thread ta(run, false, std::ref(a));
  std::thread tb(run, true, std::ref(b));
  ta.join();
  tb.join();
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    EXPECT_EQ(a[i], expected[i]) << inputs[i].name;
    EXPECT_EQ(b[i], expected[i]) << inputs[i].name;
  }
}

TEST(EngineThreads, TwoThreadsLintingPathsMatchSequentialRun) {
  absl::StatusOr<Engine> engine = Engine::Create(Options{});
  ASSERT_TRUE(engine.ok()) << engine.status();
  const std::vector<std::string> paths = {std::string(ARMLINT_SOURCE_DIR) + "/examples",
                                          std::string(ARMLINT_SOURCE_DIR) + "/tests/cli/testdata"};
  LintResult sequential = engine->LintPaths(paths, 1);
  ASSERT_FALSE(sequential.findings.empty());
  ASSERT_FALSE(sequential.errors.empty());  // broken.json
  const std::string expected = Json(sequential);

  // Each thread also fans out to two workers of its own: four linting threads on one engine.
  std::string a, b;
  std::thread ta([&] { a = Json(engine->LintPaths(paths, 2)); });
  std::thread tb([&] { b = Json(engine->LintPaths(paths, 2)); });
  ta.join();
  tb.join();
  EXPECT_EQ(a, expected);
  EXPECT_EQ(b, expected);
}

// A folder of generated templates: copies of the examples with findings, padded to sizes from
// a few hundred bytes to ~200 KB, under names whose creation order is not their sorted order,
// in nested folders.
std::string GeneratedFolder() {
  const fs::path root = fs::path(::testing::TempDir()) / "armlint_engine_threads_generated";
  fs::remove_all(root);
  const std::vector<std::string> sources = {"storage-v2.json", "webapp-classic.json",
                                            "exported-resources.json", "clean.json"};
  std::vector<std::string> texts;
  for (const std::string& name : sources) {
    std::ifstream in(fs::path(ARMLINT_SOURCE_DIR) / "examples" / name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
  }
  for (int i = 0; i < 48; ++i) {
    // Folders z, y, x, ... made first; each holds files numbered down.
    const fs::path dir =
        root / std::string(1, static_cast<char>('z' - i % 6)) / ("d" + std::to_string(i % 4));
    fs::create_directories(dir);
    std::string text = texts[static_cast<std::size_t>(i) % texts.size()];
    // A template's padding: a large unused "metadata" string (exports stay as they are).
    const std::size_t pad = static_cast<std::size_t>((i * 7919) % 200000);
    if (text.find("\"$schema\"") != std::string::npos && text.find('{') == 0) {
      text.insert(1, "\n  \"metadata\": {\"pad\": \"" + std::string(pad, 'p') + "\"},");
    }
    std::ofstream(dir / ("f" + std::to_string(99 - i) + ".json"), std::ios::binary) << text;
  }
  return root.string();
}

// Files of very different sizes, found in an order other than the report's: whatever thread
// lints what, and whenever each file ends, the findings come out in one order and the JSON
// report is the same byte for byte. A run with a thread for each CPU keeps each to its own
// (util/thread.h); the caller's CPUs are its own again after it.
TEST(EngineThreads, GeneratedFolderReportsAlikeWithAnyJobs) {
  absl::StatusOr<Engine> engine = Engine::Create(Options{});
  ASSERT_TRUE(engine.ok()) << engine.status();
  const std::vector<std::string> paths = {GeneratedFolder()};
  LintResult one = engine->LintPaths(paths, 1);
  ASSERT_GE(one.files, 40);
  ASSERT_GT(one.findings.size(), 100u);
  const std::string expected = Json(one);
#ifdef __linux__
  cpu_set_t before;
  ASSERT_EQ(sched_getaffinity(0, sizeof before, &before), 0);
  const int cpus = CPU_COUNT(&before);
#else
  const int cpus = 2;
#endif
  for (int jobs : {2, 3, 8, cpus}) {
    LintResult many = engine->LintPaths(paths, jobs);
#ifdef __linux__
    cpu_set_t after;
    ASSERT_EQ(sched_getaffinity(0, sizeof after, &after), 0);
    EXPECT_TRUE(CPU_EQUAL(&after, &before)) << jobs;
#endif
    ASSERT_EQ(many.findings.size(), one.findings.size()) << jobs;
    for (std::size_t i = 0; i < one.findings.size(); ++i) {
      ASSERT_EQ(many.findings[i].location.file, one.findings[i].location.file) << jobs << " " << i;
      ASSERT_EQ(many.findings[i].location.line, one.findings[i].location.line) << jobs << " " << i;
      ASSERT_EQ(many.findings[i].rule_id, one.findings[i].rule_id) << jobs << " " << i;
    }
    EXPECT_EQ(Json(many), expected) << jobs;
  }
}

TEST(EngineThreads, CopiesShareRulesAndLintAlike) {
  absl::StatusOr<Engine> engine = Engine::Create(Options{});
  ASSERT_TRUE(engine.ok()) << engine.status();
  std::vector<Input> inputs = Inputs();
  std::string a, b;
  {
    Engine copy = *engine;  // cheap copy; outlives nothing it depends on
    std::thread ta([&] { a = Json(copy.LintBuffer(inputs[0].name, inputs[0].text)); });
    std::thread tb([&] { b = Json(engine->LintBuffer(inputs[0].name, inputs[0].text)); });
    ta.join();
    tb.join();
  }
  EXPECT_EQ(a, b);
  EXPECT_EQ(engine->Rules().size(), Engine(*engine).Rules().size());
}

}  // namespace
}  // namespace armlint
