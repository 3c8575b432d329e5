// Smoke test over the shared corpus: every file loads, classifies and lints without an
// internal error, and the counts per manifest kind are what the corpus holds.
#include <filesystem>
#include <map>

#include "gtest/gtest.h"

#include "armlint/armlint.hpp"
#include "json/document.h"
#include "manifest/classify.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> CorpusFiles() {
  std::vector<std::string> files;
  fs::path root(ARMLINT_CORPUS_DIR);
  if (!fs::is_directory(root)) return files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(CorpusSmoke, EveryFileLoadsAndClassifies) {
  std::vector<std::string> files = CorpusFiles();
  if (files.empty()) GTEST_SKIP() << "corpus not found at " << ARMLINT_CORPUS_DIR << "; skipped";
  std::map<std::string, int> by_kind;
  for (const std::string& f : files) {
    auto doc = Document::Load(f);
    ASSERT_TRUE(doc.ok()) << f << ": " << doc.status();
    Classification c = Classify((*doc)->root());
    ++by_kind[std::string(ManifestKindName(c.kind))];
    if (f.find("/avm/") != std::string::npos || f.find("/lenient/") != std::string::npos) {
      EXPECT_EQ(c.kind, ManifestKind::kTemplate) << f;
    }
    if (f.find("/exports/") != std::string::npos) {
      EXPECT_EQ(c.kind, ManifestKind::kResourceExport) << f;
    }
    if (f.find("azuredeploy.parameters.json") != std::string::npos) {
      EXPECT_EQ(c.kind, ManifestKind::kParameters) << f;
    }
  }
  for (const auto& [kind, n] : by_kind) std::cout << "[ corpus   ] " << kind << ": " << n << "\n";
  EXPECT_GE(by_kind["template"], 700);
  EXPECT_GT(by_kind["export"], 60);
}

TEST(CorpusSmoke, LintingTheCorpusHasNoInternalError) {
  if (CorpusFiles().empty()) GTEST_SKIP() << "corpus not found at " << ARMLINT_CORPUS_DIR;
  absl::StatusOr<Engine> engine = Engine::Create(Options{});
  ASSERT_TRUE(engine.ok()) << engine.status();
  LintResult a = engine->LintPaths({ARMLINT_CORPUS_DIR}, 2);
  EXPECT_GT(a.files, 850);
  EXPECT_GT(a.resources, 3000);
  for (const ::armlint::InputError& e : a.errors) {
    EXPECT_EQ(e.message.find("internal"), std::string::npos)
        << e.location.file << ": " << e.message;
  }
  std::cout << "[ corpus   ] files " << a.files << ", resources " << a.resources << ", findings "
            << a.findings.size() << ", errors " << a.errors.size() << "\n";
  // Deterministic: a second run with one thread gives the same findings in the same order.
  LintResult b = engine->LintPaths({ARMLINT_CORPUS_DIR}, 1);
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    EXPECT_EQ(a.findings[i].rule_id, b.findings[i].rule_id);
    EXPECT_EQ(a.findings[i].location.line, b.findings[i].location.line);
  }
}

}  // namespace
}  // namespace armlint::internal
