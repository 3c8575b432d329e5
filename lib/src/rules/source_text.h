// How a value was written in the template it came from, for the source-aware operators
// (`writtenAs`, `expressionCalls`; docs/rule-language.md).
#pragma once

#include <optional>
#include <string_view>

#include "json/value.h"
#include "resources/resource.h"
#include "rules/operators.h"

namespace armlint::internal {

struct SourceForm {
  std::optional<WrittenAs> written;  // nullopt: the field is missing
  std::string_view text;  // the string as written (without quotes, escapes kept), if a string
};

// Reads the document text at `v`'s anchor: a JSON string starting with '[' (not "[[") is an
// expression, `[parameters('x')]` a parameter reference, anything else a literal. A value that
// the template engine computed (from_expression) whose text is not available, or that comes
// from another document (a parameter file), counts as an expression.
SourceForm WrittenForm(const Value* v, const Resource& r);

// The same for a value of `doc` (native checks over the raw template).
SourceForm WrittenFormIn(const Value* v, std::string_view doc_text);

}  // namespace armlint::internal
