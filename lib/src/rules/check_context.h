// What a native check sees of one linted file: the document, its classification, what the
// expander made of it, and the check options of the config that applies to it.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "arm/expand.h"
#include "json/document.h"
#include "manifest/classify.h"
#include "resources/resource.h"
#include "rules/check_options.h"
#include "rules/rule.h"

namespace armlint::internal {

namespace checks {
struct DeclaredResource;
struct TemplateIndex;
struct TemplateReferences;
}  // namespace checks

struct CheckContext {
  const Document* doc = nullptr;
  const Document* parameters = nullptr;  // may be null
  Classification classification;
  const Expansion* expansion = nullptr;  // templates only
  const std::vector<Resource>* resources = nullptr;
  // The options of the config that applies to the file, by rule id (rules/check_options.h);
  // null without a config. A view: the config outlives the lint of the file.
  const CheckOptionsMap* options = nullptr;
  // "Now" for checks that compare dates (api-version-recent); 0: absl::Now().
  std::int64_t now_unix_seconds = 0;
  // Filled by the first check that needs them (checks::Index, checks::References,
  // checks::DeclaredResources), then shared by the others.
  mutable std::shared_ptr<const checks::TemplateIndex> index;
  mutable std::shared_ptr<const checks::TemplateReferences> references;
  mutable std::shared_ptr<const std::vector<checks::DeclaredResource>> declared;

  // The options of `rule`'s check: those the config gave, else the defaults of `T`.
  template <typename T>
  const T& OptionsFor(const Rule& rule) const {
    static const T kDefaults;
    if (options != nullptr) {
      if (auto it = options->find(rule.id); it != options->end()) {
        if (const T* o = dynamic_cast<const T*>(it->second.get())) return *o;
      }
    }
    return kDefaults;
  }
};

}  // namespace armlint::internal
