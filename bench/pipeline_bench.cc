// Benchmarks of the pipeline's stages on real corpus files, and the Boost.JSON parse baseline
// that issue 9's throughput targets are measured against.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "benchmark/benchmark.h"
#include <boost/json.hpp>

#include "arm/expand.h"
#include "armlint/armlint.hpp"
#include "json/document.h"
#include "manifest/classify.h"
#include "resources/resource.h"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using armlint::internal::Document;

const char* kStorageModule = ARMLINT_CORPUS_DIR "/avm/res/storage/storage-account/main.json";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> CorpusTexts(const std::string& sub) {
  std::vector<std::string> out;
  fs::path root = fs::path(ARMLINT_CORPUS_DIR) / sub;
  if (!fs::is_directory(root)) return out;
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".json") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) out.push_back(ReadFile(p));
  return out;
}

std::size_t TotalBytes(const std::vector<std::string>& texts) {
  std::size_t n = 0;
  for (const auto& t : texts) n += t.size();
  return n;
}

void BM_ParseStorageModule(benchmark::State& state) {
  std::string text = ReadFile(kStorageModule);
  if (text.empty()) return state.SkipWithError("corpus absent");
  for (auto _ : state) {
    auto doc = Document::Parse("main.json", text);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseStorageModule);

void BM_LintStorageModule(benchmark::State& state) {
  std::string text = ReadFile(kStorageModule);
  if (text.empty()) return state.SkipWithError("corpus absent");
  auto engine = armlint::Engine::Create(armlint::Options{});
  if (!engine.ok()) return state.SkipWithError("engine");
  for (auto _ : state) {
    armlint::LintResult r = engine->LintBuffer("main.json", text);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LintStorageModule)->Unit(benchmark::kMicrosecond);

// The floor: boost::json::parse over the AVM corpus with the default allocator.
void BM_BoostJsonParseAvm(benchmark::State& state) {
  static const std::vector<std::string> texts = CorpusTexts("avm");
  if (texts.empty()) return state.SkipWithError("corpus absent");
  for (auto _ : state) {
    for (const auto& t : texts) {
      boost::system::error_code ec;
      json::value v = json::parse(t, ec);
      benchmark::DoNotOptimize(v);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(texts)));
}
BENCHMARK(BM_BoostJsonParseAvm)->Unit(benchmark::kMillisecond);

void BM_ParseAvm(benchmark::State& state) {
  static const std::vector<std::string> texts = CorpusTexts("avm");
  if (texts.empty()) return state.SkipWithError("corpus absent");
  for (auto _ : state) {
    for (const auto& t : texts) {
      auto doc = Document::Parse("main.json", t);
      benchmark::DoNotOptimize(doc);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(texts)));
}
BENCHMARK(BM_ParseAvm)->Unit(benchmark::kMillisecond);

void BM_ParseClassifyExpandAvm(benchmark::State& state) {
  static const std::vector<std::string> texts = CorpusTexts("avm");
  if (texts.empty()) return state.SkipWithError("corpus absent");
  std::size_t resources = 0;
  for (auto _ : state) {
    for (const auto& t : texts) {
      auto doc = Document::Parse("main.json", t);
      if (!doc.ok()) continue;
      armlint::internal::Classify((*doc)->root());
      auto e = armlint::internal::ExpandTemplate(**doc, {});
      if (e.ok()) resources += e->resources.size();
    }
  }
  benchmark::DoNotOptimize(resources);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(texts)));
}
BENCHMARK(BM_ParseClassifyExpandAvm)->Unit(benchmark::kMillisecond);

void BM_LintAvm(benchmark::State& state) {
  static const std::vector<std::string> texts = CorpusTexts("avm");
  if (texts.empty()) return state.SkipWithError("corpus absent");
  auto engine = armlint::Engine::Create(armlint::Options{});
  if (!engine.ok()) return state.SkipWithError("engine");
  for (auto _ : state) {
    for (const auto& t : texts) {
      armlint::LintResult r = engine->LintBuffer("main.json", t);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(texts)));
}
BENCHMARK(BM_LintAvm)->Unit(benchmark::kMillisecond);

}  // namespace
