// The JSON parser's byte scans (json/parser.cc): sixteen bytes at a time with SSE2, which every
// x86-64 has, eight (SWAR) for the tail and on other processors.
#pragma once

#include <bit>
#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/swar.h"

namespace armlint::internal::json_scan {

// The first byte at or after p that is not JSON whitespace; end if none. A line break and
// the indentation after it are usually one 16-byte step.
inline const char* SkipWhitespace(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' '), lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r'), tab = _mm_set1_epi8('\t');
  for (; end - p >= 16; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(v, lf)),
                                    _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, tab)));
    const unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(ws)) & 0xFFFFu;
    if (other != 0) return p + std::countr_zero(other);
  }
#endif
  while (p < end) {
    char c = *p;
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return p;
    ++p;
    // Indentation comes in runs of spaces: skip them eight at a time, then to the first
    // byte that is not a space.
    while (end - p >= 8) {
      std::uint64_t other = swar::Load8(p) ^ swar::Broadcast(' ');
      if (other != 0) {
        p += std::countr_zero(other) >> 3;
        break;
      }
      p += 8;
    }
  }
  return p;
}

// The first byte at or after p that ends or escapes a string, or is not ASCII: '"', '\\' or
// 0x80 and up; end if none. Control characters are not among them: ARM accepts multi-line
// strings.
inline const char* FindStringSpecial(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  for (; end - p >= 16; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // The byte itself flags 0x80 and up (its high bit).
    const __m128i special =
        _mm_or_si128(v, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    const unsigned m = static_cast<unsigned>(_mm_movemask_epi8(special));
    if (m != 0) return p + std::countr_zero(m);
  }
#endif
  // Eight bytes at a time. (A byte flagged past a real match may be a false positive; the
  // lowest flag never is.)
  for (; end - p >= 8; p += 8) {
    std::uint64_t w = swar::Load8(p);
    std::uint64_t special = swar::ZeroBytes(w ^ swar::Broadcast('"')) |
                            swar::ZeroBytes(w ^ swar::Broadcast('\\')) |
                            (w & 0x8080808080808080ULL);
    if (special != 0) return p + (std::countr_zero(special) >> 3);
  }
  for (; p < end; ++p) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\' || c >= 0x80) return p;
  }
  return end;
}

}  // namespace armlint::internal::json_scan
