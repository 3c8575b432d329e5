// dns-zone-dnssec: a public DNS zone of the deployment without a DNSSEC configuration
// (Microsoft.Network/dnszones/dnssecConfigs, named `default`) in the same deployment (Learn
// "DNSSEC overview", learn.microsoft.com/azure/dns/dnssec; zone signing is off until that child
// resource exists). Zones with zoneType Private (legacy) are skipped; a zone or configuration
// whose name is not known offline gives an unknown outcome, and so does an exported zone
// without properties.signingKeys (exports do not list the child).
#include <algorithm>
#include <string>
#include <vector>

#include "rules/native_checks.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

constexpr std::string_view kZone = "microsoft.network/dnszones";
constexpr std::string_view kDnssec = "microsoft.network/dnszones/dnssecconfigs";

bool IsPrivate(const Resource& zone) {
  const Value* props = zone.body->Find("properties");
  const Value* type = props != nullptr && props->is_object() ? props->Find("zoneType") : nullptr;
  return type != nullptr && type->is_string() && EqualsIgnoreCase(type->string_value(), "Private");
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  if (context.resources == nullptr) return;
  // The zones the deployment signs, by lower-cased zone name; `unknown_config`: a configuration
  // whose name is not known, which may sign any zone.
  std::vector<std::string> signed_zones;
  bool unknown_config = false;
  for (const Resource& r : *context.resources) {
    if (!EqualsIgnoreCase(r.type, kDnssec)) continue;
    std::size_t slash = r.name.find('/');
    if (!r.name_known || slash == std::string::npos) {
      unknown_config = true;
      continue;
    }
    signed_zones.push_back(ToLower(std::string_view(r.name).substr(0, slash)));
  }
  for (const Resource& r : *context.resources) {
    if (r.body == nullptr || !EqualsIgnoreCase(r.type, kZone) || IsPrivate(r)) continue;
    const std::string name = ToLower(r.name);
    if (r.name_known &&
        std::find(signed_zones.begin(), signed_zones.end(), name) != signed_zones.end()) {
      continue;
    }
    Hit hit;
    hit.rule = &rule;
    hit.resource = &r;
    if (r.from_export) {
      // An export lists the zone, not its dnssecConfigs child; a signed zone has signing keys.
      const Value* props = r.body->Find("properties");
      const Value* keys =
          props != nullptr && props->is_object() ? props->Find("signingKeys") : nullptr;
      if (keys != nullptr && keys->is_array() && !keys->items().empty()) continue;
      hit.outcome = Tri::kUnknown;
      hit.message =
          "A resource export does not list its dnssecConfigs, and it shows no signing keys.";
    } else if (unknown_config || (!r.name_known && !signed_zones.empty())) {
      hit.outcome = Tri::kUnknown;
      hit.message = "Whether this deployment's DNSSEC configuration signs it is not known offline.";
    } else {
      hit.message =
          "No Microsoft.Network/dnszones/dnssecConfigs resource for it in this deployment.";
    }
    out.push_back(std::move(hit));
  }
}

}  // namespace

extern const NativeCheck kDnsZoneDnssec{
    "dns-zone-dnssec", Run,
    "a public DNS zone without a dnssecConfigs child (zone signing) in the same deployment"};

}  // namespace armlint::internal
