// The effective configuration of a deployment: a resource as Azure ends up configuring it, however
// the template splits its settings.
//
// ARM lets a template set many things either inline on a resource or as a child resource of it:
// an app's `siteConfig` or a `Microsoft.Web/sites/config` resource named `web`; an NSG's
// `securityRules` or `networkSecurityGroups/securityRules` resources; a vault's `accessPolicies`
// or a `vaults/accessPolicies` resource named `add`. Rules are written against the inline form;
// this stage folds the child form into it so that both are judged alike, and makes a resource
// that is declared twice (created, then updated by a later nested deployment) one resource.
//
//   std::vector<Resource> resources = ResourcesFromExpansion(doc, expansion);
//   ApplyEffectiveConfiguration(doc.arena(), resources);
//
// Merged values keep their anchors, so a finding about a value that a child resource set points
// at the child's text.
#pragma once

#include <vector>

#include "resources/resource.h"
#include "util/arena.h"

namespace armlint::internal {

// Rewrites `resources` (the resources of one lint unit) in place:
// - a resource declared again in a nested deployment (same resource id) is one resource: only
//   the last declaration is kept, since ARM deploys each with PUT and the last one stays
//   deployed (two declarations in the file's own template are left as they are: ARM rejects
//   such a template, so they share an id only through placeholder parameter values);
// - each child resource of a kind that has an inline form, whose parent is in `resources`, is
//   merged into the parent's body (the child's values win: ARM deploys the child after its
//   parent). The child stays a resource of its own with `merged_into` set to the parent's
//   lower-cased type, so that a rule written for both forms judges the setting once, on the
//   parent (RuleSet skips such a rule on the merged child).
// - then the platform facts are set (resources/platform_facts.h): what each resource's SKU,
//   plan or VM size allows, found through the related resources of the deployment.
// New values are allocated in `arena`, which must outlive the resources.
void ApplyEffectiveConfiguration(Arena& arena, std::vector<Resource>& resources);

}  // namespace armlint::internal
