// String helpers for the expander. Debian's Abseil is built without std::string_view support
// (ABSL_OPTION_USE_STD_STRING_VIEW 0): absl::StrCat, StrSplit and Status do not take
// std::string_view, so the expander builds its messages with these.
#pragma once

#include <concepts>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace armlint::internal::tmpl {

inline void AppendOne(std::string& out, std::string_view s) { out.append(s); }
inline void AppendOne(std::string& out, const char* s) { out.append(s); }
inline void AppendOne(std::string& out, const std::string& s) { out.append(s); }
template <std::integral T>
requires(!std::same_as<T, char> && !std::same_as<T, bool>) void AppendOne(std::string& out, T v) {
  out.append(std::to_string(v));
}

// Concatenates strings, views and integers.
template <typename... Args>
std::string Concat(const Args&... args) {
  std::string out;
  (AppendOne(out, args), ...);
  return out;
}

template <typename... Args>
void AppendTo(std::string& out, const Args&... args) {
  (AppendOne(out, args), ...);
}

// Splits at every `sep` (empty pieces kept).
inline std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

inline std::string_view MessageOf(const absl::Status& s) {
  return {s.message().data(), s.message().size()};
}

inline absl::Status Invalid(const std::string& message) {
  return absl::InvalidArgumentError(message);
}

}  // namespace armlint::internal::tmpl
