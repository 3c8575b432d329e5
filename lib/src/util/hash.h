// 64-bit FNV-1a (http://www.isthe.com/chongo/tech/comp/fnv/): a stable hash of text for
// fingerprints and shard assignment. Stable means across platforms, compilers and releases:
// baselines and SARIF results store these values, so they must never change.
//
//   Fnv1a64 h;
//   h.Add(rule_id).AddByte(0xff).Add(file);
//   std::uint64_t v = h.value();
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace armlint::internal {

// The FNV-1a 64-bit prime and offset basis as the FNV reference gives them.
inline constexpr std::uint64_t kFnv64Prime = 1099511628211ull;
inline constexpr std::uint64_t kFnv64OffsetBasis = 14695981039346656037ull;

// The offset basis baseline fingerprints and --shard assignment use: the standard one with its
// last digit dropped (1469598103934665603, not 14695981039346656037), a slip made when they
// were written. Still a fine basis, and now a contract: every baseline file written so far
// holds fingerprints made with it, and shard K/N of a tree must stay the same files, so it is
// kept, named, and pinned by tests/util/hash_test.cc. SARIF fingerprints use the standard one.
inline constexpr std::uint64_t kArmlintFnv64OffsetBasis = 1469598103934665603ull;

// `v` as 16 lowercase hex digits ("%016x"): fingerprints, and the hashes a policy cache records.
inline std::string Hex64(std::uint64_t v) {
  std::string out(16, '0');
  for (std::size_t i = 16; i-- > 0; v >>= 4) out[i] = "0123456789abcdef"[v & 15];
  return out;
}

class Fnv1a64 {
 public:
  explicit constexpr Fnv1a64(std::uint64_t offset_basis = kFnv64OffsetBasis) : h_(offset_basis) {}

  constexpr Fnv1a64& AddByte(unsigned char b) {
    h_ ^= b;
    h_ *= kFnv64Prime;
    return *this;
  }
  constexpr Fnv1a64& Add(std::string_view s) {
    for (char c : s) AddByte(static_cast<unsigned char>(c));
    return *this;
  }
  constexpr std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_;
};

}  // namespace armlint::internal
