// Manifest classification + template expansion + rule evaluation: the whole lint of one buffer
// through Engine::LintBuffer with the built-in rule packs, plus a direct ExpandTemplate.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "arm/expand.h"
#include "armlint/armlint.hpp"
#include "json/document.h"
#include "manifest/classify.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const armlint::Engine* engine = [] {
    armlint::Options options;
    options.use_config = false;
    auto e = armlint::Engine::Create(options);
    if (!e.ok()) __builtin_trap();
    return new armlint::Engine(*std::move(e));
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  armlint::LintResult result = engine->LintBuffer("fuzz.json", text);
  for (const armlint::InputError& e : result.errors) {
    if (e.location.file != "fuzz.json") __builtin_trap();
  }

  auto doc = armlint::internal::Document::Parse("fuzz.json", std::string(text));
  if (!doc.ok()) return 0;
  (void)armlint::internal::Classify((*doc)->root());
  (void)armlint::internal::ExpandTemplate(**doc, {});
  return 0;
}
