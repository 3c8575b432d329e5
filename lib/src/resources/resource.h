// The resource model rules see: one shape for template resources and exported resources.
#pragma once

#include <string>
#include <vector>

#include "arm/expand.h"
#include "json/document.h"
#include "json/value.h"

namespace armlint::internal {

struct Resource {
  const Document* doc = nullptr;  // where anchors with source 0 point
  std::string type;               // full type as written ("Microsoft.Sql/servers/databases")
  std::string type_lower;         // for rule lookup
  std::string name;               // full name ("server/db")
  bool name_known = true;
  std::string id;  // resource id where known
  // The resource object: `properties.x`, `tags`, `sku.name`, `location`... resolve here.
  const Value* body = nullptr;
  // Values for the policy fields that are computed rather than read from `body`.
  const Value* type_value = nullptr;       // full type
  const Value* name_value = nullptr;       // last name segment (Azure Policy `name`)
  const Value* full_name_value = nullptr;  // full name (Azure Policy `fullName`)
  const Value* id_value = nullptr;         // id (Unknown when not known)
  Anchor anchor;                           // the resource declaration / object
  bool from_export = false;
  // Set by ApplyEffectiveConfiguration (resources/effective.h) when this child resource's
  // settings were folded into its parent's body: the parent's lower-cased type.
  std::string merged_into;
  // Set by ApplyPlatformFacts (resources/platform_facts.h): what the resource's SKU, plan or
  // VM size allows, as an object of facts (`platform.<fact>` in rule conditions); else null.
  const Value* platform = nullptr;
  int deployment_depth = 0;
  // Nested deployments: the `templateLink` or `template` that was not expanded
  // (ExpandedResource::unexpanded_template), else null.
  const Value* unexpanded_template = nullptr;
};

// Resources of an exported-resource document: an array of resource objects, {"value": [...]},
// {"data": [...]} or a single resource object.
std::vector<Resource> ResourcesFromExport(const Document& doc);

// Resources of an expanded template (existing resources are left out).
std::vector<Resource> ResourcesFromExpansion(const Document& doc, const Expansion& expansion);

}  // namespace armlint::internal
