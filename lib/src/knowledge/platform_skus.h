// What a resource's SKU, plan or size makes possible: facts Azure documents per SKU that decide
// whether a setting means anything (Always On needs a dedicated App Service plan; a Free Log
// Analytics workspace has a fixed daily cap; accelerated networking needs a VM size that
// supports it). Each table in platform_skus.cc cites the Microsoft Learn page it comes from.
//
//   AppServicePlanTier("P1v3");             // "PremiumV3"
//   AlwaysOnAvailable("Free");              // false ("Dynamic" too); "Standard": true
//   X64WorkerAvailable("Shared");           // false: 32-bit workers only
//   VmSizeSupportsAcceleratedNetworking("Standard_B2s");  // false
//   LogAnalyticsSkuHasFixedDailyCap("Free");              // true
//
// Names compare ignoring ASCII case, as Azure compares them. Everything is static and
// thread-safe; returned views live for the whole process.
#pragma once

#include <optional>
#include <string_view>

namespace armlint::internal {

// The pricing tier of an App Service plan (Microsoft.Web/serverfarms) SKU name ("B1" ->
// "Basic", "Y1" -> "Dynamic"), or of a tier name as written ("standard" -> "Standard"); nullopt
// for a name the table does not know.
std::optional<std::string_view> AppServicePlanTier(std::string_view sku_name_or_tier);

// Whether a site on a plan of this tier (as AppServicePlanTier returns it) can use Always On:
// false on Free, Shared and the serverless function plans (Consumption, Flex Consumption,
// Elastic Premium), true on the dedicated tiers; nullopt for a tier the table does not list.
std::optional<bool> AlwaysOnAvailable(std::string_view tier);

// False for a tier whose workers are 32-bit only (Free, Shared); nullopt for the others.
std::optional<bool> X64WorkerAvailable(std::string_view tier);

// False for a VM size that Azure documents as not supporting accelerated networking (A-series,
// Basic, B-series v1 below B12ms, single-vCPU sizes); nullopt for any other size (most support
// it; the table lists only the documented exceptions).
std::optional<bool> VmSizeSupportsAcceleratedNetworking(std::string_view vm_size);

// Whether a Log Analytics workspace SKU (properties.sku.name) has a daily cap that cannot be
// changed: the legacy Free tier (500 MB a day).
bool LogAnalyticsSkuHasFixedDailyCap(std::string_view sku_name);

}  // namespace armlint::internal
