// Parameter binding: https://learn.microsoft.com/azure/governance/policy/concepts/
// definition-structure-parameters
#include "policy/policy_parameters.h"

#include "rules/operators.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// Whether `v` has the declared type (String, Array, Object, Boolean, Integer, Float, DateTime).
bool HasType(const Value& v, std::string_view type) {
  if (v.is_unknown()) return true;
  if (EqualsIgnoreCase(type, "String") || EqualsIgnoreCase(type, "DateTime")) {
    return v.is_string();
  }
  if (EqualsIgnoreCase(type, "Array")) return v.is_array();
  if (EqualsIgnoreCase(type, "Object")) return v.is_object();
  if (EqualsIgnoreCase(type, "Boolean")) return v.is_bool();
  if (EqualsIgnoreCase(type, "Integer")) return v.is_int();
  if (EqualsIgnoreCase(type, "Float")) return v.is_number();
  return true;  // a type Azure may add: not checked
}

bool Allowed(const Value& v, const Value& allowed) {
  for (const Value* a : allowed.items()) {
    if (LooseEquals(v, *a) == Tri::kTrue) return true;
  }
  return false;
}

}  // namespace

absl::Status BindParameters(const Document& doc, const Value* declared, const GivenValues& given,
                            BoundParameters& out) {
  if (declared == nullptr || !declared->is_object()) return absl::OkStatus();
  for (const Member& m : declared->members()) {
    std::string key = ToLower(m.key);
    const Value* decl = m.value;
    const Value* value = nullptr;
    const Document* value_doc = &doc;
    bool from_default = false;
    if (auto it = given.values.find(key); it != given.values.end()) {
      value = it->second;
      if (auto d = given.docs.find(key); d != given.docs.end() && d->second) {
        value_doc = d->second;
      }
    } else if (decl->is_object() && decl->Find("defaultValue") != nullptr) {
      value = decl->Find("defaultValue");
      from_default = true;
    }
    if (value == nullptr) {
      out.missing.push_back(std::string(m.key));
      continue;
    }
    const Value* type = decl->is_object() ? decl->Find("type") : nullptr;
    // A definition's own default of another type is accepted, as Azure accepted the definition
    // (a built-in initiative declares an unused String parameter with the default []); a value
    // given by an assignment must match.
    if (type != nullptr && type->is_string() && !from_default &&
        !HasType(*value, type->string_value())) {
      return value_doc->ErrorAt(
          value->pos(), Cat("policy parameter '", m.key, "' must be of type ", type->string_value(),
                            ", not ", KindName(value->kind())));
    }
    const Value* allowed = decl->is_object() ? decl->Find("allowedValues") : nullptr;
    if (allowed != nullptr && allowed->is_array() && !allowed->items().empty() &&
        !value->is_unknown() && !Allowed(*value, *allowed)) {
      bool ok = false;
      if (value->is_array()) {  // an array parameter: each element must be allowed
        ok = true;
        for (const Value* item : value->items()) ok = ok && Allowed(*item, *allowed);
      }
      if (!ok) {
        std::string list;
        std::size_t shown = 0;
        for (const Value* a : allowed->items()) {
          if (shown++ == 8) {
            list += ", ...";
            break;
          }
          list += Cat(list.empty() ? "" : ", ",
                      a->is_string() ? Cat("'", a->string_value(), "'") : std::string("..."));
        }
        return value_doc->ErrorAt(value->pos(), Cat("policy parameter '", m.key,
                                                    "': value not in allowedValues (", list, ")"));
      }
    }
    out.values[key] = value;
  }
  return absl::OkStatus();
}

}  // namespace armlint::internal
