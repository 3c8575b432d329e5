// Evaluates parsed ARM expressions (arm/expression.h) against an ExprEnv, and the CallContext
// through which built-in functions allocate results, report errors, read the deployment and,
// for lazy functions, evaluate their arguments and lambdas.
//
//   Arena arena;
//   absl::StatusOr<const Expr*> e = ParseExpression("toUpper(parameters('name'))", arena);
//   EvalBudget budget;
//   absl::StatusOr<const Value*> v = EvaluateExpression(**e, env, arena, budget, at);
//
// Every call goes through the one FunctionTable (arm/function_table.h): arity at parse time,
// argument kinds here, then the function. Unknown propagation: a function's result is Unknown
// when it depends on an Unknown argument (the entry's UnknownPolicy); `if`, `and`, `or`,
// `coalesce` look at Unknowns themselves. Secret taint: a result computed from a kFlagSecure
// value carries kFlagSecure.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

#include "arm/deployment_context.h"
#include "arm/expression.h"
#include "arm/expression_parser.h"
#include "arm/function_table.h"
#include "json/value.h"
#include "util/arena.h"

namespace armlint::internal {

// What expressions read from the template being expanded. Implemented by the expander
// (arm/template_scope.h). Each returns an InvalidArgument status with a message (no location:
// the evaluator adds the offset inside the expression and the caller the file:line:col) when
// the thing does not exist, and may return an Unknown Value when it exists but has no known
// value.
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
  // The deployment that the functions flagged `needs_deployment` read (subscription(),
  // resourceId(), deployment(), ...). Null when there is none: those functions are then Unknown.
  virtual const DeploymentContext* Deployment() { return nullptr; }
  // Functions the host of the expression adds or redefines: Azure Policy rules add field(),
  // current(), requestContext(), ipRangeContains(), addDays() and fix utcNow() and
  // resourceGroup() (rules/condition_expr.h). The evaluator asks the host first for a name the
  // function table lacks and for the functions flagged `needs_deployment`; utcNow() asks too.
  // NotFound: not the host's, the table's function (or "unknown function") applies.
  virtual absl::StatusOr<const Value*> CallHostFunction(std::string_view /*name*/,
                                                        std::span<const Value* const> /*args*/,
                                                        Anchor /*at*/) {
    return absl::NotFoundError("");
  }
};

// Budget shared by all evaluations of one template (limits.h: steps and bytes).
struct EvalBudget {
  std::int64_t steps = 0;
  // Arena bytes when the first evaluation started; growth past it counts against
  // limits::kMaxEvalBytes.
  std::size_t arena_base = static_cast<std::size_t>(-1);
};

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

class Evaluator;

// A `lambda('a', 'b', body)` argument of filter/map/...: its parameter names and body.
struct Lambda {
  std::vector<std::string_view> params;
  const Expr* body = nullptr;
};

class CallContext {
 public:
  CallContext(Evaluator& ev, const ArmFunction& fn, const Expr& call, std::uint8_t flags)
      : ev_(ev), fn_(fn), call_(call), flags_(flags) {}

  Arena& arena();
  ExprEnv& env();
  // The deployment, for functions flagged `needs_deployment` (the evaluator calls them only
  // when the env has one).
  const DeploymentContext& deployment();
  Anchor at() const;
  Evaluator& evaluator() { return ev_; }
  const ArmFunction& fn() const { return fn_; }
  const Expr& call() const { return call_; }
  // Flags every result gets (kFlagSecure when an argument is secret).
  std::uint8_t flags() const { return flags_; }
  void Taint(const Value& v);

  // Result factories (anchored at the expression's template string).
  const Value* Null();
  const Value* Bool(bool b);
  const Value* Int(std::int64_t i);
  const Value* Double(double d);
  const Value* String(std::string_view s);  // copies
  const Value* Array(std::span<const Value* const> items);
  const Value* Object(std::span<const Member> members);
  const Value* Unknown(Kind hint, std::string_view reason = {});
  // `v` itself when it needs no extra flags, else a shallow copy with them.
  const Value* Share(const Value* v);

  // 'text' for an error message, or "(a secure value)" when the call reads a secret: secure
  // values never appear in any output, error messages included.
  std::string Quote(std::string_view text) const;

  // InvalidArgument "function 'name': <msg>".
  absl::Status Error(std::string_view msg) const;
  // ResourceExhausted naming the limit, when `n` exceeds `max`.
  absl::Status CheckSize(std::size_t n, std::size_t max, std::string_view what,
                         std::string_view limit_name) const;
  // Adds `n` evaluation steps (loops over items count), ResourceExhausted past the limit.
  absl::Status Spend(std::int64_t n);

  // Lazy functions: evaluate an argument expression.
  absl::StatusOr<const Value*> Eval(const Expr& e);
  // The lambda written as argument `e`, which must take `params` parameters.
  absl::StatusOr<Lambda> GetLambda(const Expr& e, std::size_t params);
  absl::StatusOr<const Value*> Invoke(const Lambda& l, std::span<const Value* const> values);

 private:
  Evaluator& ev_;
  const ArmFunction& fn_;
  const Expr& call_;
  std::uint8_t flags_;
};

class Evaluator {
 public:
  Evaluator(ExprEnv& env, Arena& arena, EvalBudget& budget, Anchor at)
      : env_(env), arena_(arena), budget_(budget), at_(at) {}

  absl::StatusOr<const Value*> Eval(const Expr& e);

  Arena& arena() { return arena_; }
  ExprEnv& env() { return env_; }
  Anchor at() const { return at_; }
  absl::Status Spend(std::int64_t n);

  // The value of lambda variable `name` in scope, or null.
  const Value* LambdaVariable(std::string_view name) const;

  // Lambda variables in scope, innermost last.
  std::vector<std::pair<std::string_view, const Value*>>& scope() { return scope_; }

 private:
  absl::StatusOr<const Value*> EvalCall(const Expr& e);
  absl::StatusOr<const Value*> EvalMember(const Expr& e);
  absl::StatusOr<const Value*> EvalIndex(const Expr& e);

  ExprEnv& env_;
  Arena& arena_;
  EvalBudget& budget_;
  Anchor at_;
  std::vector<std::pair<std::string_view, const Value*>> scope_;
};

// Appends " at character N" for the node at `offset` unless the status already names one.
absl::Status AtOffset(absl::Status s, std::uint32_t offset);
absl::StatusOr<const Value*> AtOffset(absl::StatusOr<const Value*> r, std::uint32_t offset);

}  // namespace armlint::internal
