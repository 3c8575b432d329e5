// String helpers for rules/ that take std::string_view (Debian's Abseil has its own
// absl::string_view, so the absl strip functions do not accept ours); Cat() is util/str_cat.h.
#pragma once

#include <charconv>
#include <string>
#include <string_view>

#include "util/str_cat.h"

namespace armlint::internal {

inline std::string_view Strip(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Whole-string integer parse.
inline bool ParseInt(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Whole-string number parse (JSON-like: no leading '+', no spaces).
inline bool ParseDouble(std::string_view s, double& out) {
  s = Strip(s);
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace armlint::internal
