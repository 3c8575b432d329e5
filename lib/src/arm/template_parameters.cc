// Template parameters: supplied values (parameter file or nested deployment), defaults that are
// expressions, allowedValues and min/max checks, secure types
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/parameters).
#include <string>

#include "arm/template_scope.h"
#include "arm/template_strings.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// The same value with kFlagSecure on it and everything inside it.
const Value* MarkSecure(Arena& a, const Value& v) {
  switch (v.kind()) {
    case Kind::kArray: {
      std::vector<const Value*> items;
      items.reserve(v.items().size());
      for (const Value* i : v.items()) items.push_back(MarkSecure(a, *i));
      return Value::Array(a, items, v.anchor(), v.flags() | kFlagSecure);
    }
    case Kind::kObject: {
      std::vector<Member> ms;
      ms.reserve(v.members().size());
      for (const Member& m : v.members()) ms.push_back({m.key, MarkSecure(a, *m.value), m.key_pos});
      return Value::Object(a, ms, v.anchor(), v.flags() | kFlagSecure);
    }
    default:
      return v.secure() ? &v : Value::Reanchor(a, v, v.anchor(), kFlagSecure);
  }
}

std::string_view TypeOf(const Value& decl) {
  const Value* t = decl.Find("type");
  return (t != nullptr && t->is_string()) ? t->string_value() : std::string_view();
}

Kind KindOfType(std::string_view type) {
  if (EqualsIgnoreCase(type, "string") || EqualsIgnoreCase(type, "securestring")) {
    return Kind::kString;
  }
  if (EqualsIgnoreCase(type, "int")) return Kind::kInt;
  if (EqualsIgnoreCase(type, "bool")) return Kind::kBool;
  if (EqualsIgnoreCase(type, "array")) return Kind::kArray;
  if (EqualsIgnoreCase(type, "object") || EqualsIgnoreCase(type, "secureobject")) {
    return Kind::kObject;
  }
  return Kind::kUnknown;
}

bool IsSecureType(std::string_view type) {
  return EqualsIgnoreCase(type, "securestring") || EqualsIgnoreCase(type, "secureobject");
}

bool BoolMember(const Value& decl, std::string_view key) {
  const Value* v = decl.Find(key);
  return v != nullptr && v->is_bool() && v->bool_value();
}

// The declaration that carries a parameter's type: languageVersion 2.0 parameters may name a
// user type ({"$ref": "#/definitions/skuType"}), itself possibly a $ref.
const Value& TypeDecl(const Value& root, const Value& decl) {
  const Value* d = &decl;
  const Value* defs = root.Find("definitions");
  for (int i = 0; i < 8 && defs != nullptr; ++i) {
    const Value* ref = d->Find("$ref");
    if (ref == nullptr || !ref->is_string()) break;
    std::string_view r = ref->string_value();
    constexpr std::string_view kPrefix = "#/definitions/";
    if (r.substr(0, kPrefix.size()) != kPrefix) break;
    const Value* next = defs->Find(r.substr(kPrefix.size()));
    if (next == nullptr || !next->is_object()) break;
    d = next;
  }
  return *d;
}

}  // namespace

std::vector<SuppliedParameter> SuppliedParameters(ExpandState& state, const Value& parameters) {
  std::vector<SuppliedParameter> out;
  if (!parameters.is_object()) {
    state.AddError(parameters.anchor(), "'parameters' must be an object of {\"value\": ...}");
    return out;
  }
  out.reserve(parameters.members().size());
  for (const Member& m : parameters.members()) {
    SuppliedParameter s{m.key, nullptr, nullptr, m.value->anchor()};
    // Bicep passes optional module parameters as
    // "[if(cond, createObject('value', x), null())]": null is "not given", Unknown is a value
    // not known offline.
    if (m.value->is_null()) continue;
    if (m.value->is_unknown()) s.value = m.value;
    if (m.value->is_object()) {
      s.value = m.value->Find("value");
      s.reference = m.value->Find("reference");
    }
    if (s.value == nullptr && s.reference == nullptr) {
      state.AddError(
          m.value->anchor(),
          tmpl::Concat("parameter '", m.key, "' needs a \"value\" or a Key Vault \"reference\""));
      continue;
    }
    out.push_back(s);
  }
  return out;
}

absl::StatusOr<const Value*> TemplateScope::Parameter(std::string_view name) {
  auto it = params_.find(name);
  if (it == params_.end()) {
    return tmpl::Invalid(
        tmpl::Concat("parameter '", name, "' is not declared in the template's parameters"));
  }
  ParamSlot& slot = it->second;
  if (slot.state == Eval::kInProgress) {
    return tmpl::Invalid(
        tmpl::Concat("the default value of parameter '", name, "' refers to itself"));
  }
  const Value* v = slot.state == Eval::kDone ? slot.value : ResolveParameter(slot);
  state_.Touch(*v);
  return v;
}

const Value* TemplateScope::ResolveParameter(ParamSlot& slot) {
  Arena& a = state_.arena();
  const Value& decl = *slot.decl;
  std::string_view type = decl.is_object() ? TypeOf(TypeDecl(root_, decl)) : std::string_view();
  bool secure = IsSecureType(type);
  const Value* v = nullptr;
  slot.state = Eval::kInProgress;
  if (!decl.is_object()) {
    state_.AddError(decl.anchor(),
                    tmpl::Concat("parameter '", slot.name, "' must be declared as an object"));
    v = Value::Unknown(a, "invalid parameter declaration", decl.anchor());
  } else if (slot.supplied != nullptr && slot.supplied->reference != nullptr) {
    // A Key Vault reference in a parameter file: the secret is read at deployment.
    v = Value::Unknown(a, "Key Vault reference, resolved at deployment",
                       slot.supplied->reference->anchor(), KindOfType(type), kFlagSecure);
    secure = true;
  } else if (slot.supplied != nullptr &&
             !(slot.supplied->value->is_null() && decl.Find("defaultValue") != nullptr)) {
    // A null value with a default declared takes the default, as ARM does (Bicep relies on it
    // for optional module parameters).
    v = slot.supplied->value;
    CheckParameterValue(slot, *v);
  } else if (const Value* def = decl.Find("defaultValue"); def != nullptr) {
    std::vector<CopyFrame> frames = TakeCopyFrames();
    v = state_.Eval(*def, *this);
    RestoreCopyFrames(std::move(frames));
    CheckParameterValue(slot, *v);
  } else if (BoolMember(decl, "nullable") || BoolMember(TypeDecl(root_, decl), "nullable")) {
    v = Value::Null(a, decl.anchor(), kFlagAssumedNull);
  } else {
    v = Value::Unknown(a, a.Copy(tmpl::Concat("parameter '", slot.name, "' has no value")),
                       decl.anchor(), KindOfType(type));
  }
  if (secure) v = MarkSecure(a, *v);
  slot.value = v;
  slot.state = Eval::kDone;
  return v;
}

void TemplateScope::CheckParameterValue(const ParamSlot& slot, const Value& v) {
  if (v.is_unknown() || v.is_null()) return;
  const Value& decl = TypeDecl(root_, *slot.decl);
  std::string_view type = TypeOf(decl);
  bool secure = IsSecureType(type) || v.secure();
  Kind want = KindOfType(type);
  Kind got = v.kind() == Kind::kDouble ? Kind::kInt : v.kind();
  if (want != Kind::kUnknown && want != got) {
    state_.AddError(v.anchor(), tmpl::Concat("parameter '", slot.name, "' is declared ", type,
                                             " but its value is ", KindName(v.kind())));
    return;
  }
  if (const Value* allowed = decl.Find("allowedValues");
      allowed != nullptr && allowed->is_array() && !ContainsUnknown(v)) {
    auto allowed_has = [&](const Value& x) {
      // ARM compares strings with allowedValues case-insensitively (Bicep's @allowed is
      // stricter: https://github.com/Azure/bicep/issues/2489).
      for (const Value* a : allowed->items()) {
        if (a->is_string() && x.is_string()) {
          if (EqualsIgnoreCase(a->string_value(), x.string_value())) return true;
        } else if (DeepEquals(*a, x)) {
          return true;
        }
      }
      return false;
    };
    // For an array parameter, each element must be one of the allowed values.
    bool ok = true;
    if (v.is_array() && want == Kind::kArray) {
      for (const Value* item : v.items()) ok = ok && allowed_has(*item);
    } else {
      ok = allowed_has(v);
    }
    if (!ok) {
      std::string shown = secure ? "its value" : "the value";
      if (!secure && v.is_string()) shown = tmpl::Concat("'", v.string_value(), "'");
      if (!secure && v.is_int()) shown = tmpl::Concat(v.int_value());
      state_.AddError(v.anchor(), tmpl::Concat("parameter '", slot.name, "': ", shown,
                                               " is not one of its allowedValues"));
    }
  }
  if (v.is_int()) {
    const Value* min = decl.Find("minValue");
    const Value* max = decl.Find("maxValue");
    if (min != nullptr && min->is_int() && v.int_value() < min->int_value()) {
      state_.AddError(v.anchor(), tmpl::Concat("parameter '", slot.name, "' is ", v.int_value(),
                                               ", below its minValue ", min->int_value()));
    }
    if (max != nullptr && max->is_int() && v.int_value() > max->int_value()) {
      state_.AddError(v.anchor(), tmpl::Concat("parameter '", slot.name, "' is ", v.int_value(),
                                               ", above its maxValue ", max->int_value()));
    }
  }
  if (v.is_string() || v.is_array()) {
    std::int64_t len = v.is_string() ? static_cast<std::int64_t>(v.string_value().size())
                                     : static_cast<std::int64_t>(v.items().size());
    const Value* min = decl.Find("minLength");
    const Value* max = decl.Find("maxLength");
    if (min != nullptr && min->is_int() && len < min->int_value()) {
      state_.AddError(v.anchor(), tmpl::Concat("parameter '", slot.name, "' has length ", len,
                                               ", below its minLength ", min->int_value()));
    }
    if (max != nullptr && max->is_int() && len > max->int_value()) {
      state_.AddError(v.anchor(), tmpl::Concat("parameter '", slot.name, "' has length ", len,
                                               ", above its maxLength ", max->int_value()));
    }
  }
}

}  // namespace armlint::internal
