// Expands a deployment template into concrete resources, as Azure Resource Manager would.
//
// Parameters (with a parameter file), variables, copy loops, conditions, nested inline
// deployments and languageVersion 2.0 symbolic resources are evaluated offline; what cannot be
// known offline (reference(), listKeys(), a parameter without value) is an Unknown value.
// Every value is anchored to the template text that produced it.
//
// Choices where ARM gives no offline answer (arm/template_*.cc implement them):
// - a copy count that is Unknown produces one representative instance (index 0);
// - a condition that is Unknown produces the resource and records the condition;
// - child resources of a parent whose condition is false are not produced;
// - `existing` resources are produced (flagged) but report no expression errors, since ARM
//   reads them only where referenced;
// - the deployment scope is the placeholder of arm/template_context.h (subscription
//   00000000-0000-0000-0000-000000000000, resource group "resourceGroup", location "eastus"),
//   except for the values ExpandOptions::context sets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

#include "arm/template_context.h"
#include "json/document.h"
#include "json/value.h"

namespace armlint::internal {

struct ExpandedResource {
  // The evaluated resource object ("type", "name", "apiVersion", "location", "properties", ...;
  // "type" and "name" hold the full type and full name). Anchored at the resource declaration
  // (for a copy-loop instance: the declaration that produced it).
  const Value* body = nullptr;
  // The strings are views into the template's document (its text or arena): they live as long
  // as the document.
  std::string_view type;  // full type: "Microsoft.Sql/servers/databases"
  std::string_view name;  // full name: "server/db"; unknown segments are written "{unknown}"
  bool name_known = true;
  std::string_view id;             // resource id where every part is known, else empty
  std::string_view symbolic_name;  // languageVersion 2.0 resources
  int deployment_depth = 0;        // 0: the file's own template; n: inside n nested deployments
  bool existing = false;           // `existing: true`: referenced, not deployed (not linted)
  // The evaluated `condition` when it is Unknown (the resource is produced anyway); null when
  // there is no condition or it is true.
  const Value* condition = nullptr;
  // A nested deployment whose template was not expanded: its `templateLink` (never fetched:
  // armlint lints offline) or its `template` when that is known only at deployment. Null
  // otherwise, and for resources that are not deployments.
  const Value* unexpanded_template = nullptr;
};

struct Expansion {
  std::vector<ExpandedResource> resources;  // in template order; excluded: condition false
  const Value* outputs = nullptr;           // object: name -> {"type", "value"}; may be null
  // Problems that did not stop the expansion (an expression error in one property): each an
  // InputError with location. The affected value is Unknown.
  std::vector<absl::Status> errors;
};

struct ExpandOptions {
  // Parameter file, or null. Load it with source 1 (Document::Load(path, 1)) so that its
  // values' anchors point into it; errors about its values are reported in it.
  const Document* parameters = nullptr;
  // The deployment's subscription, resource group, location ... (empty: the placeholders).
  ContextValues context;
};

// Expands `tmpl` (a document classified as a deployment template). A structural error that
// makes the template unusable is returned as an InputError.
absl::StatusOr<Expansion> ExpandTemplate(const Document& tmpl, const ExpandOptions& options);

}  // namespace armlint::internal
