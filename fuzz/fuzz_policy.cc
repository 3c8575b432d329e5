// Azure Policy loader + evaluation: the input is a policy definition file (any shape the loader
// takes: definition, properties, array, initiative, template deploying definitions); every
// definition is compiled and evaluated on a fixed set of exported resources.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "json/document.h"
#include "policy/policy_loader.h"
#include "resources/resource.h"
#include "rules/condition.h"

namespace {

using namespace armlint::internal;

constexpr std::string_view kResources = R"([
  {"type": "Microsoft.Storage/storageAccounts", "name": "st1", "location": "westeurope",
   "apiVersion": "2023-01-01", "kind": "StorageV2", "sku": {"name": "Standard_LRS"},
   "tags": {"env": "prod"},
   "properties": {"supportsHttpsTrafficOnly": false, "minimumTlsVersion": "TLS1_0",
     "networkAcls": {"defaultAction": "Allow", "ipRules": [{"value": "1.2.3.4"}, {"value": "*"}]}}},
  {"type": "Microsoft.Storage/storageAccounts/blobServices", "name": "st1/default",
   "properties": {"deleteRetentionPolicy": {"enabled": false}}},
  {"type": "Microsoft.Network/networkSecurityGroups", "name": "nsg", "properties": {"securityRules": [
    {"name": "r", "properties": {"access": "Allow", "direction": "Inbound", "destinationPortRange": "22",
     "sourceAddressPrefix": "*", "destinationPortRanges": ["3389", "1-65535"]}}]}}
])";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static auto resources_doc = Document::Parse("resources.json", std::string(kResources));
  if (!resources_doc.ok()) __builtin_trap();
  static const std::vector<Resource> resources = ResourcesFromExport(**resources_doc);

  auto parsed =
      Document::Parse("policy.json", std::string(reinterpret_cast<const char*>(data), size));
  if (!parsed.ok()) return 0;
  PolicyLoadOptions options;
  options.documents.push_back(std::shared_ptr<const Document>(std::move(*parsed)));
  PolicyLoad load = LoadPolicies(options);
  for (const auto& rule : load.rules) {
    for (const Resource& r : resources) (void)rule->condition->Evaluate(r, resources);
  }
  return 0;
}
