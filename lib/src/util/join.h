// Join(): a list as text with separators, for messages and reports.
//
//   Join(names, ", ")           "a, b, c"
//   Join(kinds, ", ", " or ")   "a, b or c"
#pragma once

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>

#include "util/str_cat.h"

namespace armlint::internal {

// The parts of `parts` (anything Cat() takes) with `sep` between them and `last_sep` (default:
// `sep`) before the last one. Empty parts are kept.
template <typename Range>
std::string Join(const Range& parts, std::string_view sep, std::string_view last_sep) {
  std::string out;
  const std::size_t n = static_cast<std::size_t>(std::distance(std::begin(parts), std::end(parts)));
  std::size_t i = 0;
  for (const auto& part : parts) {
    if (i > 0) out.append(i + 1 == n ? last_sep : sep);
    AppendCat(out, part);
    ++i;
  }
  return out;
}

template <typename Range>
std::string Join(const Range& parts, std::string_view sep) {
  return Join(parts, sep, sep);
}

}  // namespace armlint::internal
