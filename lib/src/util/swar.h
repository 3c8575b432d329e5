// Eight-bytes-at-a-time scanning ("SIMD within a register") for the hot text loops.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace armlint::internal::swar {

static_assert(std::endian::native == std::endian::little, "words are read little-endian");

inline std::uint64_t Load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

inline constexpr std::uint64_t Broadcast(char c) {
  return 0x0101010101010101ULL * static_cast<unsigned char>(c);
}

// The high bit of each byte of `w` that is zero. Exact up to the lowest flagged byte (a borrow
// can flag a byte above a real zero), which is all the scans below use.
inline std::uint64_t ZeroBytes(std::uint64_t w) {
  return (w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL;
}

// The position of the first byte at or after `from` that equals `a`, `b` or `c`; s.size() if
// none.
inline std::size_t FindFirstOf(std::string_view s, std::size_t from, char a, char b, char c) {
  const std::uint64_t ma = Broadcast(a), mb = Broadcast(b), mc = Broadcast(c);
  std::size_t i = from;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w = Load8(s.data() + i);
    std::uint64_t hit = ZeroBytes(w ^ ma) | ZeroBytes(w ^ mb) | ZeroBytes(w ^ mc);
    if (hit != 0) return i + (std::countr_zero(hit) >> 3);
  }
  for (; i < s.size(); ++i) {
    if (s[i] == a || s[i] == b || s[i] == c) return i;
  }
  return s.size();
}

// The position of the first byte at or after `from` that a JSON string cannot hold as it is
// (a control character below 0x20, '"' or '\\') or that is not ASCII (0x80 and up); s.size()
// if none.
inline std::size_t FindJsonSpecial(std::string_view s, std::size_t from) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  const std::uint64_t quote = Broadcast('"'), backslash = Broadcast('\\');
  std::size_t i = from;
  for (; i + 8 <= s.size(); i += 8) {
    const std::uint64_t w = Load8(s.data() + i);
    // (w - 0x20..) flags bytes below 0x20 (exact up to the lowest); | w flags bytes >= 0x80.
    const std::uint64_t hit =
        (((w - Broadcast(0x20)) | w) & kHigh) | ZeroBytes(w ^ quote) | ZeroBytes(w ^ backslash);
    if (hit != 0) return i + (std::countr_zero(hit) >> 3);
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return i;
  }
  return s.size();
}

}  // namespace armlint::internal::swar
