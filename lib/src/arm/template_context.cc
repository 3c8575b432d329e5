// Deployment scope ids and arena objects for the scope functions.
#include "arm/template_context.h"

#include <vector>

#include "arm/template_strings.h"
#include "util/strings.h"

namespace armlint::internal {

void ApplyContextValues(const ContextValues& given, DeploymentContext& ctx) {
  auto set = [](const std::string& v, std::string& into) {
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
  std::string lower = ToLower(schema);
  if (lower.find("subscriptiondeploymenttemplate") != std::string::npos) {
    return ScopeLevel::kSubscription;
  }
  if (lower.find("managementgroupdeploymenttemplate") != std::string::npos) {
    return ScopeLevel::kManagementGroup;
  }
  if (lower.find("tenantdeploymenttemplate") != std::string::npos) return ScopeLevel::kTenant;
  if (lower.find("deploymenttemplate") != std::string::npos) return ScopeLevel::kResourceGroup;
  return fallback;
}

std::string ScopeId(const DeploymentContext& ctx) {
  switch (ctx.level) {
    case ScopeLevel::kTenant:
      return "";
    case ScopeLevel::kManagementGroup:
      return tmpl::Concat("/providers/Microsoft.Management/managementGroups/",
                          ctx.management_group);
    case ScopeLevel::kSubscription:
      return tmpl::Concat("/subscriptions/", ctx.subscription_id);
    case ScopeLevel::kResourceGroup:
      return tmpl::Concat("/subscriptions/", ctx.subscription_id, "/resourceGroups/",
                          ctx.resource_group);
  }
  return "";
}

std::string ResourceIdUnder(std::string_view scope_id, std::string_view type,
                            std::string_view name) {
  std::vector<std::string_view> types = tmpl::Split(type, '/');
  std::vector<std::string_view> names = tmpl::Split(name, '/');
  if (types.size() < 2 || names.size() + 1 != types.size()) return "";
  std::string id = tmpl::Concat(scope_id, "/providers/", types[0]);
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (types[i + 1].empty() || names[i].empty()) return "";
    tmpl::AppendTo(id, "/", types[i + 1], "/", names[i]);
  }
  return id;
}

const Value* MakeObject(Arena& arena,
                        std::initializer_list<std::pair<std::string_view, const Value*>> members,
                        Anchor at) {
  std::vector<Member> ms;
  ms.reserve(members.size());
  for (const auto& [k, v] : members) ms.push_back(Member{k, v, at.pos});
  return Value::Object(arena, ms, at);
}

}  // namespace armlint::internal
