// Edit distance and the nearest-name suggestion behind every "did you mean".
#include "util/did_you_mean.h"

#include <algorithm>
#include <vector>

#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {

std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];  // row[j - 1] of the previous row
    row[0] = i;
    std::size_t row_min = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitute =
          diagonal + (AsciiLower(a[i - 1]) == AsciiLower(b[j - 1]) ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
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
