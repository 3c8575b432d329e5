// Rule-file loader + condition evaluation: the input is a rule file; it is loaded as the rule
// file named after its "id" (ParseRuleText), its "if" compiled, and the condition evaluated on
// a fixed set of exported resources.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "json/document.h"
#include "resources/resource.h"
#include "rules/condition.h"
#include "rules/rule_loader.h"

namespace {

using namespace armlint::internal;

constexpr std::string_view kResources = R"([
  {"type": "Microsoft.Storage/storageAccounts", "name": "st1", "location": "westeurope",
   "kind": "StorageV2", "sku": {"name": "Standard_LRS"}, "tags": {"env": "prod"},
   "properties": {"supportsHttpsTrafficOnly": false, "minimumTlsVersion": "TLS1_0",
     "networkAcls": {"defaultAction": "Allow", "ipRules": [{"value": "1.2.3.4"}, {"value": "*"}]}}},
  {"type": "Microsoft.Web/sites", "name": "app", "properties": {"siteConfig": {"ftpsState":
    "AllAllowed", "cors": {"allowedOrigins": ["*"]}}, "httpsOnly": true}},
  {"type": "Microsoft.Sql/servers/databases", "name": "srv/db", "properties": {"zoneRedundant": null}},
  {"type": "Microsoft.Network/networkSecurityGroups", "name": "nsg", "properties": {"securityRules": [
    {"name": "r", "properties": {"access": "Allow", "direction": "Inbound", "destinationPortRange": "22",
     "sourceAddressPrefix": "*", "destinationPortRanges": ["3389", "1-65535"]}}]}}
])";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static auto resources_doc = Document::Parse("resources.json", std::string(kResources));
  if (!resources_doc.ok()) __builtin_trap();
  static const std::vector<Resource> resources = ResourcesFromExport(**resources_doc);

  std::string text(reinterpret_cast<const char*>(data), size);
  auto parsed = Document::Parse("rule.json", text);
  if (!parsed.ok()) return 0;
  std::shared_ptr<const Document> doc(std::move(*parsed));
  std::string id = "rule";
  if (const Value* v = doc->root().Find("id");
      v != nullptr && v->is_string() && v->string_value().size() < 100 &&
      v->string_value().find('/') == std::string_view::npos) {
    id = std::string(v->string_value());
  }
  (void)ParseRuleText(id + ".json", text);

  const Value* cond = doc->root().Find("if");
  if (cond == nullptr) cond = &doc->root();
  auto compiled = Condition::Compile(doc, *cond);
  if (!compiled.ok()) return 0;
  for (const Resource& r : resources) (void)(*compiled)->Evaluate(r);
  return 0;
}
