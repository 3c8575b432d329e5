// Checks a parsed JSON value against a JSON Schema (draft 2020-12), for the subset of keywords
// armlint's own schemas use, and reports the first violation at the offending value's
// file:line:col.
//
//   absl::Status s = ValidateAgainstSchema(schema_doc.root(), config_doc, "the configuration");
//   // InputError at 2:3: "unknown key 'rulez' in the configuration (known: $schema, rules, ...)"
//
// Supported keywords: type, enum, properties, additionalProperties (false or a schema),
// propertyNames, required, items (one schema), minLength, maxLength, pattern (RE2, unanchored
// as in JSON Schema), format "date", minimum, maximum, and $ref to "#/$defs/<name>" (or
// "#/definitions/<name>") of the same schema. Annotations ($schema, $id, $comment, title,
// description, default, examples, $defs, definitions) are ignored. Any other keyword is an
// Internal error rather than silently ignored, so a schema can never promise a check that is not
// made; CheckSchemaSubset finds them all up front. Messages name the value by its path
// ('rules.disable[0]', 'workloads["a/**"]') and, when its schema has a title, by that.
#pragma once

#include <string_view>

#include "absl/status/status.h"

#include "json/document.h"
#include "json/value.h"

namespace armlint::internal {

// Validates `doc.root()` against `schema` (the root of a schema document, used to resolve
// $ref). `root_name` names the root value in messages ("the configuration"). Returns OK, the
// first violation as an InputError at its position in `doc`, or Internal for a schema outside
// the subset. Allocates only for messages (and one string per checked key with propertyNames,
// in doc's arena).
absl::Status ValidateAgainstSchema(const Value& schema, const Document& doc,
                                   std::string_view root_name);

// OK when every keyword anywhere in `schema` is in the subset above, every $ref resolves and
// every pattern compiles; else Internal naming the first offender by its JSON pointer.
absl::Status CheckSchemaSubset(const Value& schema);

// Follows `schema`'s $ref chain (at most 16 deep) within `root`: the schema that applies, or
// null for a dangling or cyclic reference. A schema without $ref is returned as is.
const Value* ResolveSchemaRef(const Value& root, const Value& schema);

// The member `key` of object `v`, matched exactly (JSON Schema keys are case-sensitive, unlike
// Value::Find); the last one when duplicated; null when absent or `v` is not an object.
const Value* ExactMember(const Value& v, std::string_view key);

}  // namespace armlint::internal
