// ARM template expressions: parsing "[concat('a', parameters('b'))]" and evaluating it.
//
// Grammar
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions): a JSON
// string starting with '[' and ending with ']' is an expression, unless it starts with
// "[[" (an escaped literal: one '[' is dropped). Inside: function calls `name(args)` and
// `ns.name(args)` (user-defined), string literals in single quotes with '' as the escape,
// integers, true/false/null, property access `.x` and index access `[0]` / `['x']`.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "absl/status/statusor.h"

#include "json/value.h"
#include "util/arena.h"
#include "util/expression_syntax.h"

namespace armlint::internal {

struct Expr;  // parsed expression tree, arena-allocated (arm/expression_parser.cc)

// What expressions read from the template being expanded. Implemented by the expander
// (arm/expand.cc). Each returns an InvalidArgument status with a message (no location: the
// evaluator adds the offset inside the expression and the caller the file:line:col) when the
// thing does not exist, and may return an Unknown Value when it exists but has no known value.
class ExprEnv {
 public:
  virtual ~ExprEnv() = default;
  virtual absl::StatusOr<const Value*> Parameter(std::string_view name) = 0;
  virtual absl::StatusOr<const Value*> Variable(std::string_view name) = 0;
  // copyIndex(): the current index of loop `loop` ("" = the innermost loop).
  virtual absl::StatusOr<std::int64_t> CopyIndex(std::string_view loop) = 0;
  // A user-defined function `ns.name` (languageVersion 2.0 / `functions`).
  virtual absl::StatusOr<const Value*> CallUserFunction(std::string_view ns, std::string_view name,
                                                        std::span<const Value* const> args) = 0;
  // Functions whose value depends on the deployment: deployment, environment, resourceGroup,
  // subscription, tenant, managementGroup, reference, resourceId, list*, ... Called for any
  // function name the built-in table does not know; NotFound when the env does not know it
  // either (the evaluator then reports "unknown function").
  virtual absl::StatusOr<const Value*> CallContextFunction(std::string_view name,
                                                           std::span<const Value* const> args,
                                                           Anchor at) = 0;
};

// Budget shared by all evaluations of one template (limits.h: steps and bytes).
struct EvalBudget {
  std::int64_t steps = 0;
  // Arena bytes when the first evaluation started; growth past it counts against
  // limits::kMaxEvalBytes.
  std::size_t arena_base = static_cast<std::size_t>(-1);
};

// Parses the expression text between the outer brackets ("concat('a','b')"). `text` must
// outlive the tree (string literals without '' escapes are views into it). Errors (syntax,
// arity of built-in functions, kMaxExpressionDepth; ResourceExhausted past
// kMaxExpressionChars) end with "at character N": N is 1-based in the template string, whose
// '[' is character 1 (arm/expression_parser.h).
absl::StatusOr<const Expr*> ParseExpression(std::string_view text, Arena& arena);

// Evaluates a parsed expression. Results are anchored at `at` (the template string) and
// flagged kFlagFromExpression; a result computed from a kFlagSecure value carries kFlagSecure.
// Errors are InvalidArgument ending "at character N" (the innermost failing call), or
// ResourceExhausted naming the limit (kMaxEvalSteps, kMaxEvalBytes, kMaxStringBytes, ...).
absl::StatusOr<const Value*> EvaluateExpression(const Expr& expr, ExprEnv& env, Arena& arena,
                                                EvalBudget& budget, Anchor at);

// Evaluates a JSON string value from a template: expressions are parsed and evaluated, "[[x"
// becomes "[x", other strings are returned as they are.
absl::StatusOr<const Value*> EvaluateStringValue(const Value& s, ExprEnv& env, Arena& arena,
                                                 EvalBudget& budget);

}  // namespace armlint::internal
