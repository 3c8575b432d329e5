// String helpers for rules/ that take std::string_view: Debian's Abseil has its own
// absl::string_view, so absl::StrCat and the absl strip functions do not accept ours.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace armlint::internal {

namespace str_detail {
inline void Append(std::string& out, std::string_view s) { out.append(s.data(), s.size()); }
inline void Append(std::string& out, const char* s) { out += s; }
inline void Append(std::string& out, const std::string& s) { out += s; }
inline void Append(std::string& out, char c) { out += c; }
template <typename T>
requires std::is_arithmetic_v<T> &&
    (!std::is_same_v<T, char>)&&(!std::is_same_v<T, bool>)inline void Append(std::string& out,
                                                                             T v) {
  out += absl::StrCat(v);
}
}  // namespace str_detail

// Concatenates strings, string_views and numbers.
template <typename... Args>
std::string Cat(const Args&... args) {
  std::string out;
  (str_detail::Append(out, args), ...);
  return out;
}

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

// The message of a status as a std::string.
inline std::string Msg(const absl::Status& s) { return std::string(s.message()); }

}  // namespace armlint::internal
