// String helpers on std::string_view: ASCII case-insensitive comparison and lowering (ARM names,
// types and keys are ASCII-insensitive), stripping and whole-string number parsing. Debian's Abseil
// has its own absl::string_view, so its strip and parse functions do not take ours.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/swar.h"

namespace armlint::internal {

inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Eight bytes at a time: every key lookup (Value::Find) and name comparison comes here.
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  const std::size_t n = a.size();
  const char* p = a.data();
  const char* q = b.data();
  auto same = [](std::uint64_t x, std::uint64_t y) {
    return x == y || swar::LowerAscii(x) == swar::LowerAscii(y);
  };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      if (!same(swar::Load8(p + i), swar::Load8(q + i))) return false;
    }
    return same(swar::Load8(p + n - 8), swar::Load8(q + n - 8));  // the last 8, overlapping
  }
  if (n >= 4) {  // the first 4 and the last 4, overlapping
    return same(swar::Load4(p) | std::uint64_t{swar::Load4(p + n - 4)} << 32,
                swar::Load4(q) | std::uint64_t{swar::Load4(q + n - 4)} << 32);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (AsciiLower(p[i]) != AsciiLower(q[i])) return false;
  }
  return true;
}

inline std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

inline bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

inline bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

}  // namespace armlint::internal

#include "absl/strings/string_view.h"

namespace armlint::internal {

// Debian's Abseil is built with its own absl::string_view (ABSL_OPTION_USE_STD_STRING_VIEW 0):
// convert explicitly where absl::StrCat or absl::Status take a std::string_view.
inline absl::string_view AbslView(std::string_view s) { return {s.data(), s.size()}; }
inline std::string_view StdView(absl::string_view s) { return {s.data(), s.size()}; }

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
