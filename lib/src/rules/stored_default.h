// What a property a template leaves out reads as on the resource Azure stores, for policies
// whose compliance Azure decides after deployment (ConditionOptions::platform_defaults).
#pragma once

#include <string_view>
#include <vector>

#include "json/value.h"
#include "resources/resource.h"
#include "rules/field_path.h"

namespace armlint::internal {

// The documented default (knowledge/platform_defaults.h) of the property at `steps` of `r`,
// deployed with `api_version`; an Unknown (with the reason) when Azure only interprets a
// missing value or the default depends on an API version that is not known; null when no
// default is documented. The values live for the whole process.
const Value* StoredDefault(const Resource& r, std::string_view api_version,
                           const std::vector<PathStep>& steps);

}  // namespace armlint::internal
