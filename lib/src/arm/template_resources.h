// Expands a template's `resources` (an array, or an object of symbolic names in
// languageVersion 2.0) into concrete resources: copy loops, conditions, child resources nested
// in their parent, `existing` resources, and nested deployments with an inline template
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/linked-templates).
#pragma once

#include <string>
#include <vector>

#include "arm/expand.h"
#include "arm/template_context.h"
#include "arm/template_scope.h"

namespace armlint::internal {

class ResourceExpander {
 public:
  ResourceExpander(ExpandState& state, std::vector<ExpandedResource>& out)
      : state_(state), out_(out) {}

  // Expands `resources` of a template evaluated in `env`, deployed to `ctx`, inside `depth`
  // nested deployments. Problems are recorded in the state.
  void ExpandList(TemplateScope& env, const Value& resources, const DeploymentContext& ctx,
                  int depth);

 private:
  struct Parent {
    std::string_view type;  // views into the document, as ExpandedResource's
    std::string_view name;
    bool name_known = true;
  };
  void ExpandList(TemplateScope& env, const Value& resources, const Parent* parent,
                  const DeploymentContext& ctx, int depth);
  void ExpandDecl(TemplateScope& env, std::string_view symbolic, const Value& decl,
                  const Parent* parent, const DeploymentContext& ctx, int depth);
  void ExpandInstance(TemplateScope& env, std::string_view symbolic, const Value& decl,
                      const Parent* parent, const DeploymentContext& ctx, int depth);
  void ExpandInstanceBody(TemplateScope& env, std::string_view symbolic, const Value& decl,
                          const Parent* parent, const DeploymentContext& ctx, int depth);
  // Expands a nested deployment's inline template; returns the `templateLink` or `template`
  // value when the template cannot be expanded (ExpandedResource::unexpanded_template).
  const Value* ExpandNested(TemplateScope& env, const Value& decl,
                            const ExpandedResource& deployment, const DeploymentContext& ctx,
                            int depth);
  const Value* EvalDeploymentProperties(const Value& props, TemplateScope& env);

  // "p/c" in the arena.
  std::string_view JoinPath(std::string_view parent, std::string_view child);

  ExpandState& state_;
  std::vector<ExpandedResource>& out_;
  // Reused by every resource: evaluated members (a stack: nested uses push above and pop
  // back), and the resource id being built.
  std::vector<Member> members_;
  std::string id_;
};

// Evaluates a template's `outputs` ({"name": {"type", "value" | "copy", "condition"}}) into
// {"name": {"type": ..., "value": ...}}; outputs whose condition is false are left out.
const Value* ExpandOutputs(TemplateScope& env, const Value& outputs);

}  // namespace armlint::internal
