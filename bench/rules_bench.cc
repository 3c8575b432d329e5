// Rule evaluation benchmarks: compiled conditions over the resources of corpus files, reported
// as ns per resource per rule (counter "per_resource_rule", seconds, shown with SI prefix).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <vector>

#include "benchmark/benchmark.h"

#include "arm/expand.h"
#include "json/document.h"
#include "manifest/classify.h"
#include "resources/resource.h"
#include "rules/condition.h"
#include "rules/rule_set.h"

namespace {

namespace fs = std::filesystem;
using namespace armlint::internal;  // NOLINT: benchmark file

struct Corpus {
  std::vector<std::unique_ptr<Document>> docs;
  std::vector<Expansion> expansions;
  std::vector<Resource> resources;
};

// Every resource of the corpus files under `sub` (templates expanded, exports read).
const Corpus& LoadCorpus(const std::string& sub) {
  static auto* cache = new std::map<std::string, std::unique_ptr<Corpus>>();
  auto& slot = (*cache)[sub];
  if (slot) return *slot;
  slot = std::make_unique<Corpus>();
  fs::path root = fs::path(ARMLINT_CORPUS_DIR) / sub;
  std::vector<std::string> paths;
  std::error_code ec;
  if (fs::is_directory(root, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(root, ec)) {
      if (e.is_regular_file() && e.path().extension() == ".json") paths.push_back(e.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  slot->expansions.reserve(paths.size());
  for (const std::string& p : paths) {
    absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(p);
    if (!doc.ok()) continue;
    const Document& d = **doc;
    Classification c = Classify(d.root());
    std::vector<Resource> rs;
    if (c.kind == ManifestKind::kResourceExport) {
      rs = ResourcesFromExport(d);
    } else if (c.kind == ManifestKind::kTemplate) {
      absl::StatusOr<Expansion> e = ExpandTemplate(d, ExpandOptions{});
      if (!e.ok()) continue;
      slot->expansions.push_back(std::move(*e));
      rs = ResourcesFromExpansion(d, slot->expansions.back());
    }
    slot->resources.insert(slot->resources.end(), rs.begin(), rs.end());
    slot->docs.push_back(std::move(*doc));
  }
  return *slot;
}

// Typical conditions of every shape: a simple property test, allOf with a type filter,
// anyOf/not, a [*] field, a field count with where, a regex, a like, a source-aware operator.
const char* const kConditions[] = {
    R"({"field": "location", "in": ["westeurope", "northeurope", "eastus"]})",
    R"({"allOf": [{"field": "type", "equals": "Microsoft.Storage/storageAccounts"},
                  {"field": "properties.supportsHttpsTrafficOnly", "notEquals": true}]})",
    R"({"anyOf": [{"field": "properties.minimumTlsVersion", "exists": false},
                  {"not": {"field": "properties.minimumTlsVersion", "equals": "TLS1_2"}}]})",
    R"({"field": "properties.securityRules[*].properties.access", "equals": "Deny"})",
    R"({"count": {"field": "properties.securityRules[*]",
                  "where": {"field": "properties.securityRules[*].properties.direction",
                            "equals": "Inbound"}}, "greater": 0})",
    R"({"field": "name", "regex": "^[a-z0-9-]{3,24}$"})",
    R"({"field": "sku.name", "like": "Premium*"})",
    R"({"field": "location", "writtenAs": "literal"})",
};

void BM_ConditionsPerResource(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus("quickstart");
  if (corpus.resources.empty()) return state.SkipWithError("corpus absent: " ARMLINT_CORPUS_DIR);
  std::vector<std::unique_ptr<Condition>> conditions;
  for (const char* text : kConditions) {
    absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("bench.json", text);
    if (!doc.ok()) return state.SkipWithError("bad bench condition");
    std::shared_ptr<const Document> shared(std::move(*doc));
    absl::StatusOr<std::unique_ptr<Condition>> c = Condition::Compile(shared, shared->root());
    if (!c.ok()) return state.SkipWithError("bad bench condition");
    conditions.push_back(std::move(*c));
  }
  for (auto _ : state) {
    for (const Resource& r : corpus.resources) {
      for (const auto& c : conditions) benchmark::DoNotOptimize(c->Evaluate(r));
    }
  }
  double evaluations = static_cast<double>(corpus.resources.size() * conditions.size());
  state.counters["per_resource_rule"] = benchmark::Counter(
      evaluations, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["resources"] = static_cast<double>(corpus.resources.size());
}
BENCHMARK(BM_ConditionsPerResource)->Unit(benchmark::kMillisecond);

// The default pack through the type index (most rules do not apply to most resources).
void BM_DefaultPackPerResource(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus("quickstart");
  if (corpus.resources.empty()) return state.SkipWithError("corpus absent: " ARMLINT_CORPUS_DIR);
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::Load(RuleSetOptions{});
  if (!set.ok()) return state.SkipWithError("built-in rules do not load");
  std::vector<Hit> hits;
  for (auto _ : state) {
    for (const Resource& r : corpus.resources) {
      hits.clear();
      (*set)->EvaluateResource(r, hits);
      benchmark::DoNotOptimize(hits.data());
    }
  }
  double rules = static_cast<double>((*set)->rules().size());
  state.counters["per_resource"] = benchmark::Counter(
      static_cast<double>(corpus.resources.size()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["per_resource_rule"] = benchmark::Counter(
      static_cast<double>(corpus.resources.size()) * rules,
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["rules"] = rules;
}
BENCHMARK(BM_DefaultPackPerResource)->Unit(benchmark::kMillisecond);

}  // namespace
