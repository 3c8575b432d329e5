// The generated resource-type table (api_versions_data.cc, made by scripts/gen-api-versions.py).
// Read it through knowledge/api_versions.h.
#pragma once

#include <cstddef>
#include <string_view>

namespace armlint::internal::knowledge_data {

struct TypeRow {
  std::string_view type;      // as Azure spells it (the newest version's spelling)
  std::string_view versions;  // two kVersionDigits per version: indices into kApiVersions
};

extern const std::string_view kApiVersions[];
extern const TypeRow kResourceTypes[];  // sorted by lower-cased type
extern const std::size_t kResourceTypeCount;
extern const std::string_view kVersionDigits;  // 64 symbols in ASCII order

}  // namespace armlint::internal::knowledge_data
