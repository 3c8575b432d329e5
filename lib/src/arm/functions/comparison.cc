// Comparison functions: coalesce, equals, greater, greaterOrEquals, less, lessOrEquals.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-comparison
//
// equals compares deeply and, for strings, case-sensitively (Bicep's `==` compiles to it; `=~`
// is the insensitive form). The ordering functions take two numbers or two strings; strings are
// ordered as .NET's invariant culture orders them, not by bytes (the page's examples:
// greater('A', 'a') and greaterOrEquals('A', 'a') are true, less('A', 'a') is false;
// functions/collation.h gives the order and its limits).
#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "arm/functions/collation.h"
#include "util/status_macros.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

absl::StatusOr<const Value*> Coalesce(CallContext& ctx, std::span<const Expr* const> args) {
  for (const Expr* a : args) {
    ARMLINT_ASSIGN_OR_RETURN(const Value* v, ctx.Eval(*a));
    // An Unknown may or may not be null: the result depends on it.
    if (v->is_unknown()) return ctx.Unknown(v->unknown_kind(), v->unknown_reason());
    if (!v->is_null()) return ctx.Share(v);
  }
  return ctx.Null();
}

absl::StatusOr<const Value*> Equals(CallContext& ctx, std::span<const Value* const> args) {
  return ctx.Bool(DeepEquals(*args[0], *args[1]));
}

// <0, 0, >0; error when the kinds cannot be ordered.
absl::StatusOr<int> Compare(CallContext& ctx, const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) {
      return a.int_value() < b.int_value() ? -1 : (a.int_value() > b.int_value() ? 1 : 0);
    }
    double x = a.number_value(), y = b.number_value();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.is_string() && b.is_string()) {
    int c = CompareInvariantCulture(a.string_value(), b.string_value());
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return ctx.Error(Cat("cannot compare ", KindName(a.kind()), " with ", KindName(b.kind()),
                       "; both arguments must be ints or strings"));
}

template <bool (*Pred)(int)>
absl::StatusOr<const Value*> Ordered(CallContext& ctx, std::span<const Value* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(int c, Compare(ctx, *args[0], *args[1]));
  return ctx.Bool(Pred(c));
}

bool Gt(int c) { return c > 0; }
bool Ge(int c) { return c >= 0; }
bool Lt(int c) { return c < 0; }
bool Le(int c) { return c <= 0; }

}  // namespace

// Entries name only the fields they set (designated initializers).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterComparisonFunctions(FunctionTable& t) {
  t.Add({.name = "coalesce",
         .min_args = 1,
         .max_args = -1,
         .unknowns = UnknownPolicy::kSelf,
         .lazy = Coalesce});
  t.Add({.name = "equals",
         .min_args = 2,
         .max_args = 2,
         .result = Kind::kBool,
         .unknowns = UnknownPolicy::kDeep,
         .fn = Equals});
  constexpr std::uint16_t kOrd = kArgNumber | kArgString;
  t.Add({.name = "greater",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kOrd},
         .result = Kind::kBool,
         .fn = Ordered<Gt>});
  t.Add({.name = "greaterOrEquals",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kOrd},
         .result = Kind::kBool,
         .fn = Ordered<Ge>});
  t.Add({.name = "less",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kOrd},
         .result = Kind::kBool,
         .fn = Ordered<Lt>});
  t.Add({.name = "lessOrEquals",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kOrd},
         .result = Kind::kBool,
         .fn = Ordered<Le>});
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
