// Rule ids named outside rule files (a config, a suppression) checked against the loaded rules,
// with the nearest known id suggested.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_id_list.h"

namespace armlint::internal {

// " (did you mean 'x'?)" for the known id nearest `id` (edit distance at most a third of its
// length, at least 2), else "". `known` need not be sorted.
std::string DidYouMean(std::string_view id, const std::vector<std::string>& known);

// Whether `id` is in `known` (sorted).
bool IsKnownRuleId(std::string_view id, const std::vector<std::string>& known);

// The same for the ids a rule set knows (RuleSet::all_ids).
std::string DidYouMean(std::string_view id, const RuleIdList& known);
bool IsKnownRuleId(std::string_view id, const RuleIdList& known);

}  // namespace armlint::internal
