// Glob matching for paths and resource selectors: `*` (within a segment), `**` (across '/'),
// `?` (one character). Case-insensitive when asked (resource names and types are).
#pragma once

#include <string_view>

namespace armlint::internal {

bool GlobMatch(std::string_view pattern, std::string_view text, bool ignore_case = false);

// For resource selectors (types, names and ids contain '/'): `*` matches across '/' too.
bool GlobMatchResource(std::string_view pattern, std::string_view text);

}  // namespace armlint::internal
