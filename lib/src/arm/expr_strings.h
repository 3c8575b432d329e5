// String building for the expression engine. Debian's Abseil is built without
// std::string_view support (ABSL_OPTION_USE_STD_STRING_VIEW 0), so absl::StrCat does not take
// std::string_view; Cat() takes strings, views, chars and numbers.
#pragma once

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace armlint::internal {

inline void AppendOne(std::string& out, std::string_view s) { out.append(s); }
inline void AppendOne(std::string& out, const char* s) { out.append(s); }
inline void AppendOne(std::string& out, const std::string& s) { out.append(s); }
inline void AppendOne(std::string& out, char c) { out.push_back(c); }
template <std::integral T>
  requires(!std::same_as<T, char> && !std::same_as<T, bool>)
void AppendOne(std::string& out, T v) {
  out.append(std::to_string(v));
}

template <typename... Args>
std::string Cat(const Args&... args) {
  std::string out;
  (AppendOne(out, args), ...);
  return out;
}

template <typename... Args>
void AppendCat(std::string& out, const Args&... args) {
  (AppendOne(out, args), ...);
}

// The message of a status as a std::string_view.
inline std::string_view MessageOf(const absl::Status& s) {
  return {s.message().data(), s.message().size()};
}

}  // namespace armlint::internal
