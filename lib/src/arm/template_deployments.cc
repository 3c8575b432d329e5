// Nested deployments (Microsoft.Resources/deployments with an inline `template`): the template
// is expanded recursively, in the parent's scope (`outer`, the default) or its own (`inner`,
// parameters passed from the deployment's `parameters`, evaluated in the parent)
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/linked-templates#expression-evaluation-scope-in-nested-templates).
// `templateLink` deployments are not fetched: only the deployment resource itself remains, with
// ExpandedResource::unexpanded_template saying so (rule linked-template-not-evaluated).
#include "arm/template_resources.h"
#include "arm/template_strings.h"
#include "util/limits.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// Sets `field` from a deployment member that names a subscription or resource group.
void TargetFrom(const Value* v, std::string_view& field, DeploymentContext& ctx) {
  if (v == nullptr) return;
  if (v->is_string()) {
    field = v->string_value();
  } else {
    ctx.ids_known = false;
  }
}

}  // namespace

const Value* ResourceExpander::ExpandNested(TemplateScope& env, const Value& decl,
                                            const ExpandedResource& deployment,
                                            const DeploymentContext& ctx, int depth) {
  const Value* props_raw = decl.Find("properties");
  const Value* tmpl_raw = props_raw == nullptr ? nullptr : props_raw->Find("template");
  if (tmpl_raw == nullptr) {  // templateLink (not fetched) or nothing
    return props_raw == nullptr ? nullptr : props_raw->Find("templateLink");
  }
  if (depth + 1 > limits::kMaxDeploymentDepth) {
    state_.AddError(tmpl_raw->anchor(),
                    tmpl::Concat("nested deployments deeper than ", limits::kMaxDeploymentDepth,
                                 " levels (kMaxDeploymentDepth) are not expanded"));
    return nullptr;
  }
  const Value& body = *deployment.body;
  const Value* props = body.Find("properties");
  bool inner = false;
  if (const Value* opts = props->Find("expressionEvaluationOptions"); opts != nullptr) {
    const Value* scope = opts->Find("scope");
    if (scope != nullptr && scope->is_string()) {
      inner = EqualsIgnoreCase(scope->string_value(), "inner");
      if (!inner && !EqualsIgnoreCase(scope->string_value(), "outer")) {
        state_.AddError(scope->anchor(),
                        "expressionEvaluationOptions.scope must be \"inner\" or \"outer\"");
      }
    }
  }
  // The template: usually an object literal; an expression (a variable, json(...)) is
  // evaluated in the parent.
  const Value* tmpl = tmpl_raw->is_object() ? tmpl_raw : state_.Eval(*tmpl_raw, env);
  if (tmpl->is_unknown()) return tmpl_raw;  // known only at deployment
  if (!tmpl->is_object()) {
    state_.AddError(tmpl_raw->anchor(), "a nested deployment's 'template' must be an object");
    return nullptr;
  }

  DeploymentContext nested = ctx;
  if (const Value* schema = tmpl->Find("$schema"); schema != nullptr && schema->is_string()) {
    nested.level = ScopeLevelFromSchema(schema->string_value(), ctx.level);
  }
  TargetFrom(body.Find("subscriptionId"), nested.subscription_id, nested);
  if (body.Find("subscriptionId") != nullptr && ctx.level != ScopeLevel::kResourceGroup &&
      body.Find("resourceGroup") == nullptr && tmpl->Find("$schema") == nullptr) {
    nested.level = ScopeLevel::kSubscription;
  }
  if (const Value* rg = body.Find("resourceGroup"); rg != nullptr) {
    TargetFrom(rg, nested.resource_group, nested);
    nested.level = ScopeLevel::kResourceGroup;
  }
  if (const Value* scope = body.Find("scope"); scope != nullptr) {
    // "Microsoft.Management/managementGroups/{name}" (Bicep) or the absolute id.
    if (scope->is_string()) {
      std::string_view s = scope->string_value();
      std::string_view marker = "Microsoft.Management/managementGroups/";
      std::size_t at = tmpl::FindIgnoreCase(s, marker);
      if (at != std::string_view::npos) {
        nested.management_group = s.substr(at + marker.size());
        nested.level = ScopeLevel::kManagementGroup;
      }
    } else {
      nested.ids_known = false;
    }
  }
  if (deployment.name_known) nested.deployment_name = deployment.name;

  const Value* resources = tmpl->Find("resources");
  // A template given as an expression (Bicep's "[variables('$fxv#0')]" from loadJsonContent)
  // has already been evaluated in the parent, which removed its "[[" escapes: what remains is
  // deployed as a template of its own, with the deployment's parameters, whatever the scope.
  if (!inner && tmpl_raw->is_object()) {
    nested.template_root = &env.root();
    if (resources != nullptr) ExpandList(env, *resources, nullptr, nested, depth + 1);
    return nullptr;
  }
  std::vector<SuppliedParameter> supplied;
  if (const Value* ps = props->Find("parameters"); ps != nullptr && !ps->is_null()) {
    if (ps->is_unknown()) {
      // Parameters from an Unknown expression: every one of them is Unknown.
    } else {
      supplied = SuppliedParameters(state_, *ps);
    }
  }
  TemplateScope scope(state_, *tmpl, std::move(nested), std::move(supplied));
  state_.AddError(scope.Init());
  if (resources != nullptr) ExpandList(scope, *resources, nullptr, scope.context(), depth + 1);
  scope.EvaluateAll();
  return nullptr;
}

}  // namespace armlint::internal
