// Evaluates parsed ARM expressions (arm/expression_parser.h) against an ExprEnv, and the
// CallContext through which built-in functions allocate results, report errors and, for lazy
// functions, evaluate their arguments and lambdas.
//
// Unknown propagation: a function's result is Unknown when it depends on an Unknown argument
// (FunctionTable's UnknownPolicy); `if`, `and`, `or`, `coalesce` look at Unknowns themselves.
// Secret taint: a result computed from a kFlagSecure value carries kFlagSecure.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "arm/expression.h"
#include "arm/expression_parser.h"
#include "arm/function_table.h"
#include "json/value.h"
#include "util/arena.h"

namespace armlint::internal {

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
