// Resource functions
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource):
// the *ResourceId family computed for the deployment's scope; reference(), references(), list*(),
// pickZones() and other functions answered by the deployed cloud are Unknown with a reason.
#include <algorithm>
#include <string>
#include <vector>

#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "arm/template_context.h"
#include "arm/template_strings.h"
#include "util/status_macros.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// Appends to `id` (the prefix) `type` ("Microsoft.Sql/servers/databases") joined with `names`:
// prefix/providers/Microsoft.Sql/servers/n1/databases/n2. Names may hold several segments
// ("server/db"), as ARM accepts. Walks the segments in place: no list of them is made.
absl::Status JoinId(std::string_view fn, std::string_view type, std::span<const Value* const> names,
                    std::string& id) {
  // "Microsoft.Storage/storageAccounts/" (a trailing slash) is accepted by ARM.
  while (!type.empty() && type.back() == '/') type.remove_suffix(1);
  const std::size_t types = static_cast<std::size_t>(std::count(type.begin(), type.end(), '/')) + 1;
  std::size_t segs = 0;
  for (const Value* n : names) {
    std::string_view s = n->string_value();
    segs += static_cast<std::size_t>(std::count(s.begin(), s.end(), '/')) + 1;
  }
  if (types < 2) {
    return tmpl::Invalid(
        tmpl::Concat(fn, "(): '", type, "' is not a resource type (namespace/type)"));
  }
  if (segs + 1 != types) {
    return tmpl::Invalid(tmpl::Concat(fn, "(): resource type '", type, "' needs ", types - 1,
                                      " name segment(s), got ", segs));
  }
  std::size_t slash = type.find('/');
  tmpl::AppendTo(id, "/providers/", type.substr(0, slash));
  type.remove_prefix(slash + 1);
  for (const Value* n : names) {
    std::string_view s = n->string_value();
    while (true) {
      const std::size_t t_end = type.find('/');
      const std::size_t s_end = s.find('/');
      tmpl::AppendTo(id, "/", type.substr(0, t_end), "/", s.substr(0, s_end));
      type.remove_prefix(t_end == std::string_view::npos ? type.size() : t_end + 1);
      if (s_end == std::string_view::npos) break;
      s.remove_prefix(s_end + 1);
    }
  }
  return absl::OkStatus();
}

bool AnyUnknown(std::span<const Value* const> args) {
  for (const Value* a : args) {
    if (a->is_unknown()) return true;
  }
  return false;
}

bool IsType(const Value* v) {
  return v->is_string() && v->string_value().find('/') != std::string_view::npos;
}

// The table checks the arity and that every argument is a string (or an Unknown one).
absl::StatusOr<const Value*> ResourceIdFn(CallContext& call, std::span<const Value* const> args) {
  const DeploymentContext& ctx = call.deployment();
  std::string_view fn = call.call().name;  // as written, for messages
  Arena& a = call.arena();
  Anchor at = call.at();
  const bool known = !AnyUnknown(args);
  bool ids_known = ctx.ids_known;
  // The id is built in a buffer each thread reuses, then copied into the arena.
  thread_local std::string prefix;
  prefix.clear();
  std::size_t type_at = 0;
  if (EqualsIgnoreCase(fn, "extensionResourceId")) {
    if (!known) return Value::Unknown(a, "resource id of unknown parts", at, Kind::kString);
    prefix.assign(args[0]->string_value());
    type_at = 1;
    ids_known = true;
  } else {
    if (!known) return Value::Unknown(a, "resource id of unknown parts", at, Kind::kString);
    // The resource type is the first argument with a '/'; subscription ids, resource group and
    // management group names have none.
    while (type_at < args.size() && !IsType(args[type_at])) ++type_at;
    if (type_at + 1 >= args.size()) {
      return tmpl::Invalid(
          tmpl::Concat(fn, "(): no resource type ('Namespace/type') followed by a name"));
    }
    std::string_view sub = ctx.subscription_id;
    if (EqualsIgnoreCase(fn, "resourceId")) {
      if (type_at > 2) {
        return tmpl::Invalid(
            "resourceId(): at most subscriptionId and resourceGroupName precede the type");
      }
      std::string_view rg = ctx.resource_group;
      if (type_at == 2) {
        sub = args[0]->string_value();
        rg = args[1]->string_value();
        ids_known = true;
      } else if (type_at == 1) {
        rg = args[0]->string_value();
      }
      if (type_at > 0 || ctx.level == ScopeLevel::kResourceGroup) {
        tmpl::AppendTo(prefix, "/subscriptions/", sub, "/resourceGroups/", rg);
      } else if (ctx.level == ScopeLevel::kSubscription) {
        tmpl::AppendTo(prefix, "/subscriptions/", sub);
      }  // management group and tenant deployments: tenant-level ids ("/providers/...")
    } else if (EqualsIgnoreCase(fn, "subscriptionResourceId")) {
      if (type_at > 1) {
        return tmpl::Invalid(
            "subscriptionResourceId(): only a subscriptionId may precede the type");
      }
      if (type_at == 1) sub = args[0]->string_value();
      tmpl::AppendTo(prefix, "/subscriptions/", sub);
    } else if (EqualsIgnoreCase(fn, "managementGroupResourceId")) {
      if (type_at > 1) {
        return tmpl::Invalid(
            "managementGroupResourceId(): only a management group name may precede the type");
      }
      std::string_view mg = ctx.management_group;
      if (type_at == 1) mg = args[0]->string_value();
      tmpl::AppendTo(prefix, "/providers/Microsoft.Management/managementGroups/", mg);
    } else {  // tenantResourceId
      if (type_at > 0) {
        return tmpl::Invalid("tenantResourceId(): the first argument is the type");
      }
    }
  }
  if (!ids_known) return Value::Unknown(a, "resource id in an unknown scope", at, Kind::kString);
  ARMLINT_RETURN_IF_ERROR(
      JoinId(fn, args[type_at]->string_value(), args.subspan(type_at + 1), prefix));
  return Value::String(a, prefix, at);
}

absl::StatusOr<const Value*> Reference(CallContext& call, std::span<const Value* const>) {
  return Value::Unknown(call.arena(), "reference() is evaluated at deployment", call.at(),
                        Kind::kObject);
}

absl::StatusOr<const Value*> References(CallContext& call, std::span<const Value* const>) {
  return Value::Unknown(call.arena(), "references() is evaluated at deployment", call.at(),
                        Kind::kArray);
}

// listKeys(), listSecrets(), listAccountSas(), ...: secrets of deployed resources.
absl::StatusOr<const Value*> List(CallContext& call, std::span<const Value* const>) {
  Arena& a = call.arena();
  std::string_view why = a.Copy(tmpl::Concat(call.call().name, "() is evaluated at deployment"));
  return Value::Unknown(a, why, call.at(), Kind::kUnknown, kFlagSecure);
}

absl::StatusOr<const Value*> PickZones(CallContext& call, std::span<const Value* const>) {
  return Value::Unknown(call.arena(), "pickZones() depends on the region's availability zones",
                        call.at(), Kind::kArray);
}

// toLogicalZone(s)/toPhysicalZone(s): the mapping between logical zones ("1") and physical ones
// ("westus2-az1") differs per subscription and is known only to the deployed cloud.
absl::StatusOr<const Value*> ZoneMapping(CallContext& call, std::span<const Value* const>) {
  // The Unknown keeps a view of its reason: the arena owns the text.
  std::string_view why = call.arena().Copy(
      Cat(call.fn().name, "() depends on the subscription's availability-zone mapping"));
  return Value::Unknown(call.arena(), why, call.at(), call.fn().result);
}

absl::StatusOr<const Value*> Providers(CallContext& call, std::span<const Value* const>) {
  return Value::Unknown(call.arena(), "providers() is evaluated at deployment", call.at(),
                        Kind::kObject);
}

absl::StatusOr<const Value*> ResourceInfo(CallContext& call, std::span<const Value* const>) {
  return Value::Unknown(call.arena(), "resourceInfo() is evaluated at deployment", call.at(),
                        Kind::kObject);
}

}  // namespace

// Entries name only the fields they set (designated initializers). The Unknown-answering
// functions look at Unknown arguments themselves (kSelf) so that their reason names them.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterResourceFunctions(FunctionTable& t) {
  auto id = [&](std::string_view name, int min_args) {
    t.Add({.name = name,
           .min_args = min_args,
           .max_args = -1,
           .arg_kinds = {kArgString},
           .result = Kind::kString,
           .unknowns = UnknownPolicy::kSelf,
           .fn = ResourceIdFn,
           .needs_deployment = true});
  };
  id("resourceId", 2);
  id("subscriptionResourceId", 2);
  id("tenantResourceId", 2);
  id("managementGroupResourceId", 2);
  id("extensionResourceId", 3);
  auto deployed = [&](std::string_view name, int min_args, int max_args, Kind result, ArmFn fn,
                      bool prefix = false) {
    t.Add({.name = name,
           .min_args = min_args,
           .max_args = max_args,
           .result = result,
           .unknowns = UnknownPolicy::kSelf,
           .fn = fn,
           .needs_deployment = true,
           .name_is_prefix = prefix});
  };
  deployed("reference", 1, 3, Kind::kObject, Reference);
  deployed("references", 1, 2, Kind::kArray, References);
  deployed("list*", 2, 3, Kind::kUnknown, List, /*prefix=*/true);
  deployed("listKeys", 2, 3, Kind::kUnknown, List);
  deployed("listSecrets", 2, 3, Kind::kUnknown, List);
  deployed("listAccountSas", 2, 3, Kind::kUnknown, List);
  deployed("pickZones", 3, 5, Kind::kArray, PickZones);
  auto zones = [&](std::string_view name, std::uint16_t zone_kind, Kind result) {
    t.Add({.name = name,
           .min_args = 3,
           .max_args = 3,
           .arg_kinds = {kArgString, kArgString, zone_kind},
           .result = result,
           .unknowns = UnknownPolicy::kSelf,
           .fn = ZoneMapping,
           .needs_deployment = true});
  };
  zones("toLogicalZone", kArgString, Kind::kString);
  zones("toLogicalZones", kArgArray, Kind::kArray);
  zones("toPhysicalZone", kArgString, Kind::kString);
  zones("toPhysicalZones", kArgArray, Kind::kArray);
  deployed("providers", 1, 2, Kind::kObject, Providers);
  deployed("resourceInfo", 0, -1, Kind::kObject, ResourceInfo);
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
