// The SKU tables behind knowledge/platform_skus.h. Each table names its source; when Azure
// changes a documented fact, change the row and its fixture in tests/rules/.
#include "knowledge/platform_skus.h"

#include "util/strings.h"

namespace armlint::internal {
namespace {

struct PlanSku {
  std::string_view sku;   // serverfarms sku.name
  std::string_view tier;  // its sku.tier
};

// App Service plan SKU names and their pricing tiers. Sources:
// https://learn.microsoft.com/azure/app-service/overview-hosting-plans (tiers),
// https://azure.microsoft.com/pricing/details/app-service/ (SKU names per tier),
// https://learn.microsoft.com/azure/azure-functions/functions-scale (Y1 Consumption, EP1-EP3
// Elastic Premium, FC1 Flex Consumption), https://learn.microsoft.com/azure/logic-apps/
// logic-apps-pricing (WS1-WS3 Workflow Standard).
constexpr PlanSku kPlanSkus[] = {
    {"F1", "Free"},
    {"D1", "Shared"},
    {"B1", "Basic"},
    {"B2", "Basic"},
    {"B3", "Basic"},
    {"S1", "Standard"},
    {"S2", "Standard"},
    {"S3", "Standard"},
    {"P1", "Premium"},
    {"P2", "Premium"},
    {"P3", "Premium"},
    {"P4", "Premium"},
    {"P1v2", "PremiumV2"},
    {"P2v2", "PremiumV2"},
    {"P3v2", "PremiumV2"},
    {"P0v3", "PremiumV3"},
    {"P1v3", "PremiumV3"},
    {"P2v3", "PremiumV3"},
    {"P3v3", "PremiumV3"},
    {"P1mv3", "PremiumMV3"},
    {"P2mv3", "PremiumMV3"},
    {"P3mv3", "PremiumMV3"},
    {"P4mv3", "PremiumMV3"},
    {"P5mv3", "PremiumMV3"},
    {"P0v4", "PremiumV4"},
    {"P1v4", "PremiumV4"},
    {"P2v4", "PremiumV4"},
    {"P3v4", "PremiumV4"},
    {"P1mv4", "PremiumMV4"},
    {"P2mv4", "PremiumMV4"},
    {"P3mv4", "PremiumMV4"},
    {"P4mv4", "PremiumMV4"},
    {"P5mv4", "PremiumMV4"},
    {"I1", "Isolated"},
    {"I2", "Isolated"},
    {"I3", "Isolated"},
    {"I1v2", "IsolatedV2"},
    {"I2v2", "IsolatedV2"},
    {"I3v2", "IsolatedV2"},
    {"I4v2", "IsolatedV2"},
    {"I5v2", "IsolatedV2"},
    {"I6v2", "IsolatedV2"},
    {"I1mv2", "IsolatedMV2"},
    {"I2mv2", "IsolatedMV2"},
    {"I3mv2", "IsolatedMV2"},
    {"I4mv2", "IsolatedMV2"},
    {"I5mv2", "IsolatedMV2"},
    {"Y1", "Dynamic"},
    {"EP1", "ElasticPremium"},
    {"EP2", "ElasticPremium"},
    {"EP3", "ElasticPremium"},
    {"FC1", "FlexConsumption"},
    {"WS1", "WorkflowStandard"},
    {"WS2", "WorkflowStandard"},
    {"WS3", "WorkflowStandard"},
};

struct TierFact {
  std::string_view tier;
  bool always_on;
};

// Whether Always On exists on a tier. Sources:
// https://learn.microsoft.com/azure/app-service/configure-common#configure-general-settings
// (Always On needs the Basic tier or higher: not on Free and Shared);
// https://learn.microsoft.com/azure/azure-functions/dedicated-plan#always-on (Always On is a
// Dedicated-plan setting: the Consumption and Premium plans activate function apps
// themselves). WorkflowStandard (Logic Apps) is not listed: the rules skip workflow apps.
constexpr TierFact kTierFacts[] = {
    {"Free", false},           {"Shared", false},
    {"Dynamic", false},        {"FlexConsumption", false},
    {"ElasticPremium", false}, {"Basic", true},
    {"Standard", true},        {"Premium", true},
    {"PremiumV2", true},       {"PremiumV3", true},
    {"PremiumMV3", true},      {"PremiumV4", true},
    {"PremiumMV4", true},      {"Isolated", true},
    {"IsolatedV2", true},      {"IsolatedMV2", true},
};

// VM sizes without accelerated networking; a trailing '*' matches any rest. Sources:
// https://learn.microsoft.com/azure/virtual-network/accelerated-networking-overview#supported-vm-instances
// (most general purpose and compute optimized sizes with 2 or more vCPUs: single-vCPU sizes do
// not support it),
// https://learn.microsoft.com/azure/virtual-machines/sizes/general-purpose/av2-series and
// .../previous-gen-sizes-list (A-series and Basic: not supported),
// https://learn.microsoft.com/azure/virtual-machines/sizes/general-purpose/b-family (B-series v1:
// only B12ms, B16ms and B20ms support it; Bsv2, Basv2 and Bpsv2 do).
constexpr std::string_view kNoAcceleratedNetworking[] = {
    "Basic_A*",     "Standard_A*",    "Standard_B1ls",   "Standard_B1s",  "Standard_B1ms",
    "Standard_B2s", "Standard_B2ms",  "Standard_B4ms",   "Standard_B8ms", "Standard_D1",
    "Standard_DS1", "Standard_D1_v2", "Standard_DS1_v2", "Standard_F1",   "Standard_F1s",
};

// Log Analytics SKUs whose daily cap is fixed. Source:
// https://learn.microsoft.com/azure/azure-monitor/logs/daily-cap (the legacy Free tier has a
// 500 MB daily cap that cannot be changed; see also .../logs/cost-logs#free-trial-pricing-tier).
constexpr std::string_view kFixedDailyCap[] = {"Free"};

// Tiers whose workers are 32-bit only. Source:
// https://learn.microsoft.com/azure/app-service/configure-common#configure-general-settings
// (Platform settings, Bitness: 64-bit needs the Basic tier or higher; Free and Shared run
// 32-bit workers).
constexpr std::string_view k32BitOnlyTiers[] = {"Free", "Shared"};

bool Matches(std::string_view pattern, std::string_view s) {
  if (!pattern.empty() && pattern.back() == '*') {
    return StartsWithIgnoreCase(s, pattern.substr(0, pattern.size() - 1));
  }
  return EqualsIgnoreCase(pattern, s);
}

}  // namespace

std::optional<std::string_view> AppServicePlanTier(std::string_view name) {
  for (const TierFact& t : kTierFacts) {
    if (EqualsIgnoreCase(t.tier, name)) return t.tier;
  }
  for (const PlanSku& s : kPlanSkus) {
    if (EqualsIgnoreCase(s.sku, name) || EqualsIgnoreCase(s.tier, name)) return s.tier;
  }
  return std::nullopt;
}

std::optional<bool> AlwaysOnAvailable(std::string_view tier) {
  for (const TierFact& t : kTierFacts) {
    if (EqualsIgnoreCase(t.tier, tier)) return t.always_on;
  }
  return std::nullopt;
}

std::optional<bool> X64WorkerAvailable(std::string_view tier) {
  for (std::string_view t : k32BitOnlyTiers) {
    if (EqualsIgnoreCase(t, tier)) return false;
  }
  return std::nullopt;
}

std::optional<bool> VmSizeSupportsAcceleratedNetworking(std::string_view vm_size) {
  for (std::string_view p : kNoAcceleratedNetworking) {
    if (Matches(p, vm_size)) return false;
  }
  return std::nullopt;
}

bool LogAnalyticsSkuHasFixedDailyCap(std::string_view sku_name) {
  for (std::string_view s : kFixedDailyCap) {
    if (EqualsIgnoreCase(s, sku_name)) return true;
  }
  return false;
}

}  // namespace armlint::internal
