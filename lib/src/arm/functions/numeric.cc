// Numeric functions: add, div, float, int, max, min, mod, mul, range, sub.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array (min,
// max, range)
//
// ARM integers are 64-bit; an overflow or a division by zero is an error, never a wrapped value.
#include <cmath>
#include <limits>

#include "absl/strings/numbers.h"

#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "arm/functions/common.h"
#include "util/limits.h"
#include "util/status_macros.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

template <bool (*Op)(std::int64_t, std::int64_t, std::int64_t*)>
absl::StatusOr<const Value*> Checked(CallContext& ctx, std::span<const Value* const> args) {
  std::int64_t r = 0;
  if (Op(args[0]->int_value(), args[1]->int_value(), &r)) {
    if ((ctx.flags() & kFlagSecure) != 0) return ctx.Error("the result overflows a 64-bit integer");
    return ctx.Error(Cat("the result of ", args[0]->int_value(), " and ", args[1]->int_value(),
                         " overflows a 64-bit integer"));
  }
  return ctx.Int(r);
}

absl::StatusOr<const Value*> Div(CallContext& ctx, std::span<const Value* const> args) {
  std::int64_t a = args[0]->int_value(), b = args[1]->int_value();
  if (b == 0) return ctx.Error("division by zero");
  if (a == std::numeric_limits<std::int64_t>::min() && b == -1) {
    return ctx.Error("the result overflows a 64-bit integer");
  }
  return ctx.Int(a / b);
}

absl::StatusOr<const Value*> Mod(CallContext& ctx, std::span<const Value* const> args) {
  std::int64_t a = args[0]->int_value(), b = args[1]->int_value();
  if (b == 0) return ctx.Error("division by zero");
  if (b == -1) return ctx.Int(0);
  return ctx.Int(a % b);
}

absl::StatusOr<const Value*> Int(CallContext& ctx, std::span<const Value* const> args) {
  const Value& v = *args[0];
  if (v.is_int()) return ctx.Share(&v);
  if (v.is_double()) {
    double d = std::trunc(v.double_value());
    if (!(d >= -9.2e18 && d <= 9.2e18)) return ctx.Error("the value does not fit in 64 bits");
    return ctx.Int(static_cast<std::int64_t>(d));
  }
  std::int64_t i = 0;
  if (!absl::SimpleAtoi(absl::string_view(v.string_value().data(), v.string_value().size()), &i)) {
    return ctx.Error(Cat("cannot convert ", ctx.Quote(v.string_value()), " to an integer"));
  }
  return ctx.Int(i);
}

absl::StatusOr<const Value*> Float(CallContext& ctx, std::span<const Value* const> args) {
  const Value& v = *args[0];
  if (v.is_number()) return ctx.Double(v.number_value());
  double d = 0;
  if (!absl::SimpleAtod(absl::string_view(v.string_value().data(), v.string_value().size()), &d)) {
    return ctx.Error(Cat("cannot convert ", ctx.Quote(v.string_value()), " to a number"));
  }
  return ctx.Double(d);
}

// min/max: ints as arguments, or one array of ints.
template <bool kMax>
absl::StatusOr<const Value*> MinMax(CallContext& ctx, std::span<const Value* const> args) {
  std::span<const Value* const> items = args;
  if (args.size() == 1 && args[0]->is_array()) items = args[0]->items();
  if (items.empty()) return ctx.Error("expects at least one value");
  const Value* best = nullptr;
  for (const Value* v : items) {
    if (v->is_unknown()) return ctx.Unknown(Kind::kInt, v->unknown_reason());
    if (!v->is_number()) {
      return ctx.Error(Cat("expects ints, got ", KindName(v->kind())));
    }
    if (best == nullptr || (kMax ? v->number_value() > best->number_value()
                                 : v->number_value() < best->number_value())) {
      best = v;
    }
  }
  return ctx.Share(best);
}

// range(start, count): ARM documents count <= 10000 and start + count <= 2147483647.
absl::StatusOr<const Value*> Range(CallContext& ctx, std::span<const Value* const> args) {
  std::int64_t start = args[0]->int_value(), count = args[1]->int_value();
  if (count < 0) return ctx.Error(Cat("count must not be negative, got ", count));
  if (count > 10000) {
    return absl::ResourceExhaustedError(
        Cat("function 'range': count ", count,
            " is over ARM's limit of 10000 (template-functions-array#range)"));
  }
  if (start > 2147483647 - count || start < -2147483648LL) {
    return ctx.Error("start + count must not exceed 2147483647");
  }
  ARMLINT_RETURN_IF_ERROR(ctx.Spend(count));
  std::vector<const Value*> items;
  items.reserve(static_cast<std::size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) items.push_back(ctx.Int(start + i));
  return ctx.Array(items);
}

}  // namespace

// Entries name only the fields they set (designated initializers).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterNumericFunctions(FunctionTable& t) {
  t.Add({.name = "add",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kArgInt},
         .result = Kind::kInt,
         .fn = Checked<AddOverflows>});
  t.Add({.name = "sub",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kArgInt},
         .result = Kind::kInt,
         .fn = Checked<SubOverflows>});
  t.Add({.name = "mul",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kArgInt},
         .result = Kind::kInt,
         .fn = Checked<MulOverflows>});
  t.Add({.name = "div",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kArgInt},
         .result = Kind::kInt,
         .fn = Div});
  t.Add({.name = "mod",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kArgInt},
         .result = Kind::kInt,
         .fn = Mod});
  t.Add({.name = "int",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgNumber | kArgString},
         .result = Kind::kInt,
         .fn = Int});
  t.Add({.name = "float",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgNumber | kArgString},
         .result = Kind::kDouble,
         .fn = Float});
  t.Add({.name = "min",
         .min_args = 1,
         .max_args = -1,
         .arg_kinds = {kArgNumber | kArgArray},
         .result = Kind::kInt,
         .fn = MinMax<false>});
  t.Add({.name = "max",
         .min_args = 1,
         .max_args = -1,
         .arg_kinds = {kArgNumber | kArgArray},
         .result = Kind::kInt,
         .fn = MinMax<true>});
  t.Add({.name = "range",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kArgInt},
         .result = Kind::kArray,
         .fn = Range});
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
