// Deployment scope ids and arena objects for the scope functions.
#include "arm/template_context.h"

#include <algorithm>
#include <vector>

#include "absl/container/inlined_vector.h"

#include "arm/template_strings.h"
#include "util/lower_view.h"
#include "util/strings.h"

namespace armlint::internal {

void ApplyContextValues(const ContextValues& given, DeploymentContext& ctx) {
  auto set = [](const std::string& v, std::string_view& into) {
    if (!v.empty()) into = v;
  };
  set(given.subscription_id, ctx.subscription_id);
  set(given.tenant_id, ctx.tenant_id);
  set(given.resource_group, ctx.resource_group);
  set(given.location, ctx.location);
  set(given.deployment_name, ctx.deployment_name);
  set(given.environment, ctx.environment);
}

ScopeLevel ScopeLevelFromSchema(std::string_view schema, ScopeLevel fallback) {
  // Lower-cased once (on the stack: schema URIs are short), then searched with find's scan.
  const LowerView lower(schema);
  auto has = [&](std::string_view part) { return lower.Contains(part); };
  if (has("subscriptiondeploymenttemplate")) return ScopeLevel::kSubscription;
  if (has("managementgroupdeploymenttemplate")) return ScopeLevel::kManagementGroup;
  if (has("tenantdeploymenttemplate")) return ScopeLevel::kTenant;
  if (has("deploymenttemplate")) return ScopeLevel::kResourceGroup;
  return fallback;
}

std::string ScopeId(const DeploymentContext& ctx) {
  std::string out;
  AppendScopeId(ctx, out);
  return out;
}

void AppendScopeId(const DeploymentContext& ctx, std::string& out) {
  switch (ctx.level) {
    case ScopeLevel::kTenant:
      return;
    case ScopeLevel::kManagementGroup:
      tmpl::AppendTo(out, "/providers/Microsoft.Management/managementGroups/",
                     ctx.management_group);
      return;
    case ScopeLevel::kSubscription:
      tmpl::AppendTo(out, "/subscriptions/", ctx.subscription_id);
      return;
    case ScopeLevel::kResourceGroup:
      tmpl::AppendTo(out, "/subscriptions/", ctx.subscription_id, "/resourceGroups/",
                     ctx.resource_group);
      return;
  }
}

std::string ResourceIdUnder(std::string_view scope_id, std::string_view type,
                            std::string_view name) {
  std::string id(scope_id);
  if (!AppendResourceId(type, name, id)) return "";
  return id;
}

bool AppendResourceId(std::string_view type, std::string_view name, std::string& id) {
  // type = ns/t1/.../tn pairs with name = n1/.../nn, no segment empty; walked in place.
  const std::size_t types = static_cast<std::size_t>(std::count(type.begin(), type.end(), '/'));
  const std::size_t names = static_cast<std::size_t>(std::count(name.begin(), name.end(), '/'));
  if (types < 1 || names + 1 != types) return false;
  std::size_t slash = type.find('/');
  tmpl::AppendTo(id, "/providers/", type.substr(0, slash));
  type.remove_prefix(slash + 1);
  for (std::size_t i = 0; i < types; ++i) {
    const std::size_t t_end = type.find('/');
    const std::size_t n_end = name.find('/');
    const std::string_view t = type.substr(0, t_end);
    const std::string_view n = name.substr(0, n_end);
    if (t.empty() || n.empty()) return false;
    tmpl::AppendTo(id, "/", t, "/", n);
    type.remove_prefix(t_end == std::string_view::npos ? type.size() : t_end + 1);
    name.remove_prefix(n_end == std::string_view::npos ? name.size() : n_end + 1);
  }
  return true;
}

const Value* MakeObject(Arena& arena,
                        std::initializer_list<std::pair<std::string_view, const Value*>> members,
                        Anchor at) {
  absl::InlinedVector<Member, 8> ms;  // the scope functions' objects have a few members
  for (const auto& [k, v] : members) ms.push_back(Member{k, v, at.pos});
  return Value::Object(arena, ms, at);
}

}  // namespace armlint::internal
