// Edit distance and the nearest-name suggestion behind every "did you mean".
#include "util/did_you_mean.h"

#include <algorithm>
#include <vector>

#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {

std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  // Only cells within `band` of the diagonal can stay within the limit: a far candidate of a
  // table of thousands costs a few short rows, and the row lives on the stack for names of
  // usual length (a resource type's suggestion scanned 3,500 names with a heap row each).
  const std::size_t band = std::min(limit, std::max(a.size(), b.size()));
  const std::size_t over = band + 1;  // "more than the band": every value past it is equal
  constexpr std::size_t kStackRow = 160;
  std::size_t stack_row[kStackRow];
  std::vector<std::size_t> heap_row;
  std::size_t* row = stack_row;
  if (b.size() + 1 > kStackRow) {
    heap_row.resize(b.size() + 1);
    row = heap_row.data();
  }
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = std::min(j, over);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t lo = i > band ? i - band : 1;
    const std::size_t hi = std::min(b.size(), i + band);
    std::size_t diagonal = row[lo - 1];  // row[lo - 1] of the previous row
    row[lo - 1] = lo == 1 ? std::min(i, over) : over;
    std::size_t row_min = row[lo - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t above = row[j];
      const std::size_t substitute =
          diagonal + (AsciiLower(a[i - 1]) == AsciiLower(b[j - 1]) ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute, over});
      diagonal = above;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > limit) return limit + 1;  // every alignment already costs more
  }
  return std::min(row[b.size()], limit + 1);
}

std::string_view NearestWithin(std::string_view name, std::span<const std::string_view> candidates,
                               std::size_t max_distance) {
  std::string_view best;
  std::size_t best_distance = max_distance + 1;
  for (std::string_view c : candidates) {
    // Bounded by the best so far: a far candidate costs a few rows, not the whole table.
    const std::size_t d = EditDistance(name, c, best_distance);
    if (d < best_distance || (d == best_distance && !best.empty() && c < best)) {
      best_distance = d;
      best = c;
    }
  }
  return best_distance <= max_distance ? best : std::string_view();
}

std::string_view NearestName(std::string_view name, std::span<const std::string_view> candidates) {
  return NearestWithin(name, candidates, std::min(kMaxSuggestionDistance, name.size() / 3));
}

std::string DidYouMean(std::string_view name, std::span<const std::string_view> candidates) {
  std::string_view best = NearestName(name, candidates);
  return best.empty() ? std::string() : Cat(" (did you mean '", best, "'?)");
}

}  // namespace armlint::internal
