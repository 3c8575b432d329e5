// secure-parameter-literal-default: a securestring/secureobject parameter whose defaultValue is a
// literal secret (arm-ttk "Secure String Parameters Cannot Have Default"). An empty default
// ("" or {}) and an expression such as [newGuid()] are allowed.
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {

namespace {

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
    if (def->is_string() &&
        (def->string_value().empty() || checks::IsExpression(def->string_value()))) {
      continue;
    }
    if (def->is_object() && def->members().empty()) continue;
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
