// Nearest-id suggestions for unknown rule ids.
#include "findings/rule_ids.h"

#include <algorithm>

#include "util/did_you_mean.h"
#include "util/str_cat.h"

namespace armlint::internal {

std::string DidYouMean(std::string_view id, const std::vector<std::string>& known) {
  // Rule ids are long and hyphenated ("storage-https-only"): allow a third of the length.
  const std::vector<std::string_view> names(known.begin(), known.end());
  std::string_view best = NearestWithin(id, names, std::max<std::size_t>(2, id.size() / 3));
  return best.empty() ? std::string() : Cat(" (did you mean '", best, "'?)");
}

bool IsKnownRuleId(std::string_view id, const std::vector<std::string>& known) {
  return std::binary_search(known.begin(), known.end(), id);
}

std::string DidYouMean(std::string_view id, const RuleIdList& known) {
  const std::vector<std::string_view> names = known.Sorted();
  std::string_view best = NearestWithin(id, names, std::max<std::size_t>(2, id.size() / 3));
  return best.empty() ? std::string() : Cat(" (did you mean '", best, "'?)");
}

bool IsKnownRuleId(std::string_view id, const RuleIdList& known) { return known.contains(id); }

}  // namespace armlint::internal
