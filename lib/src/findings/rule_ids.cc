// Nearest-id suggestions for unknown rule ids.
#include "findings/rule_ids.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace armlint::internal {
namespace {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string DidYouMean(std::string_view id, const std::vector<std::string>& known) {
  std::size_t limit = std::max<std::size_t>(2, id.size() / 3);
  std::string best;
  std::size_t best_d = limit + 1;
  for (const std::string& k : known) {
    std::size_t d = EditDistance(id, k);
    if (d < best_d) {
      best_d = d;
      best = k;
    }
  }
  if (best.empty()) return "";
  return absl::StrCat(" (did you mean '", best, "'?)");
}

bool IsKnownRuleId(std::string_view id, const std::vector<std::string>& known) {
  return std::binary_search(known.begin(), known.end(), id);
}

}  // namespace armlint::internal
