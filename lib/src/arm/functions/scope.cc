// Scope functions: subscription(), resourceGroup(), tenant(), managementGroup()
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-scope),
// returning the placeholder deployment scope described in arm/deployment_context.h.
#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "arm/template_context.h"
#include "arm/template_strings.h"

namespace armlint::internal {
namespace {

const Value* Str(Arena& a, std::string_view s, Anchor at) { return Value::String(a, s, at); }

absl::StatusOr<const Value*> Subscription(CallContext& call, std::span<const Value* const>) {
  const DeploymentContext& ctx = call.deployment();
  Arena& a = call.arena();
  Anchor at = call.at();
  return MakeObject(a,
                    {{"id", Str(a, tmpl::Concat("/subscriptions/", ctx.subscription_id), at)},
                     {"subscriptionId", Str(a, ctx.subscription_id, at)},
                     {"tenantId", Str(a, ctx.tenant_id, at)},
                     {"displayName", Str(a, "subscription", at)}},
                    at);
}

absl::StatusOr<const Value*> ResourceGroup(CallContext& call, std::span<const Value* const>) {
  const DeploymentContext& ctx = call.deployment();
  Arena& a = call.arena();
  Anchor at = call.at();
  return MakeObject(
      a,
      {{"id", Str(a,
                  tmpl::Concat("/subscriptions/", ctx.subscription_id, "/resourceGroups/",
                               ctx.resource_group),
                  at)},
       {"name", Str(a, ctx.resource_group, at)},
       {"type", Str(a, "Microsoft.Resources/resourceGroups", at)},
       {"location", Str(a, ctx.location, at)},
       {"tags", Value::Object(a, {}, at)},
       {"properties", MakeObject(a, {{"provisioningState", Str(a, "Succeeded", at)}}, at)}},
      at);
}

absl::StatusOr<const Value*> Tenant(CallContext& call, std::span<const Value* const>) {
  const DeploymentContext& ctx = call.deployment();
  Arena& a = call.arena();
  Anchor at = call.at();
  return MakeObject(a,
                    {{"countryCode", Str(a, "US", at)},
                     {"displayName", Str(a, "tenant", at)},
                     {"id", Str(a, tmpl::Concat("/tenants/", ctx.tenant_id), at)},
                     {"tenantId", Str(a, ctx.tenant_id, at)}},
                    at);
}

// managementGroup([name]) (Bicep passes a name for another management group).
absl::StatusOr<const Value*> ManagementGroup(CallContext& call,
                                             std::span<const Value* const> args) {
  const DeploymentContext& ctx = call.deployment();
  Arena& a = call.arena();
  Anchor at = call.at();
  const Value* mg = Str(a, ctx.management_group, at);
  if (args.size() == 1) {
    if (args[0]->is_unknown()) return Value::Unknown(a, args[0]->unknown_reason(), at);
    mg = Str(a, args[0]->string_value(), at);
  }
  return MakeObject(
      a,
      {{"id",
        Str(a,
            tmpl::Concat("/providers/Microsoft.Management/managementGroups/", mg->string_value()),
            at)},
       {"name", mg},
       {"properties",
        MakeObject(a, {{"tenantId", Str(a, ctx.tenant_id, at)}, {"displayName", mg}}, at)},
       {"type", Str(a, "/providers/Microsoft.Management/managementGroups", at)}},
      at);
}

}  // namespace

// Entries name only the fields they set (designated initializers).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterScopeFunctions(FunctionTable& t) {
  t.Add(DeploymentObjectFunction("subscription", Subscription));
  t.Add(DeploymentObjectFunction("resourceGroup", ResourceGroup));
  t.Add(DeploymentObjectFunction("tenant", Tenant));
  t.Add({.name = "managementGroup",
         .min_args = 0,
         .max_args = 1,
         .arg_kinds = {kArgString},
         .result = Kind::kObject,
         .unknowns = UnknownPolicy::kSelf,
         .fn = ManagementGroup,
         .needs_deployment = true});
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
