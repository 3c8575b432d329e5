// TemplateScope: the template's sections indexed by name.
#include "arm/template_scope.h"

#include <cstring>

#include "arm/template_strings.h"
#include "util/strings.h"

namespace armlint::internal {

TemplateScope::TemplateScope(ExpandState& state, const Value& root, DeploymentContext ctx,
                             std::vector<SuppliedParameter> supplied)
    : state_(state), root_(root), ctx_(std::move(ctx)), supplied_(std::move(supplied)) {
  ctx_.template_root = &root_;
}

absl::Status TemplateScope::Init() {
  absl::Status first;
  auto fail = [&](Anchor at, std::string_view msg) {
    absl::Status st = state_.ErrorAt(at, msg);
    if (first.ok()) first = st;
  };
  if (const Value* ps = root_.Find("parameters"); ps != nullptr && !ps->is_null()) {
    if (!ps->is_object()) {
      fail(ps->anchor(), "template 'parameters' must be an object");
    } else {
      params_.reserve(ps->members().size());
      param_order_.reserve(ps->members().size());
      for (const Member& m : ps->members()) {
        auto [it, added] = params_.try_emplace(m.key);
        if (added) param_order_.push_back(m.key);
        it->second = ParamSlot{m.key, m.value};
      }
    }
  }
  for (const SuppliedParameter& s : supplied_) {
    auto it = params_.find(s.name);
    if (it == params_.end()) {
      state_.AddError(s.anchor, tmpl::Concat("parameter '", s.name,
                                             "' is given a value but the template does not "
                                             "declare it"));
      continue;
    }
    it->second.supplied = &s;
  }
  if (const Value* vs = root_.Find("variables"); vs != nullptr && !vs->is_null()) {
    if (!vs->is_object()) {
      fail(vs->anchor(), "template 'variables' must be an object");
    } else {
      vars_.reserve(vs->members().size());
      var_order_.reserve(vs->members().size());
      for (const Member& m : vs->members()) {
        if (EqualsIgnoreCase(m.key, "copy") && m.value->is_array()) {
          // Variable iteration: [{"name", "count", "input"}]
          // (https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-variables).
          for (const Value* c : m.value->items()) {
            const Value* name = c->Find("name");
            if (!c->is_object() || name == nullptr || !name->is_string() ||
                c->Find("input") == nullptr) {
              fail(c->anchor(), "variable copy entries need a string 'name', 'count' and 'input'");
              continue;
            }
            auto [it, added] = vars_.try_emplace(name->string_value());
            if (added) var_order_.push_back(name->string_value());
            it->second = VarSlot{name->string_value(), c, true};
          }
          continue;
        }
        auto [it, added] = vars_.try_emplace(m.key);
        if (added) var_order_.push_back(m.key);
        it->second = VarSlot{m.key, m.value, false};
      }
    }
  }
  if (const Value* fs = root_.Find("functions"); fs != nullptr && !fs->is_null()) {
    if (!fs->is_array()) {
      fail(fs->anchor(), "template 'functions' must be an array of namespaces");
    } else {
      for (const Value* ns : fs->items()) {
        const Value* ns_name = ns->Find("namespace");
        const Value* members = ns->Find("members");
        if (ns_name == nullptr || !ns_name->is_string() || members == nullptr ||
            !members->is_object()) {
          fail(ns->anchor(), "a 'functions' entry needs a string 'namespace' and 'members'");
          continue;
        }
        const std::string_view ns_view = ns_name->string_value();
        for (const Member& m : members->members()) {
          // "ns.name" in the arena: the map's key lives as long as the expansion.
          const std::size_t n = ns_view.size() + 1 + m.key.size();
          char* key = state_.arena().NewArray<char>(n);
          std::memcpy(key, ns_view.data(), ns_view.size());
          key[ns_view.size()] = '.';
          std::memcpy(key + ns_view.size() + 1, m.key.data(), m.key.size());
          functions_.insert_or_assign(std::string_view(key, n),
                                      FunctionSlot{ns_view, m.key, m.value});
        }
      }
    }
  }
  return first;
}

void TemplateScope::EvaluateAll() {
  // In declaration order, so that errors come out in a stable order.
  for (std::string_view key : param_order_) {
    ParamSlot& slot = params_.find(key)->second;
    if (slot.state == Eval::kNotYet) ResolveParameter(slot);
  }
  for (std::string_view key : var_order_) {
    VarSlot& slot = vars_.find(key)->second;
    if (slot.state == Eval::kNotYet) ResolveVariable(slot);
  }
}

}  // namespace armlint::internal
