// Scope functions: subscription(), resourceGroup(), tenant(), managementGroup()
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-scope),
// returning the placeholder deployment scope described in arm/template_context.h.
#include "arm/template_context.h"
#include "arm/template_strings.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

const Value* Str(Arena& a, std::string_view s, Anchor at) { return Value::String(a, s, at); }

absl::Status NoArgs(std::string_view name, std::span<const Value* const> args) {
  if (args.empty()) return absl::OkStatus();
  return tmpl::Invalid(tmpl::Concat(name, "() takes no arguments, got ", args.size()));
}

}  // namespace

absl::StatusOr<const Value*> CallScopeFunction(const DeploymentContext& ctx, std::string_view name,
                                               std::span<const Value* const> args, Arena& a,
                                               Anchor at) {
  if (EqualsIgnoreCase(name, "subscription")) {
    absl::Status st = NoArgs("subscription", args);
    if (!st.ok()) return st;
    return MakeObject(a,
                      {{"id", Str(a, tmpl::Concat("/subscriptions/", ctx.subscription_id), at)},
                       {"subscriptionId", Str(a, ctx.subscription_id, at)},
                       {"tenantId", Str(a, ctx.tenant_id, at)},
                       {"displayName", Str(a, "subscription", at)}},
                      at);
  }
  if (EqualsIgnoreCase(name, "resourceGroup")) {
    absl::Status st = NoArgs("resourceGroup", args);
    if (!st.ok()) return st;
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
  if (EqualsIgnoreCase(name, "tenant")) {
    absl::Status st = NoArgs("tenant", args);
    if (!st.ok()) return st;
    return MakeObject(a,
                      {{"countryCode", Str(a, "US", at)},
                       {"displayName", Str(a, "tenant", at)},
                       {"id", Str(a, tmpl::Concat("/tenants/", ctx.tenant_id), at)},
                       {"tenantId", Str(a, ctx.tenant_id, at)}},
                      at);
  }
  if (EqualsIgnoreCase(name, "managementGroup")) {
    // managementGroup([name]) (Bicep passes a name for another management group).
    if (args.size() > 1) {
      return tmpl::Invalid(
          tmpl::Concat("managementGroup() takes at most 1 argument, got ", args.size()));
    }
    const Value* mg = Str(a, ctx.management_group, at);
    if (args.size() == 1) {
      if (args[0]->is_unknown()) return Value::Unknown(a, args[0]->unknown_reason(), at);
      if (!args[0]->is_string()) {
        return tmpl::Invalid("managementGroup(): the name must be a string");
      }
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
  return absl::NotFoundError(std::string(name));
}

}  // namespace armlint::internal
