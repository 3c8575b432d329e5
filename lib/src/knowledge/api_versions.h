// What Azure Resource Manager knows about resource types: every deployable type with every API
// version that has a published schema, from a generated table (scripts/gen-api-versions.py;
// source and licence in THIRD-PARTY-NOTICES.md).
//
//   std::optional<ResourceTypeInfo> t = FindResourceType("microsoft.network/dnszones");
//   t->name();                        // "Microsoft.Network/dnsZones"
//   t->NewerGa("2017-09-01");         // "2018-05-01": the newest GA version, which is newer
//   t->HasVersion("2018-05-01");      // true
//
// Types and versions compare ignoring ASCII case, as ARM compares them. The table is static,
// so everything here is thread-safe and returned views live for the whole process.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace armlint::internal {

// Whether an API version is generally available: no suffix after its date ("2023-01-01"),
// unlike "2023-01-01-preview".
bool IsGaApiVersion(std::string_view version);

class ResourceTypeInfo {
 public:
  // The type as Azure spells it: "Microsoft.Network/dnsZones".
  std::string_view name() const;
  // Its API versions, oldest first.
  std::vector<std::string_view> versions() const;
  bool HasVersion(std::string_view version) const;
  // The newest GA version, when it is newer than `version`; else empty (`version` is the newest
  // GA version or newer, or the type has no GA version).
  std::string_view NewerGa(std::string_view version) const;
  // The known version nearest `version` in spelling ("2021-03-01" for "2021-03-1"), for
  // "did you mean"; empty when none is close.
  std::string_view NearestVersion(std::string_view version) const;

 private:
  friend std::optional<ResourceTypeInfo> FindResourceType(std::string_view type);
  explicit ResourceTypeInfo(std::size_t row) : row_(row) {}
  std::size_t row_;  // in the generated table
};

// The type `type` ("Microsoft.Network/dnsZones", any case), or nullopt when ARM knows no such
// type.
std::optional<ResourceTypeInfo> FindResourceType(std::string_view type);

// Whether any known type belongs to resource provider namespace `ns` ("Microsoft.Network", any
// case).
bool IsKnownProviderNamespace(std::string_view ns);

// The known type nearest `type` in spelling, for "did you mean"; empty when none is close.
std::string_view NearestResourceType(std::string_view type);

// The number of types in the table (for tests).
std::size_t ResourceTypeCount();

}  // namespace armlint::internal
