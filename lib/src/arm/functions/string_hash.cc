// Deterministic identifiers: guid() and uniqueString(), bit-for-bit as Azure computes them.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#guid
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string#uniquestring
//
// uniqueString: the arguments joined with '-', hashed with the 64-bit MurmurHash variant of
// Azure's deployment engine (two 32-bit lanes, its own constants), written as 13 characters
// of lowercase RFC 4648 base32 taken 5 bits at a time from the top. Checked against outputs
// published from real deployments (tests/arm/functions/string_test.cc).
//
// guid: a name-based (version 5, SHA-1) RFC 4122 UUID in the namespace
// 11fb06fb-712d-4ddd-98c7-e71bbd588830 of the arguments joined with '-', the name encoded as
// UTF-8 (public ports that match Bicep's output, e.g. Terraform's uuidv5 with this namespace,
// hash UTF-8).
#include <array>
#include <cstring>
#include <string>

#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "arm/functions/common.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

std::string JoinArgs(std::span<const Value* const> args) {
  std::string s;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0) s += '-';
    s += args[i]->string_value();
  }
  return s;
}

std::uint32_t Rotl(std::uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }

std::uint32_t Load32(const unsigned char* p, std::size_t n) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v |= static_cast<std::uint32_t>(p[i]) << (8 * i);
  return v;
}

}  // namespace

std::uint64_t ArmMurmurHash64(std::string_view text) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t length = text.size();
  std::uint32_t h1 = 0, h2 = 0;
  std::size_t i = 0;
  for (; i + 8 <= length; i += 8) {
    std::uint32_t k1 = Load32(data + i, 4);
    std::uint32_t k2 = Load32(data + i + 4, 4);
    k1 *= 597399067u;
    k1 = Rotl(k1, 15);
    k1 *= 2869860233u;
    h1 ^= k1;
    h1 = Rotl(h1, 19);
    h1 += h2;
    h1 = h1 * 5 + 1444728091u;
    k2 *= 2869860233u;
    k2 = Rotl(k2, 17);
    k2 *= 597399067u;
    h2 ^= k2;
    h2 = Rotl(h2, 13);
    h2 += h1;
    h2 = h2 * 5 + 197830471u;
  }
  std::size_t tail = length - i;
  if (tail > 0) {
    std::uint32_t k1 = Load32(data + i, tail >= 4 ? 4 : tail);
    k1 *= 597399067u;
    k1 = Rotl(k1, 15);
    k1 *= 2869860233u;
    h1 ^= k1;
    if (tail > 4) {
      std::uint32_t k2 = Load32(data + i + 4, tail - 4);
      k2 *= 2869860233u;
      k2 = Rotl(k2, 17);
      k2 *= 597399067u;
      h2 ^= k2;
    }
  }
  h1 ^= static_cast<std::uint32_t>(length);
  h2 ^= static_cast<std::uint32_t>(length);
  h1 += h2;
  h2 += h1;
  auto fmix = [](std::uint32_t h) {
    h ^= h >> 16;
    h *= 2246822507u;
    h ^= h >> 13;
    h *= 3266489909u;
    h ^= h >> 16;
    return h;
  };
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 += h2;
  h2 += h1;
  return (static_cast<std::uint64_t>(h2) << 32) | h1;
}

std::string ArmUniqueString(std::string_view joined) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::uint64_t v = ArmMurmurHash64(joined);
  std::string out;
  for (int i = 0; i < 13; ++i) {
    out += kAlphabet[v >> 59];
    v <<= 5;
  }
  return out;
}

std::array<unsigned char, 20> Sha1(std::string_view msg) {
  std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string m(msg);
  std::uint64_t bits = static_cast<std::uint64_t>(msg.size()) * 8;
  m += static_cast<char>(0x80);
  while (m.size() % 64 != 56) m += '\0';
  for (int i = 7; i >= 0; --i) m += static_cast<char>((bits >> (8 * i)) & 0xff);
  for (std::size_t off = 0; off < m.size(); off += 64) {
    std::uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
      const auto* p = reinterpret_cast<const unsigned char*>(m.data() + off + 4 * i);
      w[i] = (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
             (std::uint32_t{p[2]} << 8) | p[3];
    }
    for (int i = 16; i < 80; ++i) w[i] = Rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      std::uint32_t f, k;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5A827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ED9EBA1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d;
        k = 0xCA62C1D6;
      }
      std::uint32_t t = Rotl(a, 5) + f + e + k + w[i];
      e = d;
      d = c;
      c = Rotl(b, 30);
      b = a;
      a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  std::array<unsigned char, 20> out;
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 4; ++j) out[4 * i + j] = static_cast<unsigned char>(h[i] >> (24 - 8 * j));
  }
  return out;
}

std::string ArmGuid(std::string_view name) {
  static constexpr unsigned char kNamespace[16] = {0x11, 0xfb, 0x06, 0xfb, 0x71, 0x2d, 0x4d, 0xdd,
                                                   0x98, 0xc7, 0xe7, 0x1b, 0xbd, 0x58, 0x88, 0x30};
  std::string input(reinterpret_cast<const char*>(kNamespace), 16);
  input += name;
  std::array<unsigned char, 20> hash = Sha1(input);
  hash[6] = static_cast<unsigned char>((hash[6] & 0x0f) | 0x50);
  hash[8] = static_cast<unsigned char>((hash[8] & 0x3f) | 0x80);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[hash[i] >> 4];
    out += kHex[hash[i] & 0xf];
  }
  return out;
}

namespace {

absl::StatusOr<const Value*> Guid(CallContext& ctx, std::span<const Value* const> args) {
  return ctx.String(ArmGuid(JoinArgs(args)));
}

absl::StatusOr<const Value*> UniqueString(CallContext& ctx, std::span<const Value* const> args) {
  return ctx.String(ArmUniqueString(JoinArgs(args)));
}

absl::StatusOr<const Value*> NewGuid(CallContext& ctx, std::span<const Value* const>) {
  return ctx.Unknown(Kind::kString, "newGuid() is a new value at each deployment");
}

}  // namespace

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterStringHashFunctions(FunctionTable& t) {
  t.Add({.name = "guid",
         .min_args = 1,
         .max_args = -1,
         .arg_kinds = {kArgString},
         .result = Kind::kString,
         .fn = Guid});
  t.Add({.name = "uniqueString",
         .min_args = 1,
         .max_args = -1,
         .arg_kinds = {kArgString},
         .result = Kind::kString,
         .fn = UniqueString});
  t.Add({.name = "newGuid", .min_args = 0, .max_args = 0, .result = Kind::kString, .fn = NewGuid});
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
