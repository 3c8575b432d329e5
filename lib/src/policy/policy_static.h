// What a policy definition says before any resource is seen: its parameters' expressions
// evaluated, the resource types its condition restricts to, controls no resource can meet.
// Private to policy/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

#include "json/document.h"
#include "json/value.h"
#include "rules/condition_expr.h"

namespace armlint::internal {

// The member `key` of `obj` (exact spelling); null when `obj` is not an object or lacks it.
const Value* Key(const Value* obj, std::string_view key);
// The string `v` holds; "" when it is not a string.
std::string Str(const Value* v);

// A string that may be a policy expression over the parameters, evaluated (static only);
// "[[x" is the literal "[x". An InputError at `v` when the expression is invalid.
absl::StatusOr<const Value*> Static(const Document& doc, const Value& v,
                                    const PolicyParameters& params);

// The resource types the condition `c` restricts to (lower-cased; '*' patterns kept), with
// the parameters substituted where it names them (type filters are often written
// "[parameters('resourceType')]"); nullopt when it does not restrict them (the rule is then
// tried on every resource). Only the `field: type` leaves are evaluated.
std::optional<std::vector<std::string>> TypesOf(const Document& doc, const Value& c,
                                                const PolicyParameters& params);

// Whether the condition is an allOf with a member comparing two different literals (a control
// no resource can meet).
bool NeverTrue(const Value& cond);

}  // namespace armlint::internal
