// Lookups in the generated resource-type table (knowledge/api_versions_data.cc).
#include "knowledge/api_versions.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <span>

#include "knowledge/api_versions_data.h"
#include "util/did_you_mean.h"
#include "util/strings.h"
#include "util/swar.h"

namespace armlint::internal {
namespace {

using knowledge_data::kApiVersions;
using knowledge_data::kResourceTypes;

using knowledge_data::kResourceTypeCount;

// ASCII case-insensitive three-way comparison, the order the generator sorts types in.
int CompareIgnoreCase(std::string_view a, std::string_view b) {
  std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  // Types share long prefixes ("Microsoft.Network/") that a lookup compares a dozen times:
  // skip eight bytes at a time while they are equal ignoring case.
  for (; i + 8 <= n; i += 8) {
    const std::uint64_t x = swar::Load8(a.data() + i), y = swar::Load8(b.data() + i);
    if (x != y && swar::LowerAscii(x) != swar::LowerAscii(y)) break;
  }
  for (; i < n; ++i) {
    char x = AsciiLower(a[i]);
    char y = AsciiLower(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// The value of each kVersionDigits symbol, by byte: decoding is on every version lookup.
const std::array<std::uint8_t, 256>& DigitValues() {
  static const std::array<std::uint8_t, 256> values = [] {
    std::array<std::uint8_t, 256> v{};
    const std::string_view digits = knowledge_data::kVersionDigits;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      v[static_cast<unsigned char>(digits[i])] = static_cast<std::uint8_t>(i);
    }
    return v;
  }();
  return values;
}

// The number of versions of table row `row`.
std::size_t VersionCount(std::size_t row) { return kResourceTypes[row].versions.size() / 2; }

// The `i`th version (oldest first) of table row `row`, decoded without building the list.
std::string_view VersionAt(std::size_t row, std::size_t i) {
  const std::array<std::uint8_t, 256>& values = DigitValues();
  const std::string_view enc = kResourceTypes[row].versions;
  const std::size_t index =
      values[static_cast<unsigned char>(enc[2 * i])] * knowledge_data::kVersionDigits.size() +
      values[static_cast<unsigned char>(enc[2 * i + 1])];
  return kApiVersions[index];
}

// Whether `v` comes after ToLower(`version`) in string order, without making the lower-cased
// copy.
bool AfterLowered(std::string_view v, std::string_view version) {
  const std::size_t n = std::min(v.size(), version.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = static_cast<unsigned char>(v[i]);
    const auto y = static_cast<unsigned char>(AsciiLower(version[i]));
    if (x != y) return x > y;
  }
  return v.size() > version.size();
}

}  // namespace

bool IsGaApiVersion(std::string_view version) { return version.size() == 10; }

std::string_view ResourceTypeInfo::name() const { return kResourceTypes[row_].type; }

std::vector<std::string_view> ResourceTypeInfo::versions() const {
  std::vector<std::string_view> out;
  const std::size_t count = VersionCount(row_);
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.push_back(VersionAt(row_, i));
  return out;
}

bool ResourceTypeInfo::HasVersion(std::string_view version) const {
  // Newest first: templates mostly use recent versions.
  for (std::size_t i = VersionCount(row_); i-- > 0;) {
    if (EqualsIgnoreCase(VersionAt(row_, i), version)) return true;
  }
  return false;
}

std::string_view ResourceTypeInfo::NewerGa(std::string_view version) const {
  for (std::size_t i = VersionCount(row_); i-- > 0;) {
    const std::string_view v = VersionAt(row_, i);
    if (!IsGaApiVersion(v)) continue;
    // Versions start with their date, so string order is date order; a preview of the same
    // date as a GA version comes before it.
    return AfterLowered(v, version) ? v : std::string_view();
  }
  return {};
}

std::string_view ResourceTypeInfo::NearestVersion(std::string_view version) const {
  std::string_view best;
  std::size_t best_d = 3;  // at most two edits
  for (std::string_view v : versions()) {
    std::size_t d = EditDistance(version, v, best_d);
    if (d <= best_d) {  // ties: the newer
      best = v;
      best_d = d;
    }
  }
  return best_d <= 2 ? best : std::string_view();
}

namespace {

// The rows last found, by a hash of the type ignoring case: templates name the same few types
// again and again, and a hit costs a hash and one comparison where the binary search costs a
// dozen comparisons across the table. A slot only ever holds a row index (plus one; 0: empty),
// checked against the type before use, so threads may share and overwrite slots freely.
constexpr std::size_t kRecentSlots = 512;
std::atomic<std::uint32_t> recent_rows[kRecentSlots];

std::size_t SlotOf(std::string_view type) {
  std::uint64_t h = 14695981039346656037ULL;  // FNV-1a over the bytes with the case bit set
  for (char c : type) h = (h ^ (static_cast<unsigned char>(c) | 0x20u)) * 1099511628211ULL;
  return static_cast<std::size_t>(h ^ (h >> 29)) % kRecentSlots;
}

}  // namespace

std::optional<ResourceTypeInfo> FindResourceType(std::string_view type) {
  std::atomic<std::uint32_t>& slot = recent_rows[SlotOf(type)];
  if (const std::uint32_t row = slot.load(std::memory_order_relaxed);
      row != 0 && EqualsIgnoreCase(kResourceTypes[row - 1].type, type)) {
    return ResourceTypeInfo(row - 1);
  }
  auto it = std::lower_bound(kResourceTypes, kResourceTypes + kResourceTypeCount, type,
                             [](const knowledge_data::TypeRow& row, std::string_view t) {
                               return CompareIgnoreCase(row.type, t) < 0;
                             });
  if (it == kResourceTypes + kResourceTypeCount || CompareIgnoreCase(it->type, type) != 0) {
    return std::nullopt;
  }
  const auto row = static_cast<std::size_t>(it - kResourceTypes);
  slot.store(static_cast<std::uint32_t>(row + 1), std::memory_order_relaxed);
  return ResourceTypeInfo(row);
}

bool IsKnownProviderNamespace(std::string_view ns) {
  if (ns.empty()) return false;
  const std::string prefix = std::string(ns) + "/";
  const knowledge_data::TypeRow* it =
      std::lower_bound(kResourceTypes, kResourceTypes + kResourceTypeCount, prefix,
                       [](const knowledge_data::TypeRow& row, const std::string& p) {
                         return CompareIgnoreCase(row.type, p) < 0;
                       });
  return it != kResourceTypes + kResourceTypeCount && StartsWithIgnoreCase(it->type, prefix);
}

std::string_view NearestResourceType(std::string_view type) {
  std::vector<std::string_view> names;
  names.reserve(kResourceTypeCount);
  for (const knowledge_data::TypeRow& row : std::span(kResourceTypes, kResourceTypeCount))
    names.push_back(row.type);
  // A misspelling is a few edits; longer names allow a few more.
  return NearestWithin(type, names, std::max<std::size_t>(2, type.size() / 10));
}

std::size_t ResourceTypeCount() { return kResourceTypeCount; }

}  // namespace armlint::internal
