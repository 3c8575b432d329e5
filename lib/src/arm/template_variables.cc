// Template variables: evaluated lazily, once, with `copy` iteration and cycle detection
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/variables).
#include <string>

#include "arm/template_scope.h"
#include "arm/template_strings.h"
#include "util/strings.h"

namespace armlint::internal {

absl::StatusOr<const Value*> TemplateScope::Variable(std::string_view name) {
  auto it = vars_.find(name);
  if (it == vars_.end()) {
    return tmpl::Invalid(
        tmpl::Concat("variable '", name, "' is not declared in the template's variables"));
  }
  VarSlot& slot = it->second;
  if (slot.state == Eval::kInProgress) {
    std::string chain;
    bool in_cycle = false;
    for (std::string_view v : var_chain_) {
      in_cycle = in_cycle || EqualsIgnoreCase(v, slot.name);
      if (in_cycle) tmpl::AppendTo(chain, v, " -> ");
    }
    tmpl::AppendTo(chain, slot.name);
    return tmpl::Invalid(tmpl::Concat("variables refer to each other in a cycle: ", chain));
  }
  const Value* v = slot.state == Eval::kDone ? slot.value : ResolveVariable(slot);
  state_.Touch(*v, slot.assumes_null);
  return v;
}

const Value* TemplateScope::ResolveVariable(VarSlot& slot) {
  slot.state = Eval::kInProgress;
  var_chain_.push_back(slot.name);
  std::vector<CopyFrame> frames = TakeCopyFrames();
  const ExpandState::Touched outer = state_.ExchangeTouched({});
  const Value* v = nullptr;
  if (!slot.is_copy) {
    v = state_.Eval(*slot.decl, *this);
  } else {
    const Value& c = *slot.decl;
    absl::StatusOr<std::optional<std::int64_t>> count = state_.CopyCount(c, *this);
    if (!count.ok()) {
      state_.AddError(count.status());
      v = Value::Unknown(state_.arena(), "invalid copy count", c.anchor(), Kind::kArray);
    } else if (!count->has_value()) {
      v = Value::Unknown(state_.arena(), "copy count is unknown", c.anchor(), Kind::kArray);
    } else {
      const Value* input = c.Find("input");
      std::vector<const Value*> items;
      items.reserve(static_cast<std::size_t>(**count));
      for (std::int64_t i = 0; i < **count; ++i) {
        PushCopy(slot.name, i, /*named_only=*/true);
        items.push_back(state_.Eval(*input, *this));
        PopCopy();
      }
      v = Value::Array(state_.arena(), items, c.anchor());
    }
  }
  const ExpandState::Touched touched = state_.ExchangeTouched(outer);
  if (touched.secure && !v->secure()) {
    v = Value::Reanchor(state_.arena(), *v, v->anchor(), kFlagSecure);
  }
  slot.assumes_null = touched.assumed_null;
  RestoreCopyFrames(std::move(frames));
  var_chain_.pop_back();
  slot.value = v;
  slot.state = Eval::kDone;
  return v;
}

}  // namespace armlint::internal
