// Deployment functions: deployment(), environment(), deployer()
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-deployment).
// parameters() and variables() read the template through the ExprEnv (functions/env.cc).
#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "arm/template_context.h"
#include "arm/template_strings.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// environment() for a cloud named with --context environment=NAME: its name, and for the three
// public clouds the endpoints and suffixes templates use most (the documented values of
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-deployment#environment
// and the sovereign-cloud pages); what is not listed here stays Unknown.
const Value* EnvironmentObject(std::string_view cloud, Arena& a, Anchor at) {
  struct Cloud {
    std::string_view name, resource_manager, portal, storage, keyvault, sql, acr;
  };
  static constexpr Cloud kClouds[] = {
      {"AzureCloud", "https://management.azure.com/", "https://portal.azure.com",
       "core.windows.net", ".vault.azure.net", ".database.windows.net", ".azurecr.io"},
      {"AzureChinaCloud", "https://management.chinacloudapi.cn/", "https://portal.azure.cn",
       "core.chinacloudapi.cn", ".vault.azure.cn", ".database.chinacloudapi.cn", ".azurecr.cn"},
      {"AzureUSGovernment", "https://management.usgovcloudapi.net/", "https://portal.azure.us",
       "core.usgovcloudapi.net", ".vault.usgovcloudapi.net", ".database.usgovcloudapi.net",
       ".azurecr.us"},
  };
  const Cloud* known = nullptr;
  for (const Cloud& c : kClouds) {
    if (EqualsIgnoreCase(c.name, cloud)) known = &c;
  }
  auto str = [&](std::string_view Cloud::*field) -> const Value* {
    if (known == nullptr) {
      return Value::Unknown(a,
                            "environment(): armlint knows the endpoints of AzureCloud, "
                            "AzureChinaCloud and AzureUSGovernment only",
                            at, Kind::kString);
    }
    return Value::String(a, known->*field, at);
  };
  auto unknown = [&](Kind kind) {
    return Value::Unknown(a, "environment(): not among the values armlint knows", at, kind);
  };
  return MakeObject(
      a,
      {{"name", Value::String(a, known != nullptr ? known->name : cloud, at)},
       {"gallery", unknown(Kind::kString)},
       {"graph", unknown(Kind::kString)},
       {"portal", str(&Cloud::portal)},
       {"graphAudience", unknown(Kind::kString)},
       {"activeDirectoryDataLake", unknown(Kind::kString)},
       {"batch", unknown(Kind::kString)},
       {"media", unknown(Kind::kString)},
       {"sqlManagement", unknown(Kind::kString)},
       {"vmImageAliasDoc", unknown(Kind::kString)},
       {"resourceManager", str(&Cloud::resource_manager)},
       {"authentication", unknown(Kind::kObject)},
       {"suffixes", MakeObject(a,
                               {{"acrLoginServer", str(&Cloud::acr)},
                                {"azureDatalakeAnalyticsCatalogAndJob", unknown(Kind::kString)},
                                {"azureDatalakeStoreFileSystem", unknown(Kind::kString)},
                                {"azureFrontDoorEndpointSuffix", unknown(Kind::kString)},
                                {"keyvaultDns", str(&Cloud::keyvault)},
                                {"sqlServerHostname", str(&Cloud::sql)},
                                {"storage", str(&Cloud::storage)}},
                               at)}},
      at);
}

absl::StatusOr<const Value*> Deployment(CallContext& call, std::span<const Value* const>) {
  const DeploymentContext& ctx = call.deployment();
  Arena& a = call.arena();
  Anchor at = call.at();
  // The documented shape: name, properties.{templateLink, template, parameters, mode,
  // provisioningState}; `location` only outside resource groups. templateLink exists only
  // when the template was deployed from a URI, which armlint cannot know.
  const Value* content_version = nullptr;
  if (ctx.template_root != nullptr) content_version = ctx.template_root->Find("contentVersion");
  if (content_version == nullptr) content_version = Value::StringView(a, "1.0.0.0", at);
  const Value* tmpl = MakeObject(a, {{"contentVersion", content_version}}, at);
  const Value* props =
      MakeObject(a,
                 {{"templateLink",
                   Value::Unknown(a,
                                  "deployment().properties.templateLink exists only when deployed "
                                  "from a URI",
                                  at, Kind::kObject)},
                  {"template", tmpl},
                  {"parameters", Value::Object(a, {}, at)},
                  {"mode", Value::StringView(a, "Incremental", at)},
                  {"provisioningState", Value::StringView(a, "Accepted", at)}},
                 at);
  if (ctx.level == ScopeLevel::kResourceGroup) {
    return MakeObject(
        a, {{"name", Value::String(a, ctx.deployment_name, at)}, {"properties", props}}, at);
  }
  return MakeObject(a,
                    {{"name", Value::String(a, ctx.deployment_name, at)},
                     {"location", Value::String(a, ctx.location, at)},
                     {"properties", props}},
                    at);
}

absl::StatusOr<const Value*> Environment(CallContext& call, std::span<const Value* const>) {
  const DeploymentContext& ctx = call.deployment();
  if (ctx.environment.empty()) {
    return Value::Unknown(call.arena(), "environment() depends on the cloud deployed to", call.at(),
                          Kind::kObject);
  }
  return EnvironmentObject(ctx.environment, call.arena(), call.at());
}

absl::StatusOr<const Value*> Deployer(CallContext& call, std::span<const Value* const>) {
  return Value::Unknown(call.arena(), "deployer() is the identity that deploys", call.at(),
                        Kind::kObject);
}

}  // namespace

void RegisterDeploymentFunctions(FunctionTable& t) {
  t.Add(DeploymentObjectFunction("deployment", Deployment));
  t.Add(DeploymentObjectFunction("environment", Environment));
  t.Add(DeploymentObjectFunction("deployer", Deployer));
}

}  // namespace armlint::internal
