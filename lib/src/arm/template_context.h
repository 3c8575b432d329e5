// The deployment a template is expanded for, and the ARM functions that read it.
//
// armlint deploys nothing, so the scope functions (subscription(), resourceGroup(), tenant(),
// managementGroup(), deployment()) return placeholder but well-formed values, the same on every
// run, so that resourceId() and uniqueString() give stable strings:
//
//   subscriptionId / tenantId  00000000-0000-0000-0000-000000000000
//   resourceGroup().name       resourceGroup        resourceGroup().location  eastus
//   managementGroup().name     managementGroup      deployment().name         deployment
//
// What really depends on the deployed cloud (environment(), reference(), list*(), pickZones(),
// deployer()) is Unknown with a reason.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"

#include "json/value.h"
#include "util/arena.h"

namespace armlint::internal {

inline constexpr std::string_view kPlaceholderSubscriptionId =
    "00000000-0000-0000-0000-000000000000";
inline constexpr std::string_view kPlaceholderTenantId = "00000000-0000-0000-0000-000000000000";
inline constexpr std::string_view kPlaceholderResourceGroup = "resourceGroup";
inline constexpr std::string_view kPlaceholderLocation = "eastus";
inline constexpr std::string_view kPlaceholderManagementGroup = "managementGroup";
inline constexpr std::string_view kPlaceholderDeploymentName = "deployment";

// What the user says about the deployment (README "Offline context": --context KEY=VALUE,
// .armlint.json "context"); an empty value keeps the placeholder above.
struct ContextValues {
  std::string subscription_id;
  std::string tenant_id;
  std::string resource_group;
  std::string location;
  std::string deployment_name;
  std::string environment;  // the cloud: AzureCloud, AzureChinaCloud, AzureUSGovernment
};

// Deployment scope, from the template's $schema
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/deploy-to-subscription).
enum class ScopeLevel { kTenant, kManagementGroup, kSubscription, kResourceGroup };

struct DeploymentContext {
  ScopeLevel level = ScopeLevel::kResourceGroup;
  std::string tenant_id{kPlaceholderTenantId};
  std::string management_group{kPlaceholderManagementGroup};
  std::string subscription_id{kPlaceholderSubscriptionId};
  std::string resource_group{kPlaceholderResourceGroup};
  std::string location{kPlaceholderLocation};
  std::string deployment_name{kPlaceholderDeploymentName};
  std::string environment;  // the cloud's name; empty: environment() is Unknown
  // False when a nested deployment targets a subscription or resource group whose name is an
  // Unknown value: resource ids in it are then Unknown too.
  bool ids_known = true;
  // The template being deployed (deployment().properties.template.contentVersion); may be null.
  const Value* template_root = nullptr;
};

// `ctx` with the values `given` sets.
void ApplyContextValues(const ContextValues& given, DeploymentContext& ctx);

// The scope level a $schema URI names; `fallback` when it names none.
ScopeLevel ScopeLevelFromSchema(std::string_view schema, ScopeLevel fallback);

// The id of the deployment's scope: "/subscriptions/{s}/resourceGroups/{rg}",
// "/subscriptions/{s}", "/providers/Microsoft.Management/managementGroups/{mg}" or "" (tenant).
std::string ScopeId(const DeploymentContext& ctx);

// The id of a resource of full type `type` ("Microsoft.Sql/servers/databases") and full name
// `name` ("server/db") under `scope_id`; "" when the segments do not match.
std::string ResourceIdUnder(std::string_view scope_id, std::string_view type,
                            std::string_view name);

// An arena object from (key, value) pairs; keys must outlive the arena (string literals).
const Value* MakeObject(Arena& arena,
                        std::initializer_list<std::pair<std::string_view, const Value*>> members,
                        Anchor at);

// Context functions, by group. Each returns NotFound when `name` is not one of its functions,
// InvalidArgument for a bad call, else a value anchored at `at` (allocated in `arena`).
absl::StatusOr<const Value*> CallScopeFunction(const DeploymentContext& ctx, std::string_view name,
                                               std::span<const Value* const> args, Arena& arena,
                                               Anchor at);  // functions/scope.cc
absl::StatusOr<const Value*> CallDeploymentFunction(const DeploymentContext& ctx,
                                                    std::string_view name,
                                                    std::span<const Value* const> args,
                                                    Arena& arena,
                                                    Anchor at);  // functions/deployment.cc
absl::StatusOr<const Value*> CallResourceFunction(const DeploymentContext& ctx,
                                                  std::string_view name,
                                                  std::span<const Value* const> args, Arena& arena,
                                                  Anchor at);  // functions/resource.cc

// Tries the three groups above in turn.
absl::StatusOr<const Value*> CallDeploymentContextFunction(const DeploymentContext& ctx,
                                                           std::string_view name,
                                                           std::span<const Value* const> args,
                                                           Arena& arena, Anchor at);

}  // namespace armlint::internal
