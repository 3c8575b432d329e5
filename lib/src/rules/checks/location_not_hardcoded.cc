// location-not-hardcoded: a resource whose location is written as a literal other than "global"
// (arm-ttk "Resources Should Have Location" / "Location Should Not Be Hardcoded"): use
// [parameters('location')] or [resourceGroup().location] so the template deploys anywhere.
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {

namespace {

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  const Value* tmpl = checks::TemplateRoot(context);
  if (tmpl == nullptr) return;
  checks::ForEachResource(*tmpl, [&](const Value& res) {
    const Value* loc = res.Find("location");
    if (loc == nullptr || !loc->is_string()) return;
    std::string_view s = loc->string_value();
    if (s.empty() || checks::IsExpression(s) || EqualsIgnoreCase(s, "global")) return;
    out.push_back(
        checks::MakeHit(rule, loc->pos(), "location '" + std::string(s) + "' is hard-coded"));
  });
}

}  // namespace

extern const NativeCheck kLocationNotHardcoded{
    "location-not-hardcoded", Run, "a resource location written as a literal other than 'global'"};

}  // namespace armlint::internal
