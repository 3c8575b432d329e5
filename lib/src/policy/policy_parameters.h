// Binding a definition's parameters as Azure does at assignment: the assigned value, else the
// declared defaultValue; `type` and `allowedValues` checked. Private to policy/.
#pragma once

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"

#include "json/document.h"
#include "rules/condition_expr.h"

namespace armlint::internal {

// Values given for a definition or initiative, with the document each value was written in
// (for errors at its line:col).
struct GivenValues {
  PolicyParameters values;  // lower-cased names
  absl::flat_hash_map<std::string, const Document*> docs;
};

struct BoundParameters {
  PolicyParameters values;
  std::vector<std::string> missing;  // declared, no value and no default (as declared)
};

// Binds the parameters `declared` (a definition's `parameters` object, may be null) of the
// definition in `doc`. A value of the wrong type or outside allowedValues is an InputError at
// the value (in its document) naming the parameter.
absl::Status BindParameters(const Document& doc, const Value* declared, const GivenValues& given,
                            BoundParameters& out);

}  // namespace armlint::internal
