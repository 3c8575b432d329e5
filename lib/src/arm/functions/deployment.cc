// Deployment functions: deployment(), environment(), deployer()
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-deployment).
// parameters() and variables() read the template through the ExprEnv (functions/env.cc).
#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "arm/template_context.h"

namespace armlint::internal {
namespace {

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
  return Value::Unknown(call.arena(), "environment() depends on the cloud deployed to", call.at(),
                        Kind::kObject);
}

absl::StatusOr<const Value*> Deployer(CallContext& call, std::span<const Value* const>) {
  return Value::Unknown(call.arena(), "deployer() is the identity that deploys", call.at(),
                        Kind::kObject);
}

}  // namespace

// Entries name only the fields they set (designated initializers).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterDeploymentFunctions(FunctionTable& t) {
  auto add = [&](std::string_view name, ArmFn fn) {
    t.Add({.name = name,
           .min_args = 0,
           .max_args = 0,
           .result = Kind::kObject,
           .fn = fn,
           .needs_deployment = true});
  };
  add("deployment", Deployment);
  add("environment", Environment);
  add("deployer", Deployer);
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
