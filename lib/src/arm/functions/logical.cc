// Logical functions: and, bool, false, if, not, or, true.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-logical
//
// `if` evaluates only the branch its condition selects (the docs: "ARM evaluates only the
// branch that is used"), so a branch that would fail is harmless. `and`/`or` stop at the first
// argument that decides the result; an Unknown argument does not decide it, so
// and(false, unknown) is false and and(true, unknown) is Unknown.
#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "util/status_macros.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

absl::StatusOr<const Value*> AndOr(CallContext& ctx, std::span<const Expr* const> args,
                                   bool is_and) {
  const Value* unknown = nullptr;
  for (std::size_t i = 0; i < args.size(); ++i) {
    ARMLINT_ASSIGN_OR_RETURN(const Value* v, ctx.Eval(*args[i]));
    if (v->is_unknown()) {
      if (unknown == nullptr) unknown = v;
      continue;
    }
    if (!v->is_bool()) {
      return ctx.Error(Cat("expects argument ", i + 1, " to be a bool, got ", KindName(v->kind())));
    }
    // and: false decides; or: true decides.
    if (v->bool_value() != is_and) return ctx.Bool(!is_and);
  }
  if (unknown != nullptr) return ctx.Unknown(Kind::kBool, unknown->unknown_reason());
  return ctx.Bool(is_and);
}

absl::StatusOr<const Value*> And(CallContext& ctx, std::span<const Expr* const> args) {
  return AndOr(ctx, args, true);
}
absl::StatusOr<const Value*> Or(CallContext& ctx, std::span<const Expr* const> args) {
  return AndOr(ctx, args, false);
}

absl::StatusOr<const Value*> If(CallContext& ctx, std::span<const Expr* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* c, ctx.Eval(*args[0]));
  if (c->is_bool()) {
    ARMLINT_ASSIGN_OR_RETURN(const Value* r, ctx.Eval(*args[c->bool_value() ? 1 : 2]));
    return ctx.Share(r);
  }
  if (!c->is_unknown()) {
    return ctx.Error(Cat("expects argument 1 to be a bool, got ", KindName(c->kind())));
  }
  // Unknown condition: the result is known only when both branches agree. A branch that fails
  // may be one the real condition never takes, so its error is not reported.
  absl::StatusOr<const Value*> a = ctx.Eval(*args[1]);
  absl::StatusOr<const Value*> b = ctx.Eval(*args[2]);
  if (a.ok() && b.ok() && DeepEquals(**a, **b)) return ctx.Share(*a);
  Kind hint = Kind::kUnknown;
  if (a.ok() && b.ok()) {
    Kind ka = (*a)->is_unknown() ? (*a)->unknown_kind() : (*a)->kind();
    Kind kb = (*b)->is_unknown() ? (*b)->unknown_kind() : (*b)->kind();
    if (ka == kb) hint = ka;
  }
  return ctx.Unknown(hint, c->unknown_reason());
}

absl::StatusOr<const Value*> Bool(CallContext& ctx, std::span<const Value* const> args) {
  const Value& v = *args[0];
  if (v.is_bool()) return ctx.Bool(v.bool_value());
  if (v.is_int()) return ctx.Bool(v.int_value() != 0);
  std::string_view s = v.string_value();
  if (EqualsIgnoreCase(s, "true")) return ctx.Bool(true);
  if (EqualsIgnoreCase(s, "false")) return ctx.Bool(false);
  return ctx.Error(Cat("cannot convert ", ctx.Quote(s), " to a bool (use 'true' or 'false')"));
}

absl::StatusOr<const Value*> Not(CallContext& ctx, std::span<const Value* const> args) {
  return ctx.Bool(!args[0]->bool_value());
}
absl::StatusOr<const Value*> True(CallContext& ctx, std::span<const Value* const>) {
  return ctx.Bool(true);
}
absl::StatusOr<const Value*> False(CallContext& ctx, std::span<const Value* const>) {
  return ctx.Bool(false);
}

}  // namespace

// Entries name only the fields they set (designated initializers).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterLogicalFunctions(FunctionTable& t) {
  t.Add({.name = "and",
         .min_args = 1,
         .max_args = -1,
         .result = Kind::kBool,
         .unknowns = UnknownPolicy::kSelf,
         .lazy = And});
  t.Add({.name = "or",
         .min_args = 1,
         .max_args = -1,
         .result = Kind::kBool,
         .unknowns = UnknownPolicy::kSelf,
         .lazy = Or});
  t.Add({.name = "if", .min_args = 3, .max_args = 3, .unknowns = UnknownPolicy::kSelf, .lazy = If});
  t.Add({.name = "bool",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgBool | kArgInt | kArgString},
         .result = Kind::kBool,
         .fn = Bool});
  t.Add({.name = "not",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgBool},
         .result = Kind::kBool,
         .fn = Not});
  t.Add({.name = "true", .min_args = 0, .max_args = 0, .result = Kind::kBool, .fn = True});
  t.Add({.name = "false", .min_args = 0, .max_args = 0, .result = Kind::kBool, .fn = False});
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
