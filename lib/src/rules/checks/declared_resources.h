// The resource declarations of a template as written, each with its full type and API version,
// evaluated where the template writes them as expressions (api-version-recent,
// resource-type-version-exists).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "json/value.h"
#include "rules/check_context.h"

namespace armlint::internal::checks {

struct DeclaredResource {
  const Value* decl = nullptr;         // the resource object
  const Value* type_value = nullptr;   // `type` as written (null when absent)
  const Value* api_version = nullptr;  // `apiVersion` as written (null when absent)
  // The full type ("Microsoft.Storage/storageAccounts/blobServices" for a child declared as
  // "blobServices") and the API version, as the expansion evaluated them when written as
  // expressions; empty when not known. Views into the document's arena or its values: they live
  // as long as the context's document.
  std::string_view type;
  std::string_view version;
};

// Every resource declaration of the context's template `tmpl` in document order: `resources`
// (array or languageVersion 2.0 object), child `resources`, and inline nested deployments.
// Made on first use and cached in the context: two checks read them.
const std::vector<DeclaredResource>& DeclaredResources(const CheckContext& context,
                                                       const Value& tmpl);

}  // namespace armlint::internal::checks
