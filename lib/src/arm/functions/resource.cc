// Resource functions
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource):
// the *ResourceId family computed for the deployment's scope; reference(), list*(), pickZones()
// and other functions answered by the deployed cloud are Unknown with a reason.
#include <string>
#include <vector>

#include "arm/template_context.h"
#include "arm/template_strings.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// Joins `type` ("Microsoft.Sql/servers/databases") with `names` under `prefix`:
// prefix/providers/Microsoft.Sql/servers/n1/databases/n2. Names may hold several segments
// ("server/db"), as ARM accepts.
absl::StatusOr<std::string> JoinId(std::string_view fn, std::string_view prefix,
                                   std::string_view type, std::span<const Value* const> names) {
  // "Microsoft.Storage/storageAccounts/" (a trailing slash) is accepted by ARM.
  while (!type.empty() && type.back() == '/') type.remove_suffix(1);
  std::vector<std::string_view> types = tmpl::Split(type, '/');
  std::vector<std::string_view> segs;
  for (const Value* n : names) {
    for (std::string_view s : tmpl::Split(n->string_value(), '/')) segs.push_back(s);
  }
  if (types.size() < 2) {
    return tmpl::Invalid(
        tmpl::Concat(fn, "(): '", type, "' is not a resource type (namespace/type)"));
  }
  if (segs.size() + 1 != types.size()) {
    return tmpl::Invalid(tmpl::Concat(fn, "(): resource type '", type, "' needs ", types.size() - 1,
                                      " name segment(s), got ", segs.size()));
  }
  std::string id = tmpl::Concat(prefix, "/providers/", types[0]);
  for (std::size_t i = 0; i < segs.size(); ++i) tmpl::AppendTo(id, "/", types[i + 1], "/", segs[i]);
  return id;
}

// Checks that every argument is a string; a NotFound-free Unknown result when one is Unknown.
absl::StatusOr<bool> AllKnownStrings(std::string_view fn, std::span<const Value* const> args) {
  bool known = true;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i]->is_unknown()) {
      known = false;
    } else if (!args[i]->is_string()) {
      return tmpl::Invalid(tmpl::Concat(fn, "(): argument ", i + 1, " must be a string, got ",
                                        KindName(args[i]->kind())));
    }
  }
  return known;
}

bool IsType(const Value* v) {
  return v->is_string() && v->string_value().find('/') != std::string_view::npos;
}

absl::StatusOr<const Value*> ResourceIdFn(const DeploymentContext& ctx, std::string_view fn,
                                          std::span<const Value* const> args, Arena& a, Anchor at) {
  auto known = AllKnownStrings(fn, args);
  if (!known.ok()) return known.status();
  bool ids_known = ctx.ids_known;
  std::string prefix;
  std::size_t type_at = 0;
  if (EqualsIgnoreCase(fn, "extensionResourceId")) {
    if (args.size() < 3) {
      return tmpl::Invalid(
          tmpl::Concat("extensionResourceId() takes a resource id, a type and names, got ",
                       args.size(), " argument(s)"));
    }
    if (!*known) return Value::Unknown(a, "resource id of unknown parts", at, Kind::kString);
    prefix = std::string(args[0]->string_value());
    type_at = 1;
    ids_known = true;
  } else {
    if (args.size() < 2) {
      return tmpl::Invalid(tmpl::Concat(fn, "() takes a resource type and at least one name, got ",
                                        args.size(), " argument(s)"));
    }
    if (!*known) return Value::Unknown(a, "resource id of unknown parts", at, Kind::kString);
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
        prefix = tmpl::Concat("/subscriptions/", sub, "/resourceGroups/", rg);
      } else if (ctx.level == ScopeLevel::kSubscription) {
        prefix = tmpl::Concat("/subscriptions/", sub);
      }  // management group and tenant deployments: tenant-level ids ("/providers/...")
    } else if (EqualsIgnoreCase(fn, "subscriptionResourceId")) {
      if (type_at > 1) {
        return tmpl::Invalid(
            "subscriptionResourceId(): only a subscriptionId may precede the type");
      }
      if (type_at == 1) sub = args[0]->string_value();
      prefix = tmpl::Concat("/subscriptions/", sub);
    } else if (EqualsIgnoreCase(fn, "managementGroupResourceId")) {
      if (type_at > 1) {
        return tmpl::Invalid(
            "managementGroupResourceId(): only a management group name may precede the type");
      }
      std::string_view mg = ctx.management_group;
      if (type_at == 1) mg = args[0]->string_value();
      prefix = tmpl::Concat("/providers/Microsoft.Management/managementGroups/", mg);
    } else {  // tenantResourceId
      if (type_at > 0) {
        return tmpl::Invalid("tenantResourceId(): the first argument is the type");
      }
    }
  }
  if (!ids_known) return Value::Unknown(a, "resource id in an unknown scope", at, Kind::kString);
  auto id = JoinId(fn, prefix, args[type_at]->string_value(), args.subspan(type_at + 1));
  if (!id.ok()) return id.status();
  return Value::String(a, *id, at);
}

}  // namespace

absl::StatusOr<const Value*> CallResourceFunction(const DeploymentContext& ctx,
                                                  std::string_view name,
                                                  std::span<const Value* const> args, Arena& a,
                                                  Anchor at) {
  if (EqualsIgnoreCase(name, "resourceId") || EqualsIgnoreCase(name, "subscriptionResourceId") ||
      EqualsIgnoreCase(name, "tenantResourceId") ||
      EqualsIgnoreCase(name, "managementGroupResourceId") ||
      EqualsIgnoreCase(name, "extensionResourceId")) {
    return ResourceIdFn(ctx, name, args, a, at);
  }
  if (EqualsIgnoreCase(name, "reference")) {
    if (args.empty() || args.size() > 3) {
      return tmpl::Invalid(tmpl::Concat("reference() takes 1 to 3 arguments, got ", args.size()));
    }
    return Value::Unknown(a, "reference() is evaluated at deployment", at, Kind::kObject);
  }
  if (StartsWithIgnoreCase(name, "list")) {
    // listKeys(), listSecrets(), listAccountSas(), ...: secrets of deployed resources.
    std::string_view why = a.Copy(tmpl::Concat(name, "() is evaluated at deployment"));
    return Value::Unknown(a, why, at, Kind::kUnknown, kFlagSecure);
  }
  if (EqualsIgnoreCase(name, "pickZones")) {
    return Value::Unknown(a, "pickZones() depends on the region's availability zones", at,
                          Kind::kArray);
  }
  if (EqualsIgnoreCase(name, "providers")) {
    return Value::Unknown(a, "providers() is evaluated at deployment", at, Kind::kObject);
  }
  if (EqualsIgnoreCase(name, "resourceInfo")) {
    return Value::Unknown(a, "resourceInfo() is evaluated at deployment", at, Kind::kObject);
  }
  return absl::NotFoundError(std::string(name));
}

}  // namespace armlint::internal
