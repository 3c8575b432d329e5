// Parsing ARM template expressions: "[concat('a', parameters('b'))]" into the tree of
// arm/expression.h.
//
// Grammar
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions): a JSON
// string starting with '[' and ending with ']' is an expression, unless it starts with
// "[[" (an escaped literal: one '[' is dropped). Inside: function calls `name(args)` and
// `ns.name(args)` (user-defined), string literals in single quotes with '' as the escape,
// integers, true/false/null, property access `.x` and index access `[0]` / `['x']`.
#pragma once

#include <string_view>

#include "absl/status/statusor.h"

#include "arm/expression.h"
#include "util/arena.h"
#include "util/expression_syntax.h"  // IsExpression, for the parser's callers

namespace armlint::internal {

// Parses the expression text between the outer brackets ("concat('a','b')"). `text` must
// outlive the tree (string literals without '' escapes are views into it). Calls are resolved
// against the FunctionTable here, so that the arity of every built-in function is checked at
// load. Errors (syntax, arity, kMaxExpressionDepth; ResourceExhausted past kMaxExpressionChars)
// end with "at character N": N is 1-based in the template string, whose '[' is character 1.
absl::StatusOr<const Expr*> ParseExpression(std::string_view text, Arena& arena);

}  // namespace armlint::internal
