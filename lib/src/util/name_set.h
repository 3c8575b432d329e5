// Sets of names compared ignoring ASCII case, as ARM compares keys, parameter and variable
// names: views into the text they come from, so that collecting them allocates nothing per
// name.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "absl/container/flat_hash_set.h"

#include "util/strings.h"

namespace armlint::internal {

struct CaseInsensitiveHash {
  using is_transparent = void;
  // Eight bytes at a time with bit 0x20 set in each, which folds ASCII case (and merges a
  // few other pairs of bytes, harmless in a hash).
  std::size_t operator()(std::string_view s) const {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ (w | 0x2020202020202020ULL)) * 0xFF51AFD7ED558CCDULL;
      h ^= h >> 32;
    }
    if (i < s.size()) {
      std::uint64_t w = 0;
      std::memcpy(&w, s.data() + i, s.size() - i);
      h = (h ^ (w | 0x2020202020202020ULL)) * 0xFF51AFD7ED558CCDULL;
      h ^= h >> 32;
    }
    return static_cast<std::size_t>(h);
  }
};

struct CaseInsensitiveEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return EqualsIgnoreCase(a, b); }
};

using NameSet = absl::flat_hash_set<std::string_view, CaseInsensitiveHash, CaseInsensitiveEq>;

}  // namespace armlint::internal
