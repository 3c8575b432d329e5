// Resource expansion: copy loops, conditions, child resources and resource ids
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-resources,
// .../conditional-resource-deployment, .../child-resource-name-type).
#include "arm/template_resources.h"

#include "arm/template_strings.h"
#include "util/limits.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

bool IsMember(std::string_view key, std::string_view name) { return EqualsIgnoreCase(key, name); }

// The id prefix a resource's `scope` property names (extension resources): an absolute id, or
// one relative to the deployment scope ("Microsoft.KeyVault/vaults/kv", as Bicep writes it).
std::string ScopePrefix(const Value& scope, const DeploymentContext& ctx) {
  std::string_view s = scope.string_value();
  if (!s.empty() && s[0] == '/') return std::string(s);
  return tmpl::Concat(ScopeId(ctx), "/providers/", s);
}

}  // namespace

void ResourceExpander::ExpandList(TemplateScope& env, const Value& resources,
                                  const DeploymentContext& ctx, int depth) {
  ExpandList(env, resources, nullptr, ctx, depth);
}

void ResourceExpander::ExpandList(TemplateScope& env, const Value& resources, const Parent* parent,
                                  const DeploymentContext& ctx, int depth) {
  if (resources.is_array()) {
    for (const Value* r : resources.items()) ExpandDecl(env, "", *r, parent, ctx, depth);
  } else if (resources.is_object()) {
    // languageVersion 2.0: {"symbolicName": {...}, ...}
    for (const Member& m : resources.members())
      ExpandDecl(env, m.key, *m.value, parent, ctx, depth);
  } else if (!resources.is_null()) {
    state_.AddError(resources.anchor(),
                    "'resources' must be an array (or an object of symbolic names with "
                    "languageVersion 2.0)");
  }
}

void ResourceExpander::ExpandDecl(TemplateScope& env, std::string_view symbolic, const Value& decl,
                                  const Parent* parent, const DeploymentContext& ctx, int depth) {
  if (!state_.fatal().ok()) return;
  if (!decl.is_object()) {
    state_.AddError(decl.anchor(), "a resource must be an object");
    return;
  }
  const Value* copy = decl.Find("copy");
  if (copy == nullptr || copy->is_null()) {
    ExpandInstance(env, symbolic, decl, parent, ctx, depth);
    return;
  }
  if (!copy->is_object()) {
    state_.AddError(copy->anchor(), "resource 'copy' must be an object with 'name' and 'count'");
    return;
  }
  const Value* name = copy->Find("name");
  if (name == nullptr || !name->is_string()) {
    state_.AddError(copy->anchor(), "resource 'copy' needs a string 'name'");
    return;
  }
  if (const Value* mode = copy->Find("mode"); mode != nullptr) {
    if (!mode->is_string() || !(EqualsIgnoreCase(mode->string_value(), "serial") ||
                                EqualsIgnoreCase(mode->string_value(), "parallel"))) {
      state_.AddError(mode->anchor(), "copy 'mode' must be \"serial\" or \"parallel\"");
    }
  }
  if (const Value* batch = copy->Find("batchSize"); batch != nullptr) {
    const Value* b = state_.Eval(*batch, env);
    if (!b->is_unknown() && !b->is_int()) {
      state_.AddError(batch->anchor(), "copy 'batchSize' must be an integer");
    }
  }
  absl::StatusOr<std::optional<std::int64_t>> count = state_.CopyCount(*copy, env);
  if (!count.ok()) {
    state_.AddError(count.status());
    return;
  }
  // An Unknown count: one representative instance (index 0), so the resource is still linted.
  std::int64_t n = count->has_value() ? **count : 1;
  for (std::int64_t i = 0; i < n && state_.fatal().ok(); ++i) {
    env.PushCopy(name->string_value(), i);
    ExpandInstance(env, symbolic, decl, parent, ctx, depth);
    env.PopCopy();
  }
}

const Value* ResourceExpander::EvalDeploymentProperties(const Value& props, TemplateScope& env) {
  if (!props.is_object()) return state_.Eval(props, env);
  // The inline template is not evaluated here: its expressions belong to the nested scope.
  std::vector<Member> out;
  out.reserve(props.members().size());
  for (const Member& m : props.members()) {
    const Value* v = IsMember(m.key, "template") ? m.value : state_.Eval(*m.value, env);
    out.push_back(Member{m.key, v, m.key_pos});
  }
  return Value::Object(state_.arena(), out, props.anchor(), props.flags());
}

void ResourceExpander::ExpandInstance(TemplateScope& env, std::string_view symbolic,
                                      const Value& decl, const Parent* parent,
                                      const DeploymentContext& ctx, int depth) {
  const Value* existing = decl.Find("existing");
  bool quiet = existing != nullptr && existing->is_bool() && existing->bool_value();
  state_.quiet += quiet ? 1 : 0;
  ExpandInstanceBody(env, symbolic, decl, parent, ctx, depth);
  state_.quiet -= quiet ? 1 : 0;
}

void ResourceExpander::ExpandInstanceBody(TemplateScope& env, std::string_view symbolic,
                                          const Value& decl, const Parent* parent,
                                          const DeploymentContext& ctx, int depth) {
  Arena& a = state_.arena();
  const Value* condition = nullptr;
  if (const Value* c = decl.Find("condition"); c != nullptr) {
    condition = state_.Eval(*c, env);
    if (condition->is_bool()) {
      if (!condition->bool_value()) return;  // not deployed
      condition = nullptr;
    } else if (!condition->is_unknown()) {
      state_.AddError(c->anchor(), tmpl::Concat("resource 'condition' must be a bool, got ",
                                                KindName(condition->kind())));
      condition = nullptr;
    }
  }
  const Value* type_raw = decl.Find("type");
  const Value* name_raw = decl.Find("name");
  if (type_raw == nullptr || name_raw == nullptr) {
    state_.AddError(decl.anchor(),
                    type_raw == nullptr ? "resource has no 'type'" : "resource has no 'name'");
    return;
  }
  const Value* type_v = state_.Eval(*type_raw, env);
  const Value* name_v = state_.Eval(*name_raw, env);
  std::string type = type_v->is_string() ? std::string(type_v->string_value()) : "{unknown}";
  bool name_known = name_v->is_string();
  std::string name = name_known ? std::string(name_v->string_value()) : "{unknown}";
  if (parent != nullptr && type.find('/') == std::string::npos) {
    // A child declared inside its parent: type and name are the last segment only.
    type = tmpl::Concat(parent->type, "/", type);
    name = tmpl::Concat(parent->name, "/", name);
    name_known = name_known && parent->name_known;
  }
  bool is_deployment = EqualsIgnoreCase(type, "Microsoft.Resources/deployments");

  std::vector<Member> body;
  body.reserve(decl.members().size());
  for (const Member& m : decl.members()) {
    if (IsMember(m.key, "copy") || IsMember(m.key, "condition") || IsMember(m.key, "dependsOn") ||
        (IsMember(m.key, "resources") && m.value->is_array())) {
      continue;
    }
    const Value* v = nullptr;
    if (IsMember(m.key, "type")) {
      v = type_v->is_string() ? Value::String(a, type, type_raw->anchor(), type_v->flags())
                              : type_v;
    } else if (IsMember(m.key, "name")) {
      v = name_known             ? Value::String(a, name, name_raw->anchor(), name_v->flags())
          : name_v->is_unknown() ? name_v
                                 : Value::Unknown(a, "the parent's name is unknown",
                                                  name_raw->anchor(), Kind::kString);
    } else if (is_deployment && IsMember(m.key, "properties")) {
      v = EvalDeploymentProperties(*m.value, env);
    } else {
      v = state_.Eval(*m.value, env);
    }
    body.push_back(Member{m.key, v, m.key_pos});
  }
  const Value* body_v = Value::Object(a, body, decl.anchor(), decl.flags());

  ExpandedResource r;
  r.body = body_v;
  r.type = type;
  r.name = name;
  r.name_known = name_known;
  r.symbolic_name = std::string(symbolic);
  r.deployment_depth = depth;
  r.condition = condition;
  if (const Value* e = body_v->Find("existing"); e != nullptr && e->is_bool()) {
    r.existing = e->bool_value();
  }
  if (name_known && type_v->is_string() && ctx.ids_known) {
    if (const Value* scope = body_v->Find("scope"); scope != nullptr) {
      if (scope->is_string()) r.id = ResourceIdUnder(ScopePrefix(*scope, ctx), type, name);
    } else if (is_deployment && (body_v->Find("subscriptionId") || body_v->Find("resourceGroup"))) {
      const Value* sub = body_v->Find("subscriptionId");
      const Value* rg = body_v->Find("resourceGroup");
      bool known = (sub == nullptr || sub->is_string()) && (rg == nullptr || rg->is_string());
      if (known) {
        std::string prefix = tmpl::Concat(
            "/subscriptions/", sub ? sub->string_value() : std::string_view(ctx.subscription_id));
        if (rg != nullptr) tmpl::AppendTo(prefix, "/resourceGroups/", rg->string_value());
        r.id = ResourceIdUnder(prefix, type, name);
      }
    } else {
      r.id = ResourceIdUnder(ScopeId(ctx), type, name);
    }
  }
  if (out_.size() >= limits::kMaxResources) {
    state_.SetFatal(
        state_.ErrorAt(decl.anchor(),
                       tmpl::Concat("expansion produces more than ", limits::kMaxResources,
                                    " resources (kMaxResources)"),
                       absl::StatusCode::kResourceExhausted));
    return;
  }
  const std::size_t index = out_.size();
  out_.push_back(r);

  if (const Value* children = decl.Find("resources"); children != nullptr && children->is_array()) {
    Parent p{type, name, name_known};
    ExpandList(env, *children, &p, ctx, depth);
  }
  if (is_deployment && !r.existing) {
    out_[index].unexpanded_template = ExpandNested(env, decl, r, ctx, depth);
  }
}

}  // namespace armlint::internal
