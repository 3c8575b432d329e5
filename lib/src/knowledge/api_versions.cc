// Lookups in the generated resource-type table (knowledge/api_versions_data.cc).
#include "knowledge/api_versions.h"

#include <algorithm>
#include <span>

#include "knowledge/api_versions_data.h"
#include "util/did_you_mean.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

using knowledge_data::kApiVersions;
using knowledge_data::kResourceTypes;

using knowledge_data::kResourceTypeCount;

// ASCII case-insensitive three-way comparison, the order the generator sorts types in.
int CompareIgnoreCase(std::string_view a, std::string_view b) {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    char x = AsciiLower(a[i]);
    char y = AsciiLower(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// The version index encoded at `versions[2 * i]`.
std::size_t VersionIndex(std::string_view versions, std::size_t i) {
  const std::string_view digits = knowledge_data::kVersionDigits;
  return digits.find(versions[2 * i]) * digits.size() + digits.find(versions[2 * i + 1]);
}

}  // namespace

bool IsGaApiVersion(std::string_view version) { return version.size() == 10; }

std::string_view ResourceTypeInfo::name() const { return kResourceTypes[row_].type; }

std::vector<std::string_view> ResourceTypeInfo::versions() const {
  std::string_view enc = kResourceTypes[row_].versions;
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < enc.size() / 2; ++i)
    out.push_back(kApiVersions[VersionIndex(enc, i)]);
  return out;
}

bool ResourceTypeInfo::HasVersion(std::string_view version) const {
  for (std::string_view v : versions()) {
    if (EqualsIgnoreCase(v, version)) return true;
  }
  return false;
}

std::string_view ResourceTypeInfo::NewerGa(std::string_view version) const {
  std::string lower = ToLower(version);
  std::vector<std::string_view> all = versions();
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    if (!IsGaApiVersion(*it)) continue;
    // Versions start with their date, so string order is date order; a preview of the same
    // date as a GA version comes before it.
    return *it > std::string_view(lower) ? *it : std::string_view();
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

std::optional<ResourceTypeInfo> FindResourceType(std::string_view type) {
  auto it = std::lower_bound(kResourceTypes, kResourceTypes + kResourceTypeCount, type,
                             [](const knowledge_data::TypeRow& row, std::string_view t) {
                               return CompareIgnoreCase(row.type, t) < 0;
                             });
  if (it == kResourceTypes + kResourceTypeCount || CompareIgnoreCase(it->type, type) != 0) {
    return std::nullopt;
  }
  return ResourceTypeInfo(static_cast<std::size_t>(it - kResourceTypes));
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
