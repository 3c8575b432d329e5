// unused-parameter: a template parameter that no expression references (arm-ttk "Parameters
// Must Be Referenced"). References are parameters('name') calls anywhere in the file.
#include "absl/strings/str_cat.h"

#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "rules/str.h"
#include "util/strings.h"

namespace armlint::internal {

// Shared with unused-variable: declarations in `section` ("parameters" or "variables") that no
// parameters('name') or variables('name') call uses.
void CheckUnreferenced(const CheckContext& context, const Rule& rule, std::vector<Hit>& out,
                       std::string_view section, std::string_view what) {
  const Value* tmpl = checks::TemplateRoot(context);
  if (tmpl == nullptr) return;
  const Value* decls = tmpl->Find(section);
  if (decls == nullptr || !decls->is_object() || decls->members().empty()) return;
  const checks::TemplateReferences& refs = checks::References(context, *tmpl);
  const bool params = section == "parameters";
  const NameSet& used = params ? refs.parameters : refs.variables;
  const bool dynamic = params ? refs.dynamic_parameters : refs.dynamic_variables;
  if (dynamic) return;  // a computed name could reference any of them
  for (const Member& m : decls->members()) {
    // Variables declared by a `copy` array in the variables section are named inside it.
    if (section == "variables" && EqualsIgnoreCase(m.key, "copy")) continue;
    // Bicep validation variables (`var check = cond ? fail('...') : null`) exist to fail the
    // deployment, not to be read.
    if (m.value->is_string() && checks::IsExpression(m.value->string_value()) &&
        checks::CallsFunction(m.value->string_value(), "fail")) {
      continue;
    }
    if (!used.contains(m.key)) {
      out.push_back(
          checks::MakeHit(rule, m.key_pos, Cat(what, " '", m.key, "' is never referenced")));
    }
  }
}

void CheckUnusedParameter(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  CheckUnreferenced(context, rule, out, "parameters", "parameter");
}

}  // namespace armlint::internal
