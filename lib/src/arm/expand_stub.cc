// Placeholder expander for the walking skeleton: resources as written, expressions Unknown.
#include "absl/strings/str_cat.h"

#include "arm/expand.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

bool IsExpr(std::string_view s) {
  return s.size() >= 2 && s.front() == '[' && s.back() == ']' && !s.starts_with("[[");
}

const Value* Unevaluated(const Value& v, Arena& a) {
  if (v.is_string() && IsExpr(v.string_value())) {
    return Value::Unknown(a, "expression not evaluated", v.anchor());
  }
  if (v.is_array()) {
    std::vector<const Value*> items;
    for (const Value* i : v.items()) items.push_back(Unevaluated(*i, a));
    return Value::Array(a, items, v.anchor());
  }
  if (v.is_object()) {
    std::vector<Member> members;
    for (const Member& m : v.members()) {
      if (EqualsIgnoreCase(m.key, "resources")) continue;
      members.push_back({m.key, Unevaluated(*m.value, a), m.key_pos});
    }
    return Value::Object(a, members, v.anchor());
  }
  return &v;
}

void Walk(const Value& res, const std::string& parent_type, const std::string& parent_name,
          Arena& a, Expansion& out) {
  if (!res.is_object()) return;
  const Value* type = res.Find("type");
  const Value* name = res.Find("name");
  ExpandedResource e;
  std::string t = type && type->is_string() ? std::string(type->string_value()) : "";
  std::string n = name && name->is_string() ? std::string(name->string_value()) : "";
  e.name_known = !n.empty() && !IsExpr(n);
  if (!e.name_known) n = "{unknown}";
  e.type = parent_type.empty() ? t : absl::StrCat(parent_type, "/", t);
  e.name = parent_name.empty() ? n : absl::StrCat(parent_name, "/", n);
  const Value* body = Unevaluated(res, a);
  std::vector<Member> members(body->members().begin(), body->members().end());
  for (Member& m : members) {
    if (EqualsIgnoreCase(m.key, "type")) m.value = Value::String(a, e.type, m.value->anchor());
    if (EqualsIgnoreCase(m.key, "name") && e.name_known) {
      m.value = Value::String(a, e.name, m.value->anchor());
    }
  }
  e.body = Value::Object(a, members, res.anchor());
  if (const Value* ex = res.Find("existing"); ex && ex->is_bool()) e.existing = ex->bool_value();
  out.resources.push_back(e);
  if (const Value* children = res.Find("resources"); children && children->is_array()) {
    for (const Value* c : children->items()) Walk(*c, e.type, e.name, a, out);
  }
}

}  // namespace

absl::StatusOr<Expansion> ExpandTemplate(const Document& tmpl, const ExpandOptions&) {
  Expansion out;
  const Value* resources = tmpl.root().Find("resources");
  if (resources == nullptr) return out;
  if (resources->is_array()) {
    for (const Value* r : resources->items()) Walk(*r, "", "", tmpl.arena(), out);
  } else if (resources->is_object()) {
    for (const Member& m : resources->members()) Walk(*m.value, "", "", tmpl.arena(), out);
  } else {
    return tmpl.ErrorAt(resources->pos(), "'resources' must be an array or an object");
  }
  return out;
}

}  // namespace armlint::internal
