// Template outputs: evaluated like a deployment's outputs, with `condition` and `copy`
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/outputs). Outputs of a
// secure type are flagged kFlagSecure so that no printer shows them.
#include <span>

#include "arm/template_resources.h"
#include "arm/template_strings.h"
#include "util/strings.h"

namespace armlint::internal {

const Value* ExpandOutputs(TemplateScope& env, const Value& outputs) {
  ExpandState& state = env.state();
  Arena& a = state.arena();
  if (!outputs.is_object()) {
    state.AddError(outputs.anchor(), "template 'outputs' must be an object");
    return nullptr;
  }
  std::vector<Member> out;
  out.reserve(outputs.members().size());
  for (const Member& m : outputs.members()) {
    const Value& decl = *m.value;
    if (!decl.is_object()) {
      state.AddError(decl.anchor(), tmpl::Concat("output '", m.key, "' must be an object"));
      continue;
    }
    if (const Value* c = decl.Find("condition"); c != nullptr) {
      const Value* cv = state.Eval(*c, env);
      if (cv->is_bool() && !cv->bool_value()) continue;
    }
    const Value* type = decl.Find("type");
    const Value* value = nullptr;
    if (const Value* copy = decl.Find("copy"); copy != nullptr && copy->is_object()) {
      absl::StatusOr<std::optional<std::int64_t>> count = state.CopyCount(*copy, env);
      const Value* input = copy->Find("input");
      if (!count.ok()) {
        state.AddError(count.status());
        value = Value::Unknown(a, "invalid copy count", copy->anchor(), Kind::kArray);
      } else if (input == nullptr) {
        state.AddError(copy->anchor(), "output 'copy' needs an 'input'");
        value = Value::Unknown(a, "output copy without input", copy->anchor(), Kind::kArray);
      } else if (!count->has_value()) {
        value = Value::Unknown(a, "copy count is unknown", copy->anchor(), Kind::kArray);
      } else {
        std::vector<const Value*> items;
        for (std::int64_t i = 0; i < **count; ++i) {
          env.PushCopy("", i);
          items.push_back(state.Eval(*input, env));
          env.PopCopy();
        }
        value = Value::Array(a, items, copy->anchor());
      }
    } else if (const Value* v = decl.Find("value"); v != nullptr) {
      value = state.Eval(*v, env);
    } else {
      state.AddError(decl.anchor(), tmpl::Concat("output '", m.key, "' has no 'value' or 'copy'"));
      continue;
    }
    bool secure = type != nullptr && type->is_string() &&
                  (EqualsIgnoreCase(type->string_value(), "securestring") ||
                   EqualsIgnoreCase(type->string_value(), "secureobject"));
    if (secure && !value->secure())
      value = Value::Reanchor(a, *value, value->anchor(), kFlagSecure);
    Member o[2];
    std::size_t n = 0;
    if (type != nullptr) o[n++] = Member{"type", type, decl.pos()};
    o[n++] = Member{"value", value, decl.pos()};
    out.push_back(
        Member{m.key, Value::Object(a, std::span<const Member>(o, n), decl.anchor()), m.key_pos});
  }
  return Value::Object(a, out, outputs.anchor());
}

}  // namespace armlint::internal
