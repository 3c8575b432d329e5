// Deployment scope ids for the expander: the scope level a $schema names, the id of a scope and
// of a resource under it. The context itself is arm/deployment_context.h.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "arm/deployment_context.h"
#include "json/value.h"
#include "util/arena.h"

namespace armlint::internal {

// What the user says about the deployment (README "Offline context": --context KEY=VALUE,
// .armlint.json "context"); an empty value keeps the placeholder of arm/deployment_context.h.
struct ContextValues {
  std::string subscription_id;
  std::string tenant_id;
  std::string resource_group;
  std::string location;
  std::string deployment_name;
  std::string environment;  // the cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment
};

// `ctx` with the values `given` sets; `ctx` views them, so `given` must outlive it.
void ApplyContextValues(const ContextValues& given, DeploymentContext& ctx);

// The scope level a $schema URI names; `fallback` when it names none.
ScopeLevel ScopeLevelFromSchema(std::string_view schema, ScopeLevel fallback);

// The id of the deployment's scope: "/subscriptions/{s}/resourceGroups/{rg}",
// "/subscriptions/{s}", "/providers/Microsoft.Management/managementGroups/{mg}" or "" (tenant).
std::string ScopeId(const DeploymentContext& ctx);
// ScopeId appended to `out`.
void AppendScopeId(const DeploymentContext& ctx, std::string& out);

// The id of a resource of full type `type` ("Microsoft.Sql/servers/databases") and full name
// `name` ("server/db") under `scope_id`; "" when the segments do not match.
std::string ResourceIdUnder(std::string_view scope_id, std::string_view type,
                            std::string_view name);
// Appends the part of that id after the scope ("/providers/Microsoft.Sql/servers/server/...")
// to `id`, which holds the scope id; false (and `id` left partly written) when the segments do
// not match.
bool AppendResourceId(std::string_view type, std::string_view name, std::string& id);

// An arena object from (key, value) pairs; keys must outlive the arena (string literals).
const Value* MakeObject(Arena& arena,
                        std::initializer_list<std::pair<std::string_view, const Value*>> members,
                        Anchor at);

}  // namespace armlint::internal
