// secure-parameter-literal-default: a securestring/secureobject parameter whose defaultValue is a
// literal secret (arm-ttk "Secure String Parameters Cannot Have Default"). An empty default
// ("" or {}), an expression such as [newGuid()], and an object or array default with no literal
// string in it (switches and numbers such as {"enabled": false}) are allowed.
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {

namespace {

// True when `v` holds a string that is neither empty nor an expression: the only place a literal
// secret can be written.
bool HoldsLiteralString(const Value& v, int depth = 0) {
  if (v.is_string()) {
    return !v.string_value().empty() && !checks::IsExpression(v.string_value());
  }
  if (depth > 64) return true;  // Too deep to judge: keep the finding.
  if (v.is_object()) {
    for (const Member& m : v.members()) {
      if (HoldsLiteralString(*m.value, depth + 1)) return true;
    }
  } else if (v.is_array()) {
    for (const Value* e : v.items()) {
      if (HoldsLiteralString(*e, depth + 1)) return true;
    }
  }
  return false;
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  const Value* tmpl = checks::TemplateRoot(context);
  if (tmpl == nullptr) return;
  const Value* params = tmpl->Find("parameters");
  if (params == nullptr || !params->is_object()) return;
  absl::flat_hash_set<std::string> secure = checks::SecureParameters(*tmpl);
  for (const Member& m : params->members()) {
    if (!secure.contains(ToLower(m.key))) continue;
    const Value* def = m.value->Find("defaultValue");
    if (def == nullptr || def->is_null()) continue;
    if ((def->is_string() || def->is_object() || def->is_array()) && !HoldsLiteralString(*def)) {
      continue;
    }
    out.push_back(checks::MakeHit(
        rule, def->pos(),
        "secure parameter '" + std::string(m.key) + "' has a literal default value"));
  }
}

}  // namespace

extern const NativeCheck kSecureParameterLiteralDefault{
    "secure-parameter-literal-default", Run,
    "a securestring/secureobject parameter with a literal default value"};

}  // namespace armlint::internal
