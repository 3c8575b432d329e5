// Functions that read the template being expanded: parameters, variables, copyIndex, and the
// lambda variables of lambdaVariables. The values come from the ExprEnv (arm/expand.cc).
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-deployment
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric#copyindex
#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "arm/functions/common.h"
#include "util/status_macros.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

absl::StatusOr<const Value*> Parameters(CallContext& ctx, std::span<const Value* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* v, ctx.env().Parameter(args[0]->string_value()));
  return v;
}

absl::StatusOr<const Value*> Variables(CallContext& ctx, std::span<const Value* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* v, ctx.env().Variable(args[0]->string_value()));
  return v;
}

// copyIndex(), copyIndex(offset), copyIndex('loop'), copyIndex('loop', offset).
absl::StatusOr<const Value*> CopyIndex(CallContext& ctx, std::span<const Value* const> args) {
  std::string_view loop;
  std::int64_t offset = 0;
  if (!args.empty() && args[0]->is_string()) {
    loop = args[0]->string_value();
    if (args.size() == 2) {
      if (!args[1]->is_int()) return ctx.Error("expects the offset to be an int");
      offset = args[1]->int_value();
    }
  } else if (!args.empty()) {
    if (args.size() == 2) return ctx.Error("expects the loop name before the offset");
    offset = args[0]->int_value();
  }
  ARMLINT_ASSIGN_OR_RETURN(std::int64_t index, ctx.env().CopyIndex(loop));
  std::int64_t r = 0;
  if (AddOverflows(index, offset, &r)) return ctx.Error("the index overflows a 64-bit integer");
  return ctx.Int(r);
}

absl::StatusOr<const Value*> LambdaVariables(CallContext& ctx, std::span<const Value* const> args) {
  std::string_view name = args[0]->string_value();
  const Value* v = ctx.evaluator().LambdaVariable(name);
  if (v == nullptr) {
    return ctx.Error(Cat("no lambda variable '", name, "' is in scope"));
  }
  return v;
}

absl::StatusOr<const Value*> LambdaOutside(CallContext& ctx, std::span<const Expr* const>) {
  return ctx.Error(
      "a lambda can only be an argument of filter, map, reduce, sort, toObject, groupBy or "
      "mapValues");
}

}  // namespace

// Entries name only the fields they set (designated initializers).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterEnvFunctions(FunctionTable& t) {
  t.Add({.name = "parameters",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgString},
         .fn = Parameters});
  t.Add({.name = "variables",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgString},
         .fn = Variables});
  t.Add({.name = "copyIndex",
         .min_args = 0,
         .max_args = 2,
         .arg_kinds = {kArgString | kArgInt},
         .result = Kind::kInt,
         .fn = CopyIndex});
  t.Add({.name = "lambdaVariables",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgString},
         .fn = LambdaVariables});
  t.Add({.name = "lambda",
         .min_args = 2,
         .max_args = -1,
         .unknowns = UnknownPolicy::kSelf,
         .lazy = LambdaOutside});
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
