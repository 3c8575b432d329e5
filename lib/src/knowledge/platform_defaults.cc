// The documented defaults of properties that a template may leave out (platform_defaults.h).
// Add a row only with a source that states the default; "the portal sets it" is not one.
#include "knowledge/platform_defaults.h"

#include "util/strings.h"

namespace armlint::internal {
namespace {

constexpr PlatformDefault kDefaults[] = {
    {"Microsoft.Storage/storageAccounts", "properties.supportsHttpsTrafficOnly", "2019-04-01",
     "true", "true",
     "Storage REST API: \"The default value is true since API version 2019-04-01\""},
    {"Microsoft.Storage/storageAccounts", "properties.networkAcls.defaultAction", "", "\"Allow\"",
     "Allow",
     "azure-policy Known Issues, \"Optional or auto-generated resource property that bypasses "
     "policy evaluation\": networkAcls.defaultAction"},
    {"Microsoft.Storage/storageAccounts", "properties.networkAcls.bypass", "", "\"AzureServices\"",
     "AzureServices", "Storage REST API, NetworkRuleSet.bypass: default AzureServices"},
    {"Microsoft.Storage/storageAccounts", "properties.allowBlobPublicAccess", "", "", "false",
     "Storage REST API: \"The default interpretation is false for this property\""},
    {"Microsoft.Storage/storageAccounts", "properties.allowCrossTenantReplication", "", "", "false",
     "Storage REST API: \"The default interpretation is false for new accounts\""},
    {"Microsoft.Storage/storageAccounts", "properties.minimumTlsVersion", "", "", "TLS1_0",
     "Storage REST API: \"The default interpretation is TLS 1.0 for this property\" (TLS 1.0 and "
     "1.1 are retired for Azure Storage)"},
    {"Microsoft.KeyVault/vaults", "properties.enableSoftDelete", "2019-09-01", "true", "true",
     "Key Vault REST API, VaultProperties.enableSoftDelete: \"If it's not set to any value (true "
     "or false) when creating new key vault, it will be set to true by default\""},
    {"Microsoft.KeyVault/managedHSMs", "properties.enableSoftDelete", "", "true", "true",
     "Key Vault REST API, ManagedHsmProperties.enableSoftDelete: \"it will be set to true by "
     "default\""},
};

}  // namespace

bool PlatformDefault::AppliesTo(std::string_view api_version) const {
  if (since.empty()) return true;
  // API versions start with their date (YYYY-MM-DD), which orders them.
  return api_version.size() >= since.size() && api_version.substr(0, since.size()) >= since;
}

std::span<const PlatformDefault> PlatformDefaults() { return kDefaults; }

const PlatformDefault* FindPlatformDefault(std::string_view type, std::string_view path) {
  for (const PlatformDefault& d : kDefaults) {
    if (EqualsIgnoreCase(d.type, type) && EqualsIgnoreCase(d.path, path)) return &d;
  }
  return nullptr;
}

}  // namespace armlint::internal
