// admin-username-literal: an adminUsername (VM osProfile, scale sets, ...) written as a string
// literal (arm-ttk "adminUsername Should Not Be A Literal"): take it from a parameter.
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "rules/str.h"
#include "util/strings.h"

namespace armlint::internal {

void CheckAdminUsernameLiteral(const CheckContext& context, const Rule& rule,
                               std::vector<Hit>& out) {
  const Value* tmpl = checks::TemplateRoot(context);
  if (tmpl == nullptr) return;
  const Value* resources = tmpl->Find("resources");
  if (resources == nullptr) return;
  checks::ForEachMember(*resources, [&](const Member& m, const Value&) {
    if (!EqualsIgnoreCase(m.key, "adminUsername") || !m.value->is_string()) return;
    if (m.value->string_value().empty() || checks::IsExpression(m.value->string_value())) return;
    out.push_back(checks::MakeHit(rule, m.value->pos(), "adminUsername is a literal"));
  });
}

}  // namespace armlint::internal
