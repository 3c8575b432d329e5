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

inline std::uint32_t Load4(const char* p) {
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}

// The position of the first byte at or after `from` that equals one of `cs`; s.size() if none.
template <typename... Chars>
std::size_t FindFirstOf(std::string_view s, std::size_t from, Chars... cs) {
  std::size_t i = from;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w = Load8(s.data() + i);
    std::uint64_t hit = (ZeroBytes(w ^ Broadcast(cs)) | ...);
    if (hit != 0) return i + (std::countr_zero(hit) >> 3);
  }
  for (; i < s.size(); ++i) {
    if (((s[i] == cs) || ...)) return i;
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

// `w` with each ASCII capital 'A'..'Z' lowered; every other byte (also those >= 0x80) as is.
inline std::uint64_t LowerAscii(std::uint64_t w) {
  const std::uint64_t low7 = w & 0x7F7F7F7F7F7F7F7FULL;
  // The high bit of each byte that is at least 'A', and of each that is above 'Z' (no carry
  // crosses a byte: 0x7F + 0x3F < 0x100). A byte with its own high bit set is no letter.
  const std::uint64_t at_least_a = low7 + Broadcast(static_cast<char>(0x80 - 'A'));
  const std::uint64_t above_z = low7 + Broadcast(static_cast<char>(0x80 - 'Z' - 1));
  const std::uint64_t upper = at_least_a & ~above_z & ~w & 0x8080808080808080ULL;
  return w | (upper >> 2);  // 0x80 >> 2 is the case bit 0x20
}

}  // namespace armlint::internal::swar
