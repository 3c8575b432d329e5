// Expands a deployment template into concrete resources, as Azure Resource Manager would.
//
// Parameters (with a parameter file), variables, copy loops, conditions, nested inline
// deployments and languageVersion 2.0 symbolic resources are evaluated offline; what cannot be
// known offline (reference(), listKeys(), a parameter without value) is an Unknown value.
// Every value is anchored to the template text that produced it.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"

#include "json/document.h"
#include "json/value.h"

namespace armlint::internal {

struct ExpandedResource {
  // The evaluated resource object ("type", "name", "apiVersion", "location", "properties", ...;
  // "type" and "name" hold the full type and full name). Anchored at the resource declaration
  // (for a copy-loop instance: the declaration that produced it).
  const Value* body = nullptr;
  std::string type;  // full type: "Microsoft.Sql/servers/databases"
  std::string name;  // full name: "server/db"; unknown segments are written "{unknown}"
  bool name_known = true;
  std::string id;             // resource id where every part is known, else empty
  std::string symbolic_name;  // languageVersion 2.0 resources
  int deployment_depth = 0;   // 0: the file's own template; n: inside n nested deployments
  bool existing = false;      // `existing: true`: referenced, not deployed (not linted)
  // The evaluated `condition` when it is Unknown (the resource is produced anyway); null when
  // there is no condition or it is true.
  const Value* condition = nullptr;
};

struct Expansion {
  std::vector<ExpandedResource> resources;  // in template order; excluded: condition false
  const Value* outputs = nullptr;           // object: name -> {"type", "value"}; may be null
  // Problems that did not stop the expansion (an expression error in one property): each an
  // InputError with location. The affected value is Unknown.
  std::vector<absl::Status> errors;
};

struct ExpandOptions {
  // Parameter file (its values anchor to source 1), or null.
  const Document* parameters = nullptr;
};

// Expands `tmpl` (a document classified as a deployment template). A structural error that
// makes the template unusable is returned as an InputError.
absl::StatusOr<Expansion> ExpandTemplate(const Document& tmpl, const ExpandOptions& options);

}  // namespace armlint::internal
