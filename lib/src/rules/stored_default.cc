// Missing properties read as the platform fills them in (stored_default.h).
#include "rules/stored_default.h"

#include <string>
#include <vector>

#include "knowledge/platform_defaults.h"
#include "util/arena.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

// The dotted key path of `steps` ("properties.networkAcls.defaultAction"); empty when a step is
// not a key.
std::string KeyPath(const std::vector<PathStep>& steps) {
  std::string out;
  for (const PathStep& s : steps) {
    if (s.kind != PathStep::Kind::kKey) return {};
    if (!out.empty()) out += '.';
    out += s.key;
  }
  return out;
}

// The values a property the template leaves out can read as on the stored resource, one set
// per row of PlatformDefaults(), built once.
struct StoredValues {
  const Value* known = nullptr;        // the stored default (null: only interpreted)
  const Value* interpreted = nullptr;  // Unknown: Azure may store no value
  const Value* no_version = nullptr;   // Unknown: depends on an apiVersion not known offline
};

const StoredValues& StoredValuesOf(const PlatformDefault& d) {
  static const std::vector<StoredValues>* table = [] {
    static Arena* arena = new Arena();  // lives for the process, reachable for leak checkers
    auto* out = new std::vector<StoredValues>();
    for (const PlatformDefault& row : PlatformDefaults()) {
      StoredValues v;
      if (row.value == "true" || row.value == "false") {
        v.known = Value::Bool(*arena, row.value == "true", Anchor{});
      } else if (!row.value.empty()) {
        v.known = Value::StringView(*arena, row.value.substr(1, row.value.size() - 2), Anchor{});
      }
      v.interpreted = Value::Unknown(
          *arena,
          arena->Copy(Cat("not set: Azure treats a missing ", row.path, " as ", row.meaning,
                          " but may store no value, so a compliance scan's result is unknown; ",
                          row.source)),
          Anchor{}, Kind::kUnknown, kFlagAssumedNull);
      v.no_version =
          Value::Unknown(*arena,
                         arena->Copy(Cat("not set: Azure fills in ", row.path, " (", row.meaning,
                                         ") from API version ", row.since,
                                         ", and this resource's apiVersion is not known")),
                         Anchor{});
      out->push_back(v);
    }
    return out;
  }();
  return (*table)[static_cast<std::size_t>(&d - PlatformDefaults().data())];
}

}  // namespace

const Value* StoredDefault(const Resource& r, std::string_view version,
                           const std::vector<PathStep>& steps) {
  std::string path = KeyPath(steps);
  if (path.empty()) return nullptr;
  const PlatformDefault* d =
      FindPlatformDefault(r.type_lower.empty() ? r.type : r.type_lower, path);
  if (d == nullptr) return nullptr;
  const StoredValues& v = StoredValuesOf(*d);
  if (!d->since.empty() && version.empty()) return v.no_version;
  if (!d->AppliesTo(version)) return nullptr;
  return v.known != nullptr ? v.known : v.interpreted;
}

}  // namespace armlint::internal
