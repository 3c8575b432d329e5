// The exported resources the rule and policy targets evaluate every compiled condition on: one
// of each shape the built-in rules and policies look at most (a storage account with network
// rules, its blob service, a web app, a SQL database with an explicit null, an NSG whose rule
// uses single ports, ranges and arrays).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "json/document.h"
#include "resources/resource.h"

namespace armlint::fuzz {

inline constexpr std::string_view kFixedResources = R"([
  {"type": "Microsoft.Storage/storageAccounts", "name": "st1", "location": "westeurope",
   "apiVersion": "2023-01-01", "kind": "StorageV2", "sku": {"name": "Standard_LRS"},
   "tags": {"env": "prod"},
   "properties": {"supportsHttpsTrafficOnly": false, "minimumTlsVersion": "TLS1_0",
     "networkAcls": {"defaultAction": "Allow", "ipRules": [{"value": "1.2.3.4"}, {"value": "*"}]}}},
  {"type": "Microsoft.Storage/storageAccounts/blobServices", "name": "st1/default",
   "properties": {"deleteRetentionPolicy": {"enabled": false}}},
  {"type": "Microsoft.Web/sites", "name": "app", "properties": {"siteConfig": {"ftpsState":
    "AllAllowed", "cors": {"allowedOrigins": ["*"]}}, "httpsOnly": true}},
  {"type": "Microsoft.Sql/servers/databases", "name": "srv/db", "properties": {"zoneRedundant": null}},
  {"type": "Microsoft.Network/networkSecurityGroups", "name": "nsg", "properties": {"securityRules": [
    {"name": "r", "properties": {"access": "Allow", "direction": "Inbound", "destinationPortRange": "22",
     "sourceAddressPrefix": "*", "destinationPortRanges": ["3389", "1-65535"]}}]}}
])";

// The resources of kFixedResources, parsed once (the document lives as long as the process).
inline const std::vector<internal::Resource>& FixedResources() {
  static const auto* doc = [] {
    auto parsed = internal::Document::Parse("resources.json", std::string(kFixedResources));
    if (!parsed.ok()) __builtin_trap();
    return parsed->release();
  }();
  static const std::vector<internal::Resource> resources = internal::ResourcesFromExport(*doc);
  return resources;
}

}  // namespace armlint::fuzz
