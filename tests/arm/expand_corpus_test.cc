// Expands every template of the shared corpus (avm/, quickstart/, lenient/): none may fail
// with an Internal error. Prints how many expanded, the resources produced and the errors by
// message, the figures issue 3 asks for.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "arm/expand.h"
#include "arm/parameter_files.h"
#include "json/document.h"

namespace armlint::internal {
namespace {

// A message with quoted names replaced by '…', so that errors group by kind.
std::string MessageKind(std::string_view m) {
  std::string out;
  bool in_quote = false;
  for (char c : m) {
    if (c == '\'') {
      if (!in_quote) out += "'...'";
      in_quote = !in_quote;
      continue;
    }
    if (!in_quote) out += c;
  }
  return out;
}

int CountUnknowns(const Value& v, int& total) {
  ++total;
  if (v.is_unknown()) return 1;
  int n = 0;
  if (v.is_array()) {
    for (const Value* i : v.items()) n += CountUnknowns(*i, total);
  } else if (v.is_object()) {
    for (const Member& m : v.members()) n += CountUnknowns(*m.value, total);
  }
  return n;
}

TEST(ExpandCorpus, EveryTemplateExpandsWithoutInternalError) {
  namespace fs = std::filesystem;
  fs::path corpus(ARMLINT_CORPUS_DIR);
  std::ifstream manifest(corpus / "MANIFEST.tsv");
  if (!manifest) GTEST_SKIP() << "corpus not found at " << corpus << " (MANIFEST.tsv)";
  std::vector<std::string> paths;
  std::string line;
  while (std::getline(manifest, line)) {
    std::size_t t1 = line.find('\t');
    if (t1 == std::string::npos) continue;
    std::string path = line.substr(0, t1);
    // Columns: path bytes sha256 kind ...
    std::size_t t2 = line.find('\t', t1 + 1);
    std::size_t t3 = t2 == std::string::npos ? t2 : line.find('\t', t2 + 1);
    std::size_t t4 = t3 == std::string::npos ? t3 : line.find('\t', t3 + 1);
    if (t3 == std::string::npos) continue;
    std::string kind = line.substr(t3 + 1, t4 - t3 - 1);
    if (kind != "template") continue;
    if (path.rfind("avm/", 0) != 0 && path.rfind("quickstart/", 0) != 0 &&
        path.rfind("lenient/", 0) != 0) {
      continue;
    }
    paths.push_back(path);
  }
  ASSERT_FALSE(paths.empty());
  int expanded = 0, failed = 0, with_params = 0, nested = 0, values = 0, unknowns = 0;
  std::size_t resources = 0, errors = 0;
  std::map<std::string, int> by_message;
  std::map<std::string, std::string> example;
  for (const std::string& rel : paths) {
    std::string full = (corpus / rel).string();
    auto doc = Document::Load(full, 0);
    if (!doc.ok()) {
      ADD_FAILURE() << rel << ": " << doc.status();
      continue;
    }
    std::unique_ptr<Document> params;
    std::string pf = FindParameterFile(full);
    if (!pf.empty()) {
      auto p = Document::Load(pf, 1);
      if (p.ok()) {
        params = std::move(*p);
        ++with_params;
      }
    }
    ExpandOptions options;
    options.parameters = params.get();
    auto ex = ExpandTemplate(**doc, options);
    if (!ex.ok()) {
      EXPECT_NE(ex.status().code(), absl::StatusCode::kInternal) << rel << ": " << ex.status();
      ++failed;
      std::string k = "(fatal) " + MessageKind(std::string(ex.status().message()));
      ++by_message[k];
      example.emplace(k, rel);
      continue;
    }
    ++expanded;
    resources += ex->resources.size();
    for (const ExpandedResource& r : ex->resources) {
      if (r.deployment_depth > 0) ++nested;
      unknowns += CountUnknowns(*r.body, values);
    }
    for (const absl::Status& s : ex->errors) {
      EXPECT_NE(s.code(), absl::StatusCode::kInternal) << rel << ": " << s;
      ++errors;
      std::string k = MessageKind(std::string(s.message()));
      ++by_message[k];
      example.emplace(k, rel);
    }
  }
  std::vector<std::pair<int, std::string>> sorted;
  for (const auto& [k, n] : by_message) sorted.emplace_back(n, k);
  std::sort(sorted.rbegin(), sorted.rend());
  std::cout << "corpus templates: " << paths.size() << ", expanded: " << expanded
            << ", failed: " << failed << ", with a parameter file: " << with_params
            << "\nresources produced: " << resources << " (" << nested
            << " from nested deployments), values: " << values << ", unknown: " << unknowns << " ("
            << (values ? 1000.0 * unknowns / values : 0) << " per 1000)"
            << "\nerrors: " << errors << "\n";
  for (const auto& [n, k] : sorted) {
    std::cout << "  " << n << "  " << k << "   e.g. " << example[k] << "\n";
  }
}

}  // namespace
}  // namespace armlint::internal
