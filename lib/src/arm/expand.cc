// ExpandTemplate: the root template's scope, its resources, outputs and errors.
#include "arm/expand.h"

#include "arm/template_resources.h"
#include "arm/template_scope.h"

namespace armlint::internal {

absl::StatusOr<Expansion> ExpandTemplate(const Document& tmpl, const ExpandOptions& options) {
  const Value& root = tmpl.root();
  if (!root.is_object()) {
    return tmpl.ErrorAt(root.pos(), "a deployment template must be a JSON object");
  }
  const Value* resources = root.Find("resources");
  if (resources != nullptr && !resources->is_array() && !resources->is_object() &&
      !resources->is_null()) {
    return tmpl.ErrorAt(resources->pos(),
                        "'resources' must be an array (or an object of symbolic names with "
                        "languageVersion 2.0)");
  }
  ExpandState state(tmpl, options.parameters);
  std::vector<SuppliedParameter> supplied;
  if (options.parameters != nullptr) {
    const Value& proot = options.parameters->root();
    const Value* ps = proot.Find("parameters");
    if (!proot.is_object() || ps == nullptr) {
      return options.parameters->ErrorAt(proot.pos(),
                                         "a parameter file needs a 'parameters' object");
    }
    supplied = SuppliedParameters(state, *ps);
  }
  DeploymentContext ctx;
  ApplyContextValues(options.context, ctx);
  if (const Value* schema = root.Find("$schema"); schema != nullptr && schema->is_string()) {
    ctx.level = ScopeLevelFromSchema(schema->string_value(), ScopeLevel::kResourceGroup);
  }
  TemplateScope scope(state, root, std::move(ctx), std::move(supplied));
  if (absl::Status st = scope.Init(); !st.ok()) return st;

  Expansion out;
  // Templates in the wild declare tens of resources (with nested deployments' ones): one
  // allocation up front instead of a doubling series.
  out.resources.reserve(64);
  ResourceExpander expander(state, out.resources);
  if (resources != nullptr) expander.ExpandList(scope, *resources, scope.context(), 0);
  if (const Value* outputs = root.Find("outputs"); outputs != nullptr && state.fatal().ok()) {
    out.outputs = ExpandOutputs(scope, *outputs);
  }
  if (state.fatal().ok()) scope.EvaluateAll();
  if (!state.fatal().ok()) return state.fatal();
  out.errors = state.TakeErrors();
  return out;
}

}  // namespace armlint::internal
