// The deployment a template is expanded for: its scope level and the names ARM knows at
// deployment time (subscription, tenant, resource group, location, deployment name).
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
// deployer()) is Unknown with a reason. The functions that read this context are flagged
// `needs_deployment` in the function table (arm/function_table.h).
#pragma once

#include <string>
#include <string_view>

#include "json/value.h"

namespace armlint::internal {

inline constexpr std::string_view kPlaceholderSubscriptionId =
    "00000000-0000-0000-0000-000000000000";
inline constexpr std::string_view kPlaceholderTenantId = "00000000-0000-0000-0000-000000000000";
inline constexpr std::string_view kPlaceholderResourceGroup = "resourceGroup";
inline constexpr std::string_view kPlaceholderLocation = "eastus";
inline constexpr std::string_view kPlaceholderManagementGroup = "managementGroup";
inline constexpr std::string_view kPlaceholderDeploymentName = "deployment";

// Deployment scope, from the template's $schema
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/deploy-to-subscription).
enum class ScopeLevel { kTenant, kManagementGroup, kSubscription, kResourceGroup };

// The names are views: of the placeholders, of the ContextValues given to the expansion
// (ApplyContextValues), or of template values (nested deployments); each outlives the
// expansion. Copying a context (one per nested deployment) allocates nothing.
struct DeploymentContext {
  ScopeLevel level = ScopeLevel::kResourceGroup;
  std::string_view tenant_id{kPlaceholderTenantId};
  std::string_view management_group{kPlaceholderManagementGroup};
  std::string_view subscription_id{kPlaceholderSubscriptionId};
  std::string_view resource_group{kPlaceholderResourceGroup};
  std::string_view location{kPlaceholderLocation};
  std::string_view deployment_name{kPlaceholderDeploymentName};
  std::string_view environment;  // the cloud's name (--context environment=); empty:
                                 // environment() is Unknown
  // False when a nested deployment targets a subscription or resource group whose name is an
  // Unknown value: resource ids in it are then Unknown too.
  bool ids_known = true;
  // The template being deployed (deployment().properties.template.contentVersion); may be null.
  const Value* template_root = nullptr;
};

}  // namespace armlint::internal
