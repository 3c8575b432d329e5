// Reading a policy cache's index (private to policy/): whole numbers, tab-separated fields,
// the source files' lines and the index's lines, without allocating.
#pragma once

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>
#include <type_traits>
#include <vector>

#include "policy/policy_cache_stale.h"

namespace armlint::internal::cache_lines {

// The decimal whole number at `p` (before `end`), ended by a tab or `end`; `p` moves past
// the tab. A loop a third of from_chars' instructions: there are four numbers on each of
// thousands of source lines.
template <typename T>
inline bool NextNumber(const char*& p, const char* end, T& out) {
  bool negative = false;
  if constexpr (std::is_signed_v<T>) {
    negative = p < end && *p == '-';
    p += negative ? 1 : 0;
  }
  const char* start = p;
  std::uint64_t v = 0;
  for (unsigned d; p < end && (d = static_cast<unsigned char>(*p) - unsigned{'0'}) <= 9; ++p) {
    v = v * 10 + d;
  }
  if (p == start || p - start > 19 || (p < end && *p != '\t')) return false;
  p += p < end ? 1 : 0;
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<T>::max());
  if (v > kMax + (negative ? 1 : 0)) return false;
  out = negative ? static_cast<T>(-static_cast<std::int64_t>(v - 1) - 1) : static_cast<T>(v);
  return true;
}

// `s` as a whole number (decimal, or hexadecimal with base 16).
template <typename T>
inline bool Number(std::string_view s, T& out, int base = 10) {
  if (base == 16 && std::is_unsigned_v<T> && !s.empty() && s.size() <= 2 * sizeof(T)) {
    T v = 0;  // hashes and offsets: a loop without from_chars' checks, which cannot overflow
    for (char c : s) {
      unsigned d = static_cast<unsigned char>(c) - unsigned{'0'};
      if (d > 9) {
        d = (static_cast<unsigned char>(c) | 0x20u) - unsigned{'a'};
        if (d > 5) return false;
        d += 10;
      }
      v = static_cast<T>(v * 16 + d);
    }
    out = v;
    return true;
  }
  if (base != 10) {
    auto r = std::from_chars(s.data(), s.data() + s.size(), out, base);
    return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
  }
  // The decimal loop of NextNumber, over all of `s` (which holds no tab).
  const char* p = s.data();
  const char* end = p + s.size();
  return !s.empty() && s.back() != '\t' && NextNumber(p, end, out) && p == end;
}

// Up to N tab-separated fields of `line` (no allocation); how many there are, or N + 1 when
// there are more.
template <std::size_t N>
inline std::size_t Fields(std::string_view line, std::array<std::string_view, N>& out) {
  std::size_t n = 0;
  while (true) {
    std::size_t tab = line.find('\t');
    if (n == N) return N + 1;
    out[n++] = line.substr(0, tab);
    if (tab == std::string_view::npos) return n;
    line.remove_prefix(tab + 1);
  }
}

// The fields of a "file" line after its tag ("<dir>\t<name>\t<root>\t<size>\t<mtime>\t<hash>"),
// read in one pass: a cache of the built-ins has thousands, all read on every run.
inline bool FileLine(std::string_view line, SourceFile& s) {
  const char* p = line.data();
  const char* end = p + line.size();
  if (!NextNumber(p, end, s.dir)) return false;
  const void* tab = std::memchr(p, '\t', static_cast<std::size_t>(end - p));
  if (tab == nullptr) return false;
  s.name = std::string_view(p, static_cast<std::size_t>(static_cast<const char*>(tab) - p));
  p = static_cast<const char*>(tab) + 1;
  if (!NextNumber(p, end, s.root) || !NextNumber(p, end, s.size) ||
      !NextNumber(p, end, s.mtime_ns) || end - p != 16 || std::memchr(p, '\t', 16) != nullptr) {
    return false;
  }
  s.hash = std::string_view(p, 16);
  return true;
}

// Space-separated rule numbers, each below `limit`.
inline bool Numbers(std::string_view s, std::uint32_t limit, std::vector<std::uint32_t>& out) {
  while (!s.empty()) {
    std::size_t sp = s.find(' ');
    std::uint32_t n = 0;
    if (!Number(s.substr(0, sp), n) || n >= limit) return false;
    out.push_back(n);
    s.remove_prefix(sp == std::string_view::npos ? s.size() : sp + 1);
  }
  return true;
}

// A reader of the index's lines.
class Lines {
 public:
  explicit Lines(std::string_view s) : s_(s) {}
  bool Next(std::string_view& line) {
    if (pos_ >= s_.size()) return false;
    const void* nl = std::memchr(s_.data() + pos_, '\n', s_.size() - pos_);
    if (nl == nullptr) return false;
    std::size_t end = static_cast<std::size_t>(static_cast<const char*>(nl) - s_.data());
    line = s_.substr(pos_, end - pos_);
    pos_ = end + 1;
    return true;
  }
  std::string_view Take(std::size_t n) {
    if (n > s_.size() - pos_) {
      pos_ = s_.size();
      return {};
    }
    std::string_view out = s_.substr(pos_, n);
    pos_ += n;
    return out;
  }
  std::size_t offset() const { return pos_; }
  std::size_t left() const { return s_.size() - pos_; }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace armlint::internal::cache_lines
