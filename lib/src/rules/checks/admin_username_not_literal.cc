// admin-username-not-literal: an adminUsername (VM osProfile, scale sets, ...) written as a string
// literal (arm-ttk "adminUsername Should Not Be A Literal"): take it from a parameter.
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "rules/str.h"
#include "util/strings.h"

namespace armlint::internal {

namespace {

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  const Value* tmpl = checks::TemplateRoot(context);
  if (tmpl == nullptr) return;
  for (const Member* m : checks::Index(context, *tmpl).admin_usernames) {
    if (!m->value->is_string()) continue;
    if (m->value->string_value().empty() || checks::IsExpression(m->value->string_value())) {
      continue;
    }
    out.push_back(checks::MakeHit(rule, m->value->pos(), "adminUsername is a literal"));
  }
}

}  // namespace

extern const NativeCheck kAdminUsernameNotLiteral{
    "admin-username-not-literal", Run, "an adminUsername property written as a string literal"};

}  // namespace armlint::internal
