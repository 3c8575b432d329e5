// Platform facts: what a resource's SKU, plan or VM size allows, found through the resources
// it is related to in the same deployment, for rules that are meaningless where the platform
// does not offer the setting. Rule conditions read them as `platform.<fact>`:
//
//   platform.alwaysOnAvailable              Microsoft.Web/sites, sites/slots: whether the App
//                                           Service plan named by serverFarmId (a slot: its
//                                           own, else its site's) offers Always On
//   platform.x64WorkerAvailable             the same sites: false on a Free or Shared plan
//                                           (32-bit workers only)
//   platform.acceleratedNetworkingAvailable Microsoft.Network/networkInterfaces: false when a
//                                           VM that uses the NIC has a size without it;
//                                           Microsoft.Compute/virtualMachineScaleSets: its
//                                           sku.name
//   platform.dailyCapConfigurable           Microsoft.OperationalInsights/workspaces: false on
//                                           the legacy Free tier (fixed 500 MB a day)
//
// A fact is set only where the related resource is in the deployment and the table
// (knowledge/platform_skus.h) knows its SKU: elsewhere it is missing, so rules behave as
// without it. A SKU that is not known offline (a parameter without a value) makes the fact
// Unknown. Each fact's anchor is the SKU or size value that decided it.
#pragma once

#include <vector>

#include "resources/resource.h"
#include "util/arena.h"

namespace armlint::internal {

// Sets Resource::platform on the resources of one lint unit (after the child resources were
// folded into their parents). New values are allocated in `arena`.
void ApplyPlatformFacts(Arena& arena, std::vector<Resource>& resources);

}  // namespace armlint::internal
