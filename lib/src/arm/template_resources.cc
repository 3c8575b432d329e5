// Resource expansion: copy loops, conditions, child resources and resource ids
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-resources,
// .../conditional-resource-deployment, .../child-resource-name-type).
#include "arm/template_resources.h"

#include <cstring>
#include <span>

#include "arm/template_strings.h"
#include "util/limits.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

bool IsMember(std::string_view key, std::string_view name) { return EqualsIgnoreCase(key, name); }

// Appends the id prefix a resource's `scope` property names (extension resources): an absolute
// id, or one relative to the deployment scope ("Microsoft.KeyVault/vaults/kv", as Bicep writes
// it).
void AppendScopePrefix(const Value& scope, const DeploymentContext& ctx, std::string& out) {
  std::string_view s = scope.string_value();
  if (!s.empty() && s[0] == '/') {
    out.append(s);
    return;
  }
  AppendScopeId(ctx, out);
  tmpl::AppendTo(out, "/providers/", s);
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
  const std::size_t base = members_.size();
  for (const Member& m : props.members()) {
    const Value* v = IsMember(m.key, "template") ? m.value : state_.Eval(*m.value, env);
    members_.push_back(Member{m.key, v, m.key_pos});
  }
  const Value* out = Value::Object(state_.arena(), std::span<const Member>(members_).subspan(base),
                                   props.anchor(), props.flags());
  members_.resize(base);
  return out;
}

std::string_view ResourceExpander::JoinPath(std::string_view parent, std::string_view child) {
  const std::size_t n = parent.size() + 1 + child.size();
  char* p = state_.arena().NewArray<char>(n);
  std::memcpy(p, parent.data(), parent.size());
  p[parent.size()] = '/';
  std::memcpy(p + parent.size() + 1, child.data(), child.size());
  return {p, n};
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
  // Views into the document (its text or arena), as ExpandedResource keeps them.
  std::string_view type = type_v->is_string() ? type_v->string_value() : "{unknown}";
  bool name_known = name_v->is_string();
  std::string_view name = name_known ? name_v->string_value() : "{unknown}";
  if (parent != nullptr && type.find('/') == std::string_view::npos) {
    // A child declared inside its parent: type and name are the last segment only.
    type = JoinPath(parent->type, type);
    name = JoinPath(parent->name, name);
    name_known = name_known && parent->name_known;
  }
  bool is_deployment = EqualsIgnoreCase(type, "Microsoft.Resources/deployments");

  const std::size_t base = members_.size();
  for (const Member& m : decl.members()) {
    if (IsMember(m.key, "copy") || IsMember(m.key, "condition") || IsMember(m.key, "dependsOn") ||
        (IsMember(m.key, "resources") && m.value->is_array())) {
      continue;
    }
    const Value* v = nullptr;
    if (IsMember(m.key, "type")) {
      v = type_v->is_string() ? Value::StringView(a, type, type_raw->anchor(), type_v->flags())
                              : type_v;
    } else if (IsMember(m.key, "name")) {
      v = name_known             ? Value::StringView(a, name, name_raw->anchor(), name_v->flags())
          : name_v->is_unknown() ? name_v
                                 : Value::Unknown(a, "the parent's name is unknown",
                                                  name_raw->anchor(), Kind::kString);
    } else if (is_deployment && IsMember(m.key, "properties")) {
      v = EvalDeploymentProperties(*m.value, env);
    } else {
      v = state_.Eval(*m.value, env);
    }
    members_.push_back(Member{m.key, v, m.key_pos});
  }
  const Value* body_v = Value::Object(a, std::span<const Member>(members_).subspan(base),
                                      decl.anchor(), decl.flags());
  members_.resize(base);

  ExpandedResource r;
  r.body = body_v;
  r.type = type;
  r.name = name;
  r.name_known = name_known;
  r.symbolic_name = symbolic;
  r.deployment_depth = depth;
  r.condition = condition;
  if (const Value* e = body_v->Find("existing"); e != nullptr && e->is_bool()) {
    r.existing = e->bool_value();
  }
  if (name_known && type_v->is_string() && ctx.ids_known) {
    // Built in a buffer the resources share, then copied into the arena.
    id_.clear();
    bool scoped = true;
    if (const Value* scope = body_v->Find("scope"); scope != nullptr) {
      scoped = scope->is_string();
      if (scoped) AppendScopePrefix(*scope, ctx, id_);
    } else if (is_deployment && (body_v->Find("subscriptionId") || body_v->Find("resourceGroup"))) {
      const Value* sub = body_v->Find("subscriptionId");
      const Value* rg = body_v->Find("resourceGroup");
      scoped = (sub == nullptr || sub->is_string()) && (rg == nullptr || rg->is_string());
      if (scoped) {
        tmpl::AppendTo(id_, "/subscriptions/",
                       sub ? sub->string_value() : std::string_view(ctx.subscription_id));
        if (rg != nullptr) tmpl::AppendTo(id_, "/resourceGroups/", rg->string_value());
      }
    } else {
      AppendScopeId(ctx, id_);
    }
    if (scoped && AppendResourceId(type, name, id_)) r.id = a.Copy(id_);
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
