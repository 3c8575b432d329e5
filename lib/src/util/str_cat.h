// Cat(): string building from std::string_view, strings, chars and numbers. Debian's Abseil is
// built without std::string_view support (ABSL_OPTION_USE_STD_STRING_VIEW 0), so absl::StrCat
// and absl::Status do not take std::string_view; the whole library builds its messages here.
//
//   std::string m = Cat("unknown key '", key, "' at index ", i);
//   AppendCat(out, ", ", name);
#pragma once

#include <concepts>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace armlint::internal {

namespace cat_internal {
inline void AppendOne(std::string& out, std::string_view s) { out.append(s); }
inline void AppendOne(std::string& out, const char* s) { out.append(s); }
inline void AppendOne(std::string& out, const std::string& s) { out.append(s); }
inline void AppendOne(std::string& out, char c) { out.push_back(c); }
// Integers in decimal; bools are not numbers here (write "true"/"false" explicitly).
template <std::integral T>
requires(!std::same_as<T, char> && !std::same_as<T, bool>) void AppendOne(std::string& out, T v) {
  out.append(std::to_string(v));
}
// Floating point as absl::StrCat writes it (six significant digits, "%g").
template <std::floating_point T>
void AppendOne(std::string& out, T v) {
  out.append(absl::StrCat(v));
}
}  // namespace cat_internal

// Concatenates strings, views, chars and numbers.
template <typename... Args>
std::string Cat(const Args&... args) {
  std::string out;
  (cat_internal::AppendOne(out, args), ...);
  return out;
}

// Appends to `out` what Cat(args...) returns.
template <typename... Args>
void AppendCat(std::string& out, const Args&... args) {
  (cat_internal::AppendOne(out, args), ...);
}

// The message of a status as a std::string_view (absl's is its own string_view type).
inline std::string_view MessageOf(const absl::Status& s) {
  return {s.message().data(), s.message().size()};
}

}  // namespace armlint::internal
