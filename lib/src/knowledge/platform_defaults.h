// Properties that Azure fills in when a create request leaves them out, as the resource
// providers' REST API documentation states them. Azure Policy evaluates a `deny`, `modify` or
// `append` effect on the request as sent, before the resource provider sees it, but the
// compliance of `audit`, `auditIfNotExists` and `deployIfNotExists` on the resource as Azure
// stores it (azure-policy "Known Issues": policy rules apply to "PUT requests and GET
// responses"). For those, a property missing from a template reads as its default here.
//
//   const PlatformDefault* d = FindPlatformDefault("microsoft.keyvault/vaults",
//                                                  "properties.enablesoftdelete");
//   d->AppliesTo("2023-07-01");  // true: the default exists in that API version
//   d->value;                     // "true" (JSON); empty when Azure only *interprets* a
//                                 // missing value and the stored resource may show nothing
//
// The table is armlint's own, one row per documented default, each with its source: the
// resource type schemas armlint ships (from bicep-types-az) give each property's flags and
// kinds but no default values. Static, so thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace armlint::internal {

struct PlatformDefault {
  std::string_view type;   // "Microsoft.KeyVault/vaults"
  std::string_view path;   // from the resource root: "properties.enableSoftDelete"
  std::string_view since;  // the first API version with this default; empty: every version
  // The value the stored resource shows, as JSON ("true", "\"Allow\""). Empty: Azure behaves
  // as `meaning` when the property is missing but does not document storing a value, so what
  // a compliance scan reads is unknown.
  std::string_view value;
  std::string_view meaning;  // what a missing value means, for messages ("false", "TLS1_0")
  std::string_view source;   // where the default is documented

  // Whether a resource deployed with `api_version` gets this default. An empty `api_version`
  // (an expression, or none) is treated as applying only when `since` is empty.
  bool AppliesTo(std::string_view api_version) const;
};

// Every row, for tests and documentation.
std::span<const PlatformDefault> PlatformDefaults();

// The default of the property at `path` (dotted from the resource root; keys, any case) of
// resource type `type` (any case); null when none is documented.
const PlatformDefault* FindPlatformDefault(std::string_view type, std::string_view path);

}  // namespace armlint::internal
