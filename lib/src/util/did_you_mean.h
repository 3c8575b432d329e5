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

// Levenshtein distance (insertions, deletions, substitutions), ASCII case-insensitive. With a
// `limit`, stops as soon as the distance must exceed it and returns `limit + 1`: scanning a table
// of thousands of names (resource types, aliases) for a near one stays cheap.
inline constexpr std::size_t kNoDistanceLimit = static_cast<std::size_t>(-1) - 1;
std::size_t EditDistance(std::string_view a, std::string_view b,
                         std::size_t limit = kNoDistanceLimit);

// The candidate nearest to `name`, or "" when none is close: within kMaxSuggestionDistance
// edits and at most one edit per three characters of `name` (so "ab" suggests nothing: two
// letters could be anything). Ties go to the alphabetically first, whatever the candidates'
// order (a hash map's, for the function table).
inline constexpr std::size_t kMaxSuggestionDistance = 2;
std::string_view NearestName(std::string_view name, std::span<const std::string_view> candidates);

// The candidate nearest to `name` within `max_distance` edits (ties alphabetically first), or "":
// for tables whose names are long and alike enough to need another bound than NearestName's
// (rule ids, resource types, aliases).
std::string_view NearestWithin(std::string_view name, std::span<const std::string_view> candidates,
                               std::size_t max_distance);

// " (did you mean 'x'?)" for NearestName(name, candidates), or "" when there is none.
std::string DidYouMean(std::string_view name, std::span<const std::string_view> candidates);

}  // namespace armlint::internal
