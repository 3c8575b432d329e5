// outputs-no-secrets: an output whose value calls a list*() function (listKeys, listSecrets...) or
// references a secure parameter (arm-ttk "Outputs Must Not Contain Secrets"): deployment
// outputs are stored in the deployment history in clear text. Outputs declared securestring or
// secureobject (Bicep's @secure() outputs) are not, and are skipped.
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {

namespace {

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  const Value* tmpl = checks::TemplateRoot(context);
  if (tmpl == nullptr) return;
  const Value* outputs = tmpl->Find("outputs");
  if (outputs == nullptr || !outputs->is_object()) return;
  absl::flat_hash_set<std::string> secure = checks::SecureParameters(*tmpl);
  for (const Member& m : outputs->members()) {
    if (!m.value->is_object()) continue;
    if (const Value* type = m.value->Find("type");
        type && type->is_string() &&
        (EqualsIgnoreCase(type->string_value(), "securestring") ||
         EqualsIgnoreCase(type->string_value(), "secureobject"))) {
      continue;
    }
    const Value* found = nullptr;
    const char* why = nullptr;
    for (std::string_view key : {"value", "copy"}) {
      const Value* v = m.value->Find(key);
      if (v == nullptr || found != nullptr) continue;
      checks::ForEachString(*v, [&](const Value& s) {
        if (found != nullptr || !checks::IsExpression(s.string_value())) return;
        if (checks::CallsListFunction(s.string_value())) {
          found = &s;
          why = "calls a list*() function";
        } else if (checks::ReferencesSecure(s.string_value(), secure)) {
          found = &s;
          why = "references a secure parameter";
        }
      });
    }
    if (found != nullptr) {
      out.push_back(
          checks::MakeHit(rule, found->pos(), "output '" + std::string(m.key) + "' " + why));
    }
  }
}

}  // namespace

extern const NativeCheck kOutputsNoSecrets{
    "outputs-no-secrets", Run, "an output whose value uses list*() or a secure parameter"};

}  // namespace armlint::internal
