// UTF-8 as RFC 3629 defines it: well-formed sequences (no overlongs, no surrogates, nothing
// above U+10FFFF), the JSON parser's validation, the reports' repair of bytes that are not
// UTF-8 (file names need not be), and code point counts for columns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace armlint::internal {

enum class Utf8Problem {
  kNone,
  kBadByte,              // a byte that cannot start a sequence, or a bad continuation byte
  kTruncated,            // the text ends inside the sequence
  kOverlongOrSurrogate,  // an overlong form, a surrogate, or a code point above U+10FFFF
};

struct Utf8Sequence {
  std::size_t length = 0;  // bytes of the well-formed sequence; 0 when there is a problem
  Utf8Problem problem = Utf8Problem::kNone;
};

// The sequence at the start of `s` (not empty). Inline: the JSON parser checks every
// non-ASCII character of its input with it.
inline Utf8Sequence CheckUtf8(std::string_view s) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  if (b[0] < 0x80) return {1, Utf8Problem::kNone};
  std::size_t n;
  std::uint32_t cp;
  if (b[0] >= 0xC2 && b[0] <= 0xDF) {
    n = 2;
    cp = b[0] & 0x1F;
  } else if (b[0] >= 0xE0 && b[0] <= 0xEF) {
    n = 3;
    cp = b[0] & 0x0F;
  } else if (b[0] >= 0xF0 && b[0] <= 0xF4) {
    n = 4;
    cp = b[0] & 0x07;
  } else {
    return {0, Utf8Problem::kBadByte};
  }
  if (s.size() < n) return {0, Utf8Problem::kTruncated};
  for (std::size_t i = 1; i < n; ++i) {
    if ((b[i] & 0xC0) != 0x80) return {0, Utf8Problem::kBadByte};
    cp = (cp << 6) | (b[i] & 0x3F);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
    return {0, Utf8Problem::kOverlongOrSurrogate};
  }
  return {n, Utf8Problem::kNone};
}

bool IsValidUtf8(std::string_view s);

// `s` with each byte that does not start a well-formed sequence replaced by U+FFFD.
std::string ValidUtf8(std::string_view s);

// Code points in `s`: the bytes that are not continuation bytes (10xxxxxx). Exact for valid
// UTF-8; for other bytes, one per lead or stray byte.
inline std::size_t CountCodePoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace armlint::internal
