// "Did you mean" suggestions for misspelt names (rule keys, operators, ARM functions):
//
//   Cat("unknown operator '", op, "'", DidYouMean(op, known))
//     -> "unknown operator 'equal' (did you mean 'equals'?)"
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace armlint::internal {

// Levenshtein distance (insertions, deletions, substitutions), ASCII case-insensitive.
std::size_t EditDistance(std::string_view a, std::string_view b);

// The candidate nearest to `name`, or "" when none is close: within kMaxSuggestionDistance
// edits and at most one edit per three characters of `name` (so "ab" suggests nothing: two
// letters could be anything). Ties go to the alphabetically first, whatever the candidates'
// order (a hash map's, for the function table).
inline constexpr std::size_t kMaxSuggestionDistance = 2;
std::string_view NearestName(std::string_view name, std::span<const std::string_view> candidates);

// " (did you mean 'x'?)" for NearestName(name, candidates), or "" when there is none.
std::string DidYouMean(std::string_view name, std::span<const std::string_view> candidates);

}  // namespace armlint::internal
