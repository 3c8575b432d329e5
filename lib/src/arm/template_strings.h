// String helpers for the expander: Debian's Abseil is built without std::string_view support
// (ABSL_OPTION_USE_STD_STRING_VIEW 0), so absl::StrSplit and Status do not take
// std::string_view. Messages are built with Cat() (util/str_cat.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal::tmpl {

// The expander's names for Cat() and AppendCat() (util/str_cat.h).
template <typename... Args>
std::string Concat(const Args&... args) {
  return Cat(args...);
}

template <typename... Args>
void AppendTo(std::string& out, const Args&... args) {
  AppendCat(out, args...);
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

// Where `needle` first occurs in `hay` ignoring ASCII case (npos if nowhere): a search that
// lower-cases neither.
inline std::size_t FindIgnoreCase(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return 0;
  const char first = AsciiLower(needle[0]);
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (AsciiLower(hay[i]) == first && EqualsIgnoreCase(hay.substr(i, needle.size()), needle)) {
      return i;
    }
  }
  return std::string_view::npos;
}

using internal::MessageOf;

inline absl::Status Invalid(const std::string& message) {
  return absl::InvalidArgumentError(message);
}

}  // namespace armlint::internal::tmpl
