// Lambda functions: filter, groupBy, map, mapValues, reduce, sort, toObject.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-lambda
//
// Each takes `lambda('x', ..., body)` arguments, whose variables the body reads with
// lambdaVariables('x'). filter and map also accept a second lambda parameter, the index.
// A lambda result that is Unknown makes the whole result Unknown (which items pass a filter,
// in which order sort puts them, is then not known).
#include <algorithm>

#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "arm/functions/common.h"
#include "util/status_macros.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

absl::StatusOr<const Value*> EvalInput(CallContext& ctx, const Expr& e, Kind want) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* v, ctx.Eval(e));
  if (v->is_unknown() || v->kind() == want) return v;
  return ctx.Error(Cat("expects argument 1 to be ", want == Kind::kArray ? "an " : "an ",
                       KindName(want), ", got ", KindName(v->kind())));
}

// A lambda taking `min` or `min + 1` (the index) parameters.
absl::StatusOr<Lambda> GetLambdaWithIndex(CallContext& ctx, const Expr& e, std::size_t min) {
  if (e.kind == ExprKind::kCall && e.args.size() == min + 2) return ctx.GetLambda(e, min + 1);
  return ctx.GetLambda(e, min);
}

absl::StatusOr<const Value*> Call(CallContext& ctx, const Lambda& l, const Value* item,
                                  std::size_t index) {
  const Value* vals[2] = {item, nullptr};
  if (l.params.size() == 2) vals[1] = ctx.Int(static_cast<std::int64_t>(index));
  ARMLINT_RETURN_IF_ERROR(ctx.Spend(1));
  return ctx.Invoke(l, std::span<const Value* const>(vals, l.params.size()));
}

absl::StatusOr<const Value*> Filter(CallContext& ctx, std::span<const Expr* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* in, EvalInput(ctx, *args[0], Kind::kArray));
  ARMLINT_ASSIGN_OR_RETURN(Lambda l, GetLambdaWithIndex(ctx, *args[1], 1));
  if (in->is_unknown()) return ctx.Unknown(Kind::kArray, in->unknown_reason());
  std::vector<const Value*> out;
  auto items = in->items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    ARMLINT_ASSIGN_OR_RETURN(const Value* keep, Call(ctx, l, items[i], i));
    if (keep->is_unknown()) return ctx.Unknown(Kind::kArray, keep->unknown_reason());
    if (!keep->is_bool()) {
      return ctx.Error(Cat("the lambda must return a bool, got ", KindName(keep->kind())));
    }
    if (keep->bool_value()) out.push_back(items[i]);
  }
  return ctx.Array(out);
}

absl::StatusOr<const Value*> Map(CallContext& ctx, std::span<const Expr* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* in, EvalInput(ctx, *args[0], Kind::kArray));
  ARMLINT_ASSIGN_OR_RETURN(Lambda l, GetLambdaWithIndex(ctx, *args[1], 1));
  if (in->is_unknown()) return ctx.Unknown(Kind::kArray, in->unknown_reason());
  std::vector<const Value*> out;
  auto items = in->items();
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    ARMLINT_ASSIGN_OR_RETURN(const Value* v, Call(ctx, l, items[i], i));
    out.push_back(v);
  }
  return ctx.Array(out);
}

absl::StatusOr<const Value*> Reduce(CallContext& ctx, std::span<const Expr* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* in, EvalInput(ctx, *args[0], Kind::kArray));
  ARMLINT_ASSIGN_OR_RETURN(const Value* acc, ctx.Eval(*args[1]));
  ARMLINT_ASSIGN_OR_RETURN(Lambda l, GetLambdaWithIndex(ctx, *args[2], 2));
  if (in->is_unknown()) return ctx.Unknown(Kind::kUnknown, in->unknown_reason());
  auto items = in->items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Value* vals[3] = {acc, items[i], nullptr};
    if (l.params.size() == 3) vals[2] = ctx.Int(static_cast<std::int64_t>(i));
    ARMLINT_RETURN_IF_ERROR(ctx.Spend(1));
    ARMLINT_ASSIGN_OR_RETURN(acc,
                             ctx.Invoke(l, std::span<const Value* const>(vals, l.params.size())));
  }
  return ctx.Share(acc);
}

absl::StatusOr<const Value*> Sort(CallContext& ctx, std::span<const Expr* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* in, EvalInput(ctx, *args[0], Kind::kArray));
  ARMLINT_ASSIGN_OR_RETURN(Lambda l, ctx.GetLambda(*args[1], 2));
  if (in->is_unknown()) return ctx.Unknown(Kind::kArray, in->unknown_reason());
  std::vector<const Value*> out(in->items().begin(), in->items().end());
  absl::Status error;
  const Value* unknown = nullptr;
  // Insertion sort: stable, and a comparator that errs or is inconsistent cannot break it.
  for (std::size_t i = 1; i < out.size() && error.ok(); ++i) {
    for (std::size_t j = i; j > 0; --j) {
      const Value* vals[2] = {out[j], out[j - 1]};
      if (absl::Status s = ctx.Spend(1); !s.ok()) {
        error = s;
        break;
      }
      absl::StatusOr<const Value*> less = ctx.Invoke(l, vals);
      if (!less.ok()) {
        error = less.status();
        break;
      }
      if ((*less)->is_unknown()) {
        unknown = *less;
        break;
      }
      if (!(*less)->is_bool()) {
        error = ctx.Error("the lambda must return a bool");
        break;
      }
      if (!(*less)->bool_value()) break;
      std::swap(out[j], out[j - 1]);
    }
    if (unknown != nullptr) return ctx.Unknown(Kind::kArray, unknown->unknown_reason());
  }
  ARMLINT_RETURN_IF_ERROR(error);
  return ctx.Array(out);
}

absl::StatusOr<const Value*> ToObject(CallContext& ctx, std::span<const Expr* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* in, EvalInput(ctx, *args[0], Kind::kArray));
  ARMLINT_ASSIGN_OR_RETURN(Lambda key_fn, ctx.GetLambda(*args[1], 1));
  Lambda value_fn;
  if (args.size() == 3) {
    ARMLINT_ASSIGN_OR_RETURN(value_fn, ctx.GetLambda(*args[2], 1));
  }
  if (in->is_unknown()) return ctx.Unknown(Kind::kObject, in->unknown_reason());
  std::vector<Member> members;
  for (const Value* item : in->items()) {
    ARMLINT_ASSIGN_OR_RETURN(const Value* key, Call(ctx, key_fn, item, 0));
    if (key->is_unknown()) return ctx.Unknown(Kind::kObject, key->unknown_reason());
    if (!key->is_string()) {
      return ctx.Error(Cat("the key lambda must return a string, got ", KindName(key->kind())));
    }
    const Value* value = item;
    if (value_fn.body != nullptr) {
      ARMLINT_ASSIGN_OR_RETURN(value, Call(ctx, value_fn, item, 0));
    }
    auto it = std::find_if(members.begin(), members.end(), [&](const Member& m) {
      return EqualsIgnoreCase(m.key, key->string_value());
    });
    if (it != members.end()) {
      it->value = value;
    } else {
      members.push_back({key->string_value(), value, ctx.at().pos});
    }
  }
  return ctx.Object(members);
}

absl::StatusOr<const Value*> GroupBy(CallContext& ctx, std::span<const Expr* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* in, EvalInput(ctx, *args[0], Kind::kArray));
  ARMLINT_ASSIGN_OR_RETURN(Lambda key_fn, ctx.GetLambda(*args[1], 1));
  if (in->is_unknown()) return ctx.Unknown(Kind::kObject, in->unknown_reason());
  std::vector<std::pair<std::string_view, std::vector<const Value*>>> groups;
  for (const Value* item : in->items()) {
    ARMLINT_ASSIGN_OR_RETURN(const Value* key, Call(ctx, key_fn, item, 0));
    if (key->is_unknown()) return ctx.Unknown(Kind::kObject, key->unknown_reason());
    if (!key->is_string()) {
      return ctx.Error(Cat("the key lambda must return a string, got ", KindName(key->kind())));
    }
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& g) { return g.first == key->string_value(); });
    if (it == groups.end()) {
      groups.push_back({key->string_value(), {item}});
    } else {
      it->second.push_back(item);
    }
  }
  std::vector<Member> members;
  for (const auto& [k, items] : groups) members.push_back({k, ctx.Array(items), ctx.at().pos});
  return ctx.Object(members);
}

absl::StatusOr<const Value*> MapValues(CallContext& ctx, std::span<const Expr* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* in, EvalInput(ctx, *args[0], Kind::kObject));
  ARMLINT_ASSIGN_OR_RETURN(Lambda l, ctx.GetLambda(*args[1], 1));
  if (in->is_unknown()) return ctx.Unknown(Kind::kObject, in->unknown_reason());
  std::vector<Member> members;
  for (const Member& m : in->members()) {
    ARMLINT_ASSIGN_OR_RETURN(const Value* v, Call(ctx, l, m.value, 0));
    members.push_back({m.key, v, m.key_pos});
  }
  return ctx.Object(members);
}

}  // namespace

// Entries name only the fields they set (designated initializers).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterLambdaFunctions(FunctionTable& t) {
  auto lazy = [&](std::string_view name, int min, int max, Kind result, ArmLazyFn fn) {
    t.Add({.name = name,
           .min_args = min,
           .max_args = max,
           .result = result,
           .unknowns = UnknownPolicy::kSelf,
           .lazy = fn});
  };
  lazy("filter", 2, 2, Kind::kArray, Filter);
  lazy("map", 2, 2, Kind::kArray, Map);
  lazy("reduce", 3, 3, Kind::kUnknown, Reduce);
  lazy("sort", 2, 2, Kind::kArray, Sort);
  lazy("toObject", 2, 3, Kind::kObject, ToObject);
  lazy("groupBy", 2, 2, Kind::kObject, GroupBy);
  lazy("mapValues", 2, 2, Kind::kObject, MapValues);
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
